package dev.milvusboot.benchmarks.startup;

import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.service.collection.response.ListCollectionsResp;

/**
 * The official SDK's {@code MilvusClientV2} with its defaults (it connects in its constructor) and a first call;
 * {@code created} is told when the client is created.
 */
public final class SdkFirstCall {

	private SdkFirstCall() {
	}

	public static AutoCloseable firstCall(String uri, Runnable created) {
		MilvusClientV2 client = new MilvusClientV2(ConnectConfig.builder().uri(uri).build());
		created.run();
		ListCollectionsResp collections = client.listCollections();
		if (collections == null) {
			throw new IllegalStateException("No answer");
		}
		return () -> client.close(5);
	}

}
