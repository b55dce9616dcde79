package dev.milvusboot.benchmarks.startup;

import java.util.List;

import dev.milvusboot.client.MilvusClient;

/**
 * Our client with its defaults, and its first call ({@code listCollections}), which connects; {@code created} is
 * told when the client is created.
 */
public final class OurFirstCall {

	private OurFirstCall() {
	}

	public static AutoCloseable firstCall(String uri, Runnable created) {
		MilvusClient client = MilvusClient.create(uri);
		created.run();
		List<String> collections = client.listCollections();
		if (collections == null) {
			throw new IllegalStateException("No answer");
		}
		return client;
	}

}
