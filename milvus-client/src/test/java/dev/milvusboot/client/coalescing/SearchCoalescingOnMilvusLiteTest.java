package dev.milvusboot.client.coalescing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.milvusboot.client.api.sync.MilvusCommands;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.SearchCoalescing;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.exception.MilvusTimeoutException;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Combined searches against Milvus Lite, and the deadline of searches waiting behind a frozen server.
 */
@MilvusLiteTest
class SearchCoalescingOnMilvusLiteTest extends SearchCoalescingContract {

	@BeforeAll
	static void connect(MilvusLite milvus, TestNames names) {
		prepare(milvus.uri(), names);
	}

	@Test
	void whenTheServerFreezesThenWaitingSearchesFailAtTheirDeadlineToo(TestNames names) throws Exception {
		try (MilvusLite own = MilvusLite.builder().build().start();
				MilvusClient client = MilvusClient.create(MilvusClientOptions.builder()
					.uri(own.uri())
					.searchCoalescing(new SearchCoalescing(1, 64))
					.build())) {
			String collection = names.collection("frozen_search");
			client.createCollection(collection, DIM, MetricType.L2, true);
			MilvusCommands impatient = client.withTimeout(Duration.ofMillis(1500));
			Random random = new Random(1);
			impatient.search(Search.in(collection).vector(vector(random)).build());
			own.pause();
			ExecutorService threads = Executors.newFixedThreadPool(6);
			try {
				long start = System.nanoTime();
				List<Future<Throwable>> outcomes = new ArrayList<>();
				for (int t = 0; t < 6; t++) {
					float[] vector = vector(random);
					outcomes.add(threads.submit(() -> {
						try {
							impatient.search(Search.in(collection).vector(vector).build());
							return null;
						}
						catch (RuntimeException ex) {
							return ex;
						}
					}));
					Thread.sleep(50);
				}
				for (Future<Throwable> outcome : outcomes) {
					assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(MilvusTimeoutException.class);
				}
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			}
			finally {
				own.resume();
				threads.shutdownNow();
			}
			assertThat(client.search(Search.in(collection).vector(vector(random)).build()).size()).isEqualTo(1);
		}
	}

}
