package dev.milvusboot.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.exception.MilvusClientClosedException;
import dev.milvusboot.client.exception.MilvusTimeoutException;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client's life against a real Milvus Lite: shared by many threads over its pool, views per database and
 * deadline, and nothing left behind after close.
 */
@MilvusLiteTest
class ClientLifecycleTest {

	private static Set<String> clientThreads() {
		Set<String> names = new java.util.TreeSet<>();
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			String name = thread.getName();
			if (thread.isAlive() && (name.startsWith("grpc-") || name.startsWith("milvus-"))) {
				names.add(name);
			}
		}
		return names;
	}

	@Test
	void whenManyThreadsShareOneClientThenCallsSpreadOverThePoolAndCloseReleasesEverything(MilvusLite lite,
			TestNames names) throws Exception {
		Set<String> before = clientThreads();
		MilvusClient client = MilvusClient.create(MilvusClientOptions.builder().uri(lite.uri()).poolSize(4).build());
		String collection = names.collection("shared");
		client.createCollection(collection, 4, MetricType.L2, true);
		assertThat(client.serverVersion()).startsWith("milvus_lite-");
		ExecutorService threads = Executors.newFixedThreadPool(16);
		List<Future<Integer>> results = new ArrayList<>();
		for (int t = 0; t < 16; t++) {
			float value = t;
			results.add(threads.submit(() -> {
				client.insert(collection, List.of(Map.of("vector", new float[] { value, 1, 2, 3 })));
				return client.search(Search.in(collection).vector(new float[] { value, 1, 2, 3 }).topK(1).build())
					.first()
					.size();
			}));
		}
		for (Future<Integer> result : results) {
			assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(1);
		}
		threads.shutdown();
		PoolStatistics pool = client.poolStatistics();
		assertThat(pool.channels()).isEqualTo(4);
		assertThat(pool.ready()).isGreaterThanOrEqualTo(2);
		assertThat(pool.callsInFlight()).isZero();

		client.close();
		assertThat(client.isClosed()).isTrue();
		assertThat(client.poolStatistics().shutdown()).isEqualTo(4);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!before.containsAll(clientThreads()) && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(clientThreads()).isSubsetOf(before);
		assertThatExceptionOfType(MilvusClientClosedException.class).isThrownBy(client::listCollections);
		assertThatExceptionOfType(MilvusClientClosedException.class).isThrownBy(client::serverVersion)
			.withMessageContaining("the Milvus client is closed");
	}

	@Test
	void whenAViewUsesAnotherDatabaseThenItSeesOnlyThatDatabaseWithoutReconnecting(MilvusLite lite, TestNames names) {
		try (MilvusClient client = MilvusClient.create(lite.uri())) {
			String database = names.database("tenant");
			client.createDatabase(database);
			MilvusClient tenant = client.withDatabase(database);
			String collection = names.collection("in_tenant");
			tenant.createCollection(collection, 4, MetricType.L2, true);
			assertThat(tenant.listCollections()).containsExactly(collection);
			assertThat(client.listCollections()).doesNotContain(collection);
			assertThat(tenant.database()).isEqualTo(database);
			tenant.close();
			assertThat(client.isClosed()).isFalse();
			assertThat(client.listCollections()).doesNotContain(collection);
			tenant.dropCollection(collection);
			client.dropDatabase(database);
		}
	}

	@Test
	void whenTheServerIsFrozenThenACallWithAShortDeadlineFailsInTime(TestNames names) {
		try (MilvusLite own = MilvusLite.builder().build().start();
				MilvusClient client = MilvusClient.create(own.uri())) {
			String collection = names.collection("frozen");
			client.createCollection(collection, 4, MetricType.L2, true);
			own.pause();
			try {
				long start = System.nanoTime();
				assertThatExceptionOfType(MilvusTimeoutException.class)
					.isThrownBy(() -> client.withTimeout(Duration.ofMillis(800)).count(collection, ""))
					.withMessageContaining("deadline");
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
			}
			finally {
				own.resume();
			}
			assertThat(client.count(collection, "")).isZero();
		}
	}

	@Test
	void whenTheServerRestartsThenTheSameClientReconnectsByItself(TestNames names) {
		try (MilvusLite own = MilvusLite.builder().build().start();
				MilvusClient client = MilvusClient.create(own.uri())) {
			String collection = names.collection("restart");
			client.createCollection(collection, 4, MetricType.L2, false);
			client.insert(collection, List.of(Map.of("id", 1L, "vector", new float[] { 1, 2, 3, 4 })));
			client.flush(collection);
			own.restart();
			client.loadCollection(collection);
			assertThat(client.get(collection, List.of(1L))).hasSize(1);
		}
	}

}
