package dev.milvusboot.client;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusStandalone;
import dev.milvusboot.local.junit.MilvusStandaloneTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * What the tests on the shared Milvus 2.3 standalone share: a client with a request timeout for its slower calls
 * (loads, index builds), and unique names.
 */
@MilvusStandaloneTest
abstract class StandaloneTestSupport {

	static MilvusClient client;

	static TestNames names;

	@BeforeAll
	static void connect(MilvusStandalone milvus, TestNames testNames) {
		client = MilvusClient.create(MilvusClientOptions.builder()
			.uri(milvus.uri())
			.requestTimeout(Duration.ofSeconds(60))
			.build());
		names = testNames;
	}

	@AfterAll
	static void close() {
		client.close();
	}

}
