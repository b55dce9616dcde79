package dev.milvusboot.benchmarks.footprint;

import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;

/** The official SDK's {@code MilvusClientV2}, connected: created with its defaults and one call answered. */
public final class SdkConnection {

	private SdkConnection() {
	}

	public static AutoCloseable connect(String uri) {
		MilvusClientV2 client = new MilvusClientV2(ConnectConfig.builder().uri(uri).build());
		client.listCollections();
		return () -> client.close(5);
	}

}
