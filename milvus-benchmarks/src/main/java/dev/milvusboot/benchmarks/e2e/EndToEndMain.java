package dev.milvusboot.benchmarks.e2e;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.google.gson.JsonObject;

import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.service.vector.request.InsertReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.FloatVec;

import dev.milvusboot.benchmarks.Fixtures;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;

/**
 * End-to-end comparison against a running Milvus (e.g. Milvus Lite on 127.0.0.1): our client and the official SDK
 * take turns (A B A B ...), each on its own collection with the same schema and rows, for insert throughput
 * (batches of 1,000 rows × 768 dims) and single-vector search latency (top 10, bounded consistency) at 1 and 4
 * threads. Bounded: a fixed number of rounds and requests, and a time budget after which no new round starts.
 * <p>
 * Usage: {@code EndToEndMain [--uri http://127.0.0.1:19530] [--rounds 3] [--batches 5] [--searches 60]
 * [--budget-seconds 240]}: once the budget is spent no round starts and each thread stops after
 * {@value #MIN_SEARCHES} searches. Only loopback or the project's own test hosts should be targeted.
 */
public final class EndToEndMain {

	private static final int BATCH_ROWS = 1_000;

	private static final int TOP_K = 10;

	/** Searches each thread makes in a round even past the time budget, so that every round counts. */
	private static final int MIN_SEARCHES = 5;

	private final Settings settings;

	private final long deadline;

	private EndToEndMain(Settings settings) {
		this.settings = settings;
		this.deadline = System.nanoTime() + settings.budgetSeconds * 1_000_000_000L;
	}

	public static void main(String[] args) throws Exception {
		new EndToEndMain(Settings.parse(args)).run();
	}

	/** The command-line settings. */
	record Settings(String uri, int rounds, int batches, int searches, long budgetSeconds) {

		static Settings parse(String[] args) {
			String uri = "http://127.0.0.1:19530";
			int rounds = 3;
			int batches = 5;
			int searches = 60;
			long budget = 240;
			for (int i = 0; i + 1 < args.length; i += 2) {
				switch (args[i]) {
					case "--uri" -> uri = args[i + 1];
					case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
					case "--batches" -> batches = Integer.parseInt(args[i + 1]);
					case "--searches" -> searches = Integer.parseInt(args[i + 1]);
					case "--budget-seconds" -> budget = Long.parseLong(args[i + 1]);
					default -> throw new IllegalArgumentException("Unknown option " + args[i]);
				}
			}
			return new Settings(uri, rounds, batches, searches, budget);
		}

	}

	/** What one client does in the harness. */
	private interface Contender extends AutoCloseable {

		String name();

		void insert(int firstRow, int rows);

		void search(float[] query);

	}

	private void run() throws Exception {
		float[][] vectors = Fixtures.vectors(this.settings.rounds * this.settings.batches * BATCH_ROWS + BATCH_ROWS,
				Fixtures.DIM, 42);
		float[][] queries = Fixtures.vectors(256, Fixtures.DIM, 7);
		String suffix = Long.toString(System.currentTimeMillis() % 1_000_000);
		String ourCollection = "bench_ours_" + suffix;
		String theirCollection = "bench_theirs_" + suffix;
		try (MilvusClient admin = MilvusClient.create(this.settings.uri)) {
			for (String collection : List.of(ourCollection, theirCollection)) {
				admin.createCollection(CollectionSchema.builder(collection)
					.field(FieldSchema.int64Id(Fixtures.ID, false))
					.field(FieldSchema.floatVector(Fixtures.VECTOR, Fixtures.DIM))
					.dynamicField(false)
					.build());
				admin.createIndex(IndexParams.of(collection, Fixtures.VECTOR, IndexType.AUTOINDEX, MetricType.COSINE));
				admin.loadCollection(collection);
			}
			try (Contender ours = new Ours(this.settings.uri, ourCollection, vectors);
					Contender theirs = new Theirs(this.settings.uri, theirCollection, vectors)) {
				List<Contender> both = List.of(ours, theirs);
				// Warm-up: one batch and a few searches each, not counted.
				for (Contender contender : both) {
					contender.insert(0, BATCH_ROWS);
					for (int i = 0; i < 20; i++) {
						contender.search(queries[i]);
					}
				}
				double[][] insertRates = new double[2][];
				double[][] latencies1 = new double[2][];
				double[][] latencies4 = new double[2][];
				double[][] throughput4 = new double[2][];
				for (int c = 0; c < 2; c++) {
					insertRates[c] = new double[0];
					latencies1[c] = new double[0];
					latencies4[c] = new double[0];
					throughput4[c] = new double[0];
				}
				int nextRow = BATCH_ROWS;
				int rounds = 0;
				for (int round = 0; round < this.settings.rounds && !overBudget(); round++) {
					rounds++;
					int rows = this.settings.batches * BATCH_ROWS;
					for (int c = 0; c < 2; c++) {
						long start = System.nanoTime();
						for (int b = 0; b < this.settings.batches; b++) {
							both.get(c).insert(nextRow + b * BATCH_ROWS, BATCH_ROWS);
						}
						double seconds = (System.nanoTime() - start) / 1e9;
						insertRates[c] = append(insertRates[c], rows / seconds);
					}
					nextRow += rows;
					for (int c = 0; c < 2; c++) {
						latencies1[c] = concat(latencies1[c], searchLatencies(both.get(c), queries, 1, null));
					}
					for (int c = 0; c < 2; c++) {
						double[] qps = new double[1];
						latencies4[c] = concat(latencies4[c], searchLatencies(both.get(c), queries, 4, qps));
						throughput4[c] = append(throughput4[c], qps[0]);
					}
					System.out.printf(Locale.ROOT, "round %d: insert %.0f vs %.0f rows/s%n", round + 1,
							insertRates[0][round], insertRates[1][round]);
				}
				print(admin.serverVersion(), rounds, insertRates, latencies1, latencies4, throughput4);
			}
			finally {
				admin.dropCollection(ourCollection);
				admin.dropCollection(theirCollection);
			}
		}
	}

