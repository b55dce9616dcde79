package dev.milvusboot.client;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * What the administration tests share: a client on the shared Milvus Lite that records the operations it sends
 * (so tests can check that invalid input never reached the server), and unique names.
 */
@MilvusLiteTest
abstract class AdminTestSupport {

	static MilvusClient client;

	static AdminFixtures.RecordingListener calls;

	static TestNames names;

	@BeforeAll
	static void connect(MilvusLite lite, TestNames testNames) {
		calls = new AdminFixtures.RecordingListener();
		client = MilvusClient.create(MilvusClientOptions.builder().uri(lite.uri()).listener(calls).build());
		names = testNames;
	}

	@AfterAll
	static void close() {
		client.close();
	}

}
