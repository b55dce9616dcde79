package dev.milvusboot.client.coalescing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.milvusboot.client.MilvusCallListener;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.SearchCoalescing;
import dev.milvusboot.client.data.Hit;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.data.SearchResults;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.junit.TestNames;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent searches combined into one request give every caller exactly the hits it gets alone, against a real
 * server. Subclasses name the server.
 */
abstract class SearchCoalescingContract {

	static final int DIM = 16;

	static final int ROWS = 2000;

	private static MilvusClient alone;

	private static String collection;

	private static String uri;

	/** Creates, fills and loads the collection shared by the tests. */
	static void prepare(String uri, TestNames names) {
		SearchCoalescingContract.uri = uri;
		alone = MilvusClient
			.create(MilvusClientOptions.builder().uri(uri).searchCoalescing(SearchCoalescing.DISABLED).build());
		collection = names.collection("coalesce");
		// Exact (FLAT) search, so that hits do not depend on when a server builds an index.
		alone.createCollection(CollectionSchema.builder(collection)
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.floatVector("vector", DIM))
			.field(FieldSchema.varchar("tag", 10))
			.build());
		alone.createIndex(
				IndexParams.builder(collection, "vector").indexType(IndexType.FLAT).metric(MetricType.L2).build());
		Random random = new Random(7);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			rows.add(Map.of("id", (long) i, "vector", vector(random), "tag", "t" + (i % 5)));
		}
		alone.insert(collection, rows);
		alone.flush(collection);
		alone.loadCollection(collection);
	}

	@AfterAll
	static void close() {
		if (alone != null) {
			alone.dropCollection(collection);
			alone.close();
		}
	}

	static float[] vector(Random random) {
		float[] vector = new float[DIM];
		for (int d = 0; d < DIM; d++) {
			vector[d] = random.nextFloat();
		}
		return vector;
	}

	/** Counts the search requests sent and the query vectors in each. */
	static final class SearchRequests implements MilvusCallListener {

		final List<Long> queriesPerRequest = new CopyOnWriteArrayList<>();

		@Override
		public Call callStarted(MilvusCallContext context) {
			if (!context.operation().equals("search")) {
				return new Call() {
				};
			}
			return new Call() {
				@Override
				public void succeeded(long count) {
					SearchRequests.this.queriesPerRequest.add(count);
				}
			};
		}

	}

	private static Search search(float[] vector, String filter) {
		Search.Builder search = Search.in(collection)
			.vector(vector)
			.topK(7)
			.outputFields("tag")
			.consistency(ConsistencyLevel.STRONG);
		if (filter != null) {
			search.filter(filter);
		}
		return search.build();
	}

	@Test
	void whenManyThreadsSearchAtOnceThenSearchesAreCombinedAndEachCallerGetsItsOwnHits() throws Exception {
		SearchRequests requests = new SearchRequests();
		int threads = 12;
		int perThread = 15;
		Random random = new Random(11);
		List<float[]> vectors = new ArrayList<>();
		for (int i = 0; i < threads * perThread; i++) {
			vectors.add(vector(random));
		}
		List<String> filters = new ArrayList<>();
		for (int i = 0; i < vectors.size(); i++) {
			filters.add((i % 3 == 0) ? "tag == \"t1\"" : null);
		}
		try (MilvusClient combining = MilvusClient.create(MilvusClientOptions.builder()
			.uri(uri)
			.searchCoalescing(new SearchCoalescing(1, 64))
			.listener(requests)
			.build())) {
			List<SearchResults> got = new ArrayList<>();
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			try {
				CountDownLatch start = new CountDownLatch(1);
				List<Future<List<SearchResults>>> futures = new ArrayList<>();
				for (int t = 0; t < threads; t++) {
					int first = t * perThread;
					futures.add(pool.submit(() -> {
						start.await();
						List<SearchResults> own = new ArrayList<>();
						for (int i = first; i < first + perThread; i++) {
							own.add(combining.search(search(vectors.get(i), filters.get(i))));
						}
						return own;
					}));
				}
				start.countDown();
				for (Future<List<SearchResults>> future : futures) {
					got.addAll(future.get(120, TimeUnit.SECONDS));
				}
			}
			finally {
				pool.shutdownNow();
			}
			for (int i = 0; i < vectors.size(); i++) {
				SearchResults expected = alone.search(search(vectors.get(i), filters.get(i)));
				assertThat(got.get(i).size()).as("queries of search %d", i).isEqualTo(1);
				assertSameHits(got.get(i).first(), expected.first(), i);
			}
		}
		assertThat(requests.queriesPerRequest.stream().mapToLong(Long::longValue).sum())
			.as("query vectors sent").isEqualTo(vectors.size());
		assertThat(requests.queriesPerRequest).as("requests sent").hasSizeLessThan(vectors.size());
		assertThat(requests.queriesPerRequest).as("some requests combined several searches")
			.anyMatch((queries) -> queries > 1);
	}

	@Test
	void whenOneThreadSearchesThenEverySearchGoesAloneAtOnce() {
		SearchRequests requests = new SearchRequests();
		try (MilvusClient client = MilvusClient.create(MilvusClientOptions.builder()
			.uri(uri)
			.searchCoalescing(new SearchCoalescing(1, 64))
			.listener(requests)
			.build())) {
			Random random = new Random(3);
			for (int i = 0; i < 5; i++) {
				float[] vector = vector(random);
				assertSameHits(client.search(search(vector, null)).first(), alone.search(search(vector, null)).first(),
						i);
			}
		}
		assertThat(requests.queriesPerRequest).containsExactly(1L, 1L, 1L, 1L, 1L);
	}

	@Test
	void whenSearchesOfSeveralVectorsAreCombinedThenEachGetsItsQueriesInOrder() throws Exception {
		SearchRequests requests = new SearchRequests();
		Random random = new Random(5);
		List<float[][]> batches = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			batches.add(new float[][] { vector(random), vector(random), vector(random) });
		}
		try (MilvusClient combining = MilvusClient.create(MilvusClientOptions.builder()
			.uri(uri)
			.searchCoalescing(new SearchCoalescing(1, 64))
			.listener(requests)
			.build())) {
			List<java.util.concurrent.CompletableFuture<SearchResults>> futures = new ArrayList<>();
			for (float[][] batch : batches) {
				futures.add(combining.async().search(Search.in(collection).vectors(batch).topK(5).build()));
			}
			for (int i = 0; i < batches.size(); i++) {
				SearchResults got = futures.get(i).get(60, TimeUnit.SECONDS);
				SearchResults expected = alone.search(Search.in(collection).vectors(batches.get(i)).topK(5).build());
				assertThat(got.size()).isEqualTo(3);
				for (int q = 0; q < 3; q++) {
					assertSameHits(got.hits(q), expected.hits(q), i * 3 + q);
				}
			}
		}
		assertThat(requests.queriesPerRequest.stream().mapToLong(Long::longValue).sum()).isEqualTo(72);
		assertThat(requests.queriesPerRequest).as("async searches issued together are combined")
			.hasSizeLessThan(batches.size())
			.allMatch((queries) -> queries % 3 == 0 && queries <= 63);
	}

	static void assertSameHits(List<Hit> got, List<Hit> expected, int search) {
		assertThat(got).as("hits of search %d", search).hasSameSizeAs(expected);
		for (int h = 0; h < expected.size(); h++) {
			assertThat(got.get(h).id()).as("id of hit %d of search %d", h, search).isEqualTo(expected.get(h).id());
			assertThat(got.get(h).score()).as("score of hit %d of search %d", h, search)
				.isCloseTo(expected.get(h).score(), org.assertj.core.data.Offset.offset(1e-5f));
			assertThat(got.get(h).get("tag")).isEqualTo(expected.get(h).get("tag"));
		}
	}

	static MilvusClient alone() {
		return alone;
	}

	static String collection() {
		return collection;
	}

	static String uri() {
		return uri;
	}

}
