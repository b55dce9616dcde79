package dev.milvusboot.benchmarks.startup;

import java.util.List;

import dev.milvusboot.client.MilvusClient;

/** Our client with its defaults, and its first call ({@code listCollections}), which connects. */
public final class OurFirstCall {

	private OurFirstCall() {
	}

	public static AutoCloseable firstCall(String uri) {
		MilvusClient client = MilvusClient.create(uri);
		List<String> collections = client.listCollections();
		if (collections == null) {
			throw new IllegalStateException("No answer");
		}
		return client;
	}

}
