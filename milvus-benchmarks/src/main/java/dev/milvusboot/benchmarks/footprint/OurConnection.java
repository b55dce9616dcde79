package dev.milvusboot.benchmarks.footprint;

import dev.milvusboot.client.MilvusClient;

/** Our client, connected: created with its defaults and one call answered. */
public final class OurConnection {

	private OurConnection() {
	}

	public static AutoCloseable connect(String uri) {
		MilvusClient client = MilvusClient.create(uri);
		client.listCollections();
		return client;
	}

}
