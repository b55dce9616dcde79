package dev.milvusboot.client.reliability;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.exception.MilvusTimeoutException;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.MilvusLocalServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A frozen server (SIGSTOP: connections stay open, nothing answers) under many concurrent callers: every call
 * fails with {@link MilvusTimeoutException} within its deadline, the JVM's thread count stays flat, and calls
 * succeed again once the server is thawed. Against Milvus Lite and Milvus 2.3.
 */
class FrozenServerTest {

	private static final Duration DEADLINE = Duration.ofSeconds(2);

	private static final int CALLERS = 16;

	/** How long the server stays frozen: about three deadlines, so each caller times out several times. */
	private static final Duration FREEZE = Duration.ofSeconds(7);

	/** Threads the JVM may add for its own reasons (compiler threads, GC) while the server is frozen. */
	private static final int THREAD_SLACK = 6;

	@ParameterizedTest(name = "{0}")
	@EnumSource(ServerKind.class)
	void whenTheServerIsFrozenThenConcurrentCallsTimeOutInTimeWithoutPilingUpThreadsAndSucceedAfterResume(
			ServerKind kind) throws Exception {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
		((ThreadPoolExecutor) callers).prestartAllCoreThreads();
		try (MilvusLocalServer server = kind.start();
				MilvusClient client = MilvusClient.create(
						MilvusClientOptions.builder().uri(server.uri()).requestTimeout(DEADLINE).build())) {
			String collection = "frozen_" + kind.name().toLowerCase(Locale.ROOT);
			client.withTimeout(Duration.ofSeconds(60)).createCollection(collection, Rows.DIMENSION, MetricType.L2,
					false);
			client.insert(collection, Rows.withIds(1, 100));
			List<Consumer<MilvusClient>> calls = calls(collection);
			runOnEveryCaller(callers, (caller) -> calls.get(caller % calls.size()).accept(client));
			int baseline = threads.getThreadCount();

			List<Outcome> outcomes = new ArrayList<>();
			int peak;
			long resumed;
			server.pause();
			try {
				// Let SIGSTOP reach every process of the server's tree before the first call goes out.
				Thread.sleep(300);
				long thaw = System.nanoTime() + FREEZE.toNanos();
				List<Future<List<Outcome>>> results = new ArrayList<>();
				for (int c = 0; c < CALLERS; c++) {
					int caller = c;
					results.add(callers.submit(() -> callUntil(thaw, client, calls, caller)));
				}
				peak = baseline;
				long bound = thaw + Duration.ofSeconds(10).toNanos();
				while (!allDone(results) && System.nanoTime() - bound < 0) {
					peak = Math.max(peak, threads.getThreadCount());
					Thread.sleep(50);
				}
				for (Future<List<Outcome>> result : results) {
					outcomes.addAll(result.get(10, TimeUnit.SECONDS));
				}
			}
			finally {
				server.resume();
				resumed = System.nanoTime();
			}

			assertThat(outcomes).hasSizeGreaterThanOrEqualTo(CALLERS * 2);
			assertThat(outcomes).allSatisfy((outcome) -> {
				assertThat(outcome.failure()).isInstanceOf(MilvusTimeoutException.class)
					.hasMessageContaining("deadline")
					.hasMessageContaining("127.0.0.1:" + server.port());
				assertThat(outcome.elapsed()).isBetween(DEADLINE.minusMillis(50), DEADLINE.plusSeconds(1));
			});
			assertThat(peak - baseline).as("threads added while %d callers waited on a frozen server", CALLERS)
				.isLessThanOrEqualTo(THREAD_SLACK);
			assertThat(client.poolStatistics().callsInFlight()).isZero();

			Await.success(Duration.ofSeconds(30), () -> client.count(collection, ""));
			long firstSuccess = System.nanoTime();
			runOnEveryCaller(callers, (caller) -> calls.get(caller % calls.size()).accept(client));
			assertThat(client.count(collection, "")).isEqualTo(100);

			System.out.printf(Locale.ROOT,
					"RELIABILITY frozen %s (%s): %d calls from %d threads, all MilvusTimeoutException after %d..%d ms "
							+ "(deadline %d ms); JVM threads %d before, peak %d; first success %d ms after resume%n",
					kind, server.serverVersion(), outcomes.size(), CALLERS,
					outcomes.stream().mapToLong((o) -> o.elapsed().toMillis()).min().orElse(0),
					outcomes.stream().mapToLong((o) -> o.elapsed().toMillis()).max().orElse(0), DEADLINE.toMillis(),
					baseline, peak, (firstSuccess - resumed) / 1_000_000);
		}
		finally {
			callers.shutdownNow();
		}
	}

	/** Search, query, get, count and an insert with ids: a call of each kind a caller may make. */
	private static List<Consumer<MilvusClient>> calls(String collection) {
		return List.of((client) -> client.search(Search.in(collection).vector(Rows.vector(5)).topK(3).build()),
				(client) -> client.query(Query.in(collection).filter("id < 20").outputFields("id").build()),
				(client) -> client.get(collection, List.of(1L, 2L, 3L)),
				(client) -> client.count(collection, ""),
				(client) -> client.upsert(collection, Rows.withIds(10, 5)));
	}

	private static List<Outcome> callUntil(long thaw, MilvusClient client, List<Consumer<MilvusClient>> calls,
			int caller) {
		List<Outcome> outcomes = new ArrayList<>();
		for (int i = 0; i < 10 && thaw - System.nanoTime() > DEADLINE.toNanos(); i++) {
			long start = System.nanoTime();
			RuntimeException failure = null;
			try {
				calls.get((caller + i) % calls.size()).accept(client);
			}
			catch (RuntimeException ex) {
				failure = ex;
			}
			outcomes.add(new Outcome(Duration.ofNanos(System.nanoTime() - start), failure));
		}
		return outcomes;
	}

	private static void runOnEveryCaller(ExecutorService callers, java.util.function.IntConsumer call)
			throws Exception {
		CountDownLatch all = new CountDownLatch(CALLERS);
		List<Future<?>> results = new ArrayList<>();
		for (int c = 0; c < CALLERS; c++) {
			int caller = c;
			results.add(callers.submit(() -> {
				all.countDown();
				all.await(10, TimeUnit.SECONDS);
				call.accept(caller);
				return null;
			}));
		}
		for (Future<?> result : results) {
			result.get(60, TimeUnit.SECONDS);
		}
	}

	private static boolean allDone(List<? extends Future<?>> results) {
		return results.stream().allMatch(Future::isDone);
	}

	/** How long one call took, and how it failed ({@code null} if it did not). */
	private record Outcome(Duration elapsed, RuntimeException failure) {
	}

}
