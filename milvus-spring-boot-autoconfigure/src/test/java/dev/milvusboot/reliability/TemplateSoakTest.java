package dev.milvusboot.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.reliability.Latencies.Operation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded soak through {@link MilvusTemplate} against a Milvus Lite of its own: 16 threads mix inserts,
 * upserts, searches, queries and deletes. Nothing may fail; threads, channels, connections and the heap left after
 * garbage collection must not grow from the end of the warm-up (the first minute, or half of a shorter run) to the end; the rows left are exactly those
 * written and not deleted. Runs one minute in the default build (kept short for the suite's time budget) unless {@code -Dsoak.duration=PT10M} (or {@code SOAK_DURATION}) says
 * otherwise; prints throughput and latency percentiles per operation.
 */
class TemplateSoakTest {

	private static final int THREADS = 16;

	private static final Duration DEFAULT_DURATION = Duration.ofMinutes(1);

	/** Heap the end may hold beyond the first minute: allocation noise of 16 threads in flight. */
	private static final long HEAP_MARGIN = 16L * 1024 * 1024;

	/** Threads the JVM may add for its own reasons (compiler, GC helpers). */
	private static final int THREAD_MARGIN = 2;

	private static final int IDS_PER_QUERY = 1000;

	@Test
	void whenSixteenThreadsMixEveryOperationThenNothingFailsNothingGrowsAndEveryRowIsAccountedFor() throws Exception {
		Duration duration = duration();
		Duration warmUp = min(Duration.ofMinutes(1), duration.dividedBy(2));
		try (MilvusLite lite = MilvusLite.builder().build().start();
				MilvusClient client = MilvusClient.create(
						MilvusClientOptions.builder().uri(lite.uri()).requestTimeout(Duration.ofSeconds(30)).build())) {
			MilvusTemplate template = new MilvusTemplate(client);
			String collection = "soak";
			template.execute((c) -> {
				c.createCollection(collection, SoakWorker.DIMENSION, MetricType.L2, false);
				return null;
			});

			AtomicBoolean running = new AtomicBoolean(true);
			long start = System.nanoTime();
			long end = start + duration.toNanos();
			BooleanSupplier keepGoing = () -> running.get() && System.nanoTime() - end < 0;
			List<SoakWorker> workers = new ArrayList<>();
			List<Thread> threads = new ArrayList<>();
			for (int i = 0; i < THREADS; i++) {
				SoakWorker worker = new SoakWorker(template, collection, i, keepGoing);
				workers.add(worker);
				threads.add(new Thread(worker, "soak-" + i));
			}
			threads.forEach(Thread::start);
			ResourceSnapshot first;
			ResourceSnapshot last;
			try {
				sleepUntil(start + warmUp.toNanos());
				first = ResourceSnapshot.take(client, lite.port());
				sleepUntil(end - Duration.ofSeconds(2).toNanos());
				last = ResourceSnapshot.take(client, lite.port());
			}
			finally {
				running.set(false);
				for (Thread thread : threads) {
					thread.join(Duration.ofSeconds(60).toMillis());
				}
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			assertThat(threads).noneMatch(Thread::isAlive);

			List<Throwable> errors = new ArrayList<>();
			Latencies all = new Latencies();
			List<Long> live = new ArrayList<>();
			List<Long> deleted = new ArrayList<>();
			long written = 0;
			for (SoakWorker worker : workers) {
				errors.addAll(worker.errors());
				worker.latencies().addTo(all);
				live.addAll(worker.live());
				deleted.addAll(worker.deleted());
				written += worker.written();
			}
			System.out.println(report(lite, duration, seconds, all, errors.size(), first, last, written,
					deleted.size(), live.size()));

			assertThat(errors).as("failed operations, first: %s", errors.isEmpty() ? "none" : errors.get(0))
				.isEmpty();
			assertThat(last.threads()).as("JVM threads").isLessThanOrEqualTo(first.threads() + THREAD_MARGIN);
			assertThat(last.pool().channels()).as("pool channels").isEqualTo(first.pool().channels());
			assertThat(last.connections()).as("TCP connections to the server")
				.isLessThanOrEqualTo(Math.max(first.connections(), last.pool().channels()));
			assertThat(last.usedHeap()).as("heap in use after GC")
				.isLessThanOrEqualTo(first.usedHeap() + Math.max(HEAP_MARGIN, first.usedHeap() / 10));

			assertThat(live).hasSize((int) (written - deleted.size()));
			assertThat(strongCount(client, collection)).as("rows counted").isEqualTo(live.size());
			assertThat(present(client, collection, live)).as("live rows found by id").hasSize(live.size());
			assertThat(present(client, collection, deleted)).as("deleted rows found by id").isEmpty();
		}
	}

	private static Duration duration() {
		String configured = System.getProperty("soak.duration", System.getenv("SOAK_DURATION"));
		return (configured == null || configured.isBlank()) ? DEFAULT_DURATION : Duration.parse(configured);
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static void sleepUntil(long nanos) throws InterruptedException {
		long left = nanos - System.nanoTime();
		if (left > 0) {
			Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
		}
	}

	private static long strongCount(MilvusClient client, String collection) {
		List<Row> rows = client.query(
				Query.in(collection).outputFields("count(*)").consistency(ConsistencyLevel.STRONG).build());
		return rows.get(0).getLong("count(*)");
	}

	private static Set<Long> present(MilvusClient client, String collection, List<Long> ids) {
		Set<Long> found = new HashSet<>();
		for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
			client.query(Query.in(collection)
				.filter(SoakWorker.inFilter(chunk))
				.outputFields("id")
				.consistency(ConsistencyLevel.STRONG)
				.build()).forEach((row) -> found.add(row.getLong("id")));
		}
		return found;
	}

	private static String report(MilvusLite lite, Duration duration, double seconds, Latencies all, int errors,
			ResourceSnapshot first, ResourceSnapshot last, long written, int deleted, int live) {
		StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
				"RELIABILITY soak (%s, %d threads, %s): %d operations in %.1f s = %.0f ops/s, %d errors%n",
				lite.serverVersion(), THREADS, duration, all.total(), seconds, all.total() / seconds, errors));
		for (Operation operation : Operation.values()) {
			report.append(String.format(Locale.ROOT, "RELIABILITY soak %-6s %7d ops %6.0f ops/s  p50 %6.1f ms  p99 %6.1f ms  max %7.1f ms%n",
					operation, all.count(operation), all.count(operation) / seconds,
					all.percentileMillis(operation, 50), all.percentileMillis(operation, 99),
					all.percentileMillis(operation, 100)));
		}
		report.append(String.format(Locale.ROOT,
				"RELIABILITY soak resources after the first minute: %s; at the end: %s%n", first.describe(),
				last.describe()));
		report.append(String.format(Locale.ROOT,
				"RELIABILITY soak rows: written %d, deleted %d, live %d", written, deleted, live));
		return report.toString();
	}

}