	private boolean overBudget() {
		return System.nanoTime() > this.deadline;
	}

	/** Runs the round's searches on {@code threads} threads; returns each search's latency in milliseconds. */
	private double[] searchLatencies(Contender contender, float[][] queries, int threads, double[] qps)
			throws Exception {
		int perThread = Math.max(1, this.settings.searches / threads);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<double[]>> futures = new ArrayList<>();
			long start = System.nanoTime();
			for (int t = 0; t < threads; t++) {
				int offset = t * 31;
				futures.add(pool.submit(() -> {
					double[] latencies = new double[perThread];
					int done = 0;
					while (done < perThread && (done < MIN_SEARCHES || !overBudget())) {
						long begin = System.nanoTime();
						contender.search(queries[(offset + done) % queries.length]);
						latencies[done++] = (System.nanoTime() - begin) / 1e6;
					}
					return Arrays.copyOf(latencies, done);
				}));
			}
			double[] all = new double[0];
			for (Future<double[]> future : futures) {
				all = concat(all, future.get());
			}
			if (qps != null) {
				qps[0] = all.length / ((System.nanoTime() - start) / 1e9);
			}
			return all;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private void print(String server, int rounds, double[][] insertRates, double[][] latencies1, double[][] latencies4,
			double[][] throughput4) {
		System.out.println();
		System.out.printf(Locale.ROOT,
				"End to end against %s (%s), official SDK %s: %d rounds (A B alternating), %d × %d-row batches of %d "
						+ "dims per round, up to %d searches per round and thread count (top %d, bounded consistency)%n%n",
				this.settings.uri, server, dev.milvusboot.benchmarks.Versions.officialSdk(), rounds, this.settings.batches, BATCH_ROWS, Fixtures.DIM, this.settings.searches,
				TOP_K);
		System.out.println("| metric | ours | theirs | ours/theirs |");
		System.out.println("|---|---:|---:|---:|");
		row("insert rows/s (median of rounds, higher is better)", median(insertRates[0]), median(insertRates[1]));
		row("search p50 ms, 1 thread", percentile(latencies1[0], 50), percentile(latencies1[1], 50));
		row("search p99 ms, 1 thread", percentile(latencies1[0], 99), percentile(latencies1[1], 99));
		row("search p50 ms, 4 threads", percentile(latencies4[0], 50), percentile(latencies4[1], 50));
		row("search p99 ms, 4 threads", percentile(latencies4[0], 99), percentile(latencies4[1], 99));
		row("searches/s, 4 threads (median, higher is better)", median(throughput4[0]), median(throughput4[1]));
	}

	private static void row(String metric, double ours, double theirs) {
		System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.3f |%n", metric, ours, theirs, ours / theirs);
	}

	static double median(double[] values) {
		return percentile(values, 50);
	}

	static double percentile(double[] values, double percent) {
		if (values.length == 0) {
			return Double.NaN;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private static double[] append(double[] values, double value) {
		double[] result = Arrays.copyOf(values, values.length + 1);
		result[values.length] = value;
		return result;
	}

	private static double[] concat(double[] a, double[] b) {
		double[] result = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, result, a.length, b.length);
		return result;
	}

	/** Our client: rows as maps of the caller's {@code float[]}. */
	private static final class Ours implements Contender {

		private final MilvusClient client;

		private final String collection;

		private final List<Map<String, Object>> rows;

		Ours(String uri, String collection, float[][] vectors) {
			this.client = MilvusClient.create(uri);
			this.collection = collection;
			this.rows = Fixtures.ourRows(vectors, false);
		}

		@Override
		public String name() {
			return "ours";
		}

		@Override
		public void insert(int firstRow, int rows) {
			this.client.insert(this.collection, this.rows.subList(firstRow, firstRow + rows));
		}

		@Override
		public void search(float[] query) {
			this.client.search(Search.in(this.collection)
				.vector(query)
				.topK(TOP_K)
				.consistency(ConsistencyLevel.BOUNDED)
				.build());
		}

		@Override
		public void close() {
			this.client.close();
		}

	}

	/** The official SDK's MilvusClientV2: Gson rows (built beforehand, not timed) and {@code FloatVec} queries. */
	private static final class Theirs implements Contender {

		private final MilvusClientV2 client;

		private final String collection;

		private final List<JsonObject> rows;

		Theirs(String uri, String collection, float[][] vectors) {
			this.client = new MilvusClientV2(ConnectConfig.builder().uri(uri).build());
			this.collection = collection;
			this.rows = Fixtures.theirRows(vectors, false);
		}

		@Override
		public String name() {
			return "theirs";
		}

		@Override
		public void insert(int firstRow, int rows) {
			this.client.insert(InsertReq.builder()
				.collectionName(this.collection)
				.data(this.rows.subList(firstRow, firstRow + rows))
				.build());
		}

		@Override
		public void search(float[] query) {
			this.client.search(SearchReq.builder()
				.collectionName(this.collection)
				.annsField(Fixtures.VECTOR)
				.data(List.of(new FloatVec(query)))
				.limit(TOP_K)
				.consistencyLevel(io.milvus.v2.common.ConsistencyLevel.BOUNDED)
				.build());
		}

		@Override
		public void close() throws InterruptedException {
			this.client.close(5);
		}

	}

}
