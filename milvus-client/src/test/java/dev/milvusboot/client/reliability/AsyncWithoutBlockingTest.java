package dev.milvusboot.client.reliability;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.milvusboot.client.MilvusCallListener;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.SearchCoalescing;
import dev.milvusboot.client.data.MutationResult;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.data.SearchResults;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusPartialWriteException;
import dev.milvusboot.client.exception.MilvusTimeoutException;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.MilvusLite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The asynchronous commands block no caller's thread, against a Milvus Lite of this test's own that it freezes
 * (SIGSTOP): a thousand searches started from one thread are all handed their futures while the server answers
 * nothing, complete correctly once it is thawed, and add only a bounded number of threads; on a frozen server an
 * asynchronous call returns at once and fails at its deadline, also when the handshake of a new client is what
 * hangs; a multi-batch insert sends its batches one after the other and a failure of a later batch gives a
 * {@link MilvusPartialWriteException} naming what was written. Time bounds are generous (the machine is shared);
 * the figures measured are printed.
 */
class AsyncWithoutBlockingTest {

	private static final String COLLECTION = "async_docs";

	private static final int ROWS = 200;

	private static final int SEARCHES = 1000;

	/**
	 * Threads the whole JVM may add while the calls are in flight: its own (compiler, GC, common pool) and the
	 * transport's event loops and executor. A client that held a thread per waiting call would add about 1,000;
	 * 8 proved too tight under a loaded CI machine (9 seen once), so the bound leaves room for the JVM's own.
	 */
	private static final int THREAD_SLACK = 32;

	private static MilvusLite server;

	private static final List<String> inserts = new CopyOnWriteArrayList<>();

	private static final AtomicBoolean pauseAfterFirstInsert = new AtomicBoolean();

	private static MilvusClient client;

	@BeforeAll
	static void start() {
		server = MilvusLite.builder().build().start();
		MilvusCallListener listener = (context) -> {
			if (!context.operation().equals("insert")) {
				return new MilvusCallListener.Call() {
				};
			}
			inserts.add("sent");
			return new MilvusCallListener.Call() {
				@Override
				public void succeeded(long count) {
					inserts.add("answered " + count);
					if (pauseAfterFirstInsert.compareAndSet(true, false)) {
						server.pause();
					}
				}

				@Override
				public void failed(MilvusException error) {
					inserts.add("failed");
				}
			};
		};
		client = MilvusClient.create(MilvusClientOptions.builder()
			.uri(server.uri())
			.requestTimeout(Duration.ofSeconds(60))
			.searchCoalescing(SearchCoalescing.DISABLED)
			.listener(listener)
			.build());
		client.createCollection(COLLECTION, Rows.DIMENSION, MetricType.L2, false);
		client.insert(COLLECTION, Rows.withIds(1, ROWS));
	}

	@AfterAll
	static void stop() {
		if (client != null) {
			client.close();
		}
		if (server != null) {
			server.resume();
			server.close();
		}
	}

	@Test
	void aThousandSearchesFromOneThreadAreHandedTheirFuturesAtOnceAndCompleteCorrectlyOnFewThreads()
			throws Exception {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		assertThat(client.search(Search.in(COLLECTION).vector(Rows.vector(1)).topK(1).build()).first().get(0).id())
			.isEqualTo(1L);
		int baseline = threads.getThreadCount();
		List<CompletableFuture<SearchResults>> futures = new ArrayList<>(SEARCHES);
		long handedOut;
		boolean noneDoneWhileFrozen;
		int peak = baseline;
		server.pause();
		try {
			Thread.sleep(300);
			long start = System.nanoTime();
			for (int i = 0; i < SEARCHES; i++) {
				long id = 1 + (i % ROWS);
				futures.add(client.async().search(Search.in(COLLECTION).vector(Rows.vector(id)).topK(1).build()));
			}
			handedOut = System.nanoTime() - start;
			Thread.sleep(500);
			peak = Math.max(peak, threads.getThreadCount());
			noneDoneWhileFrozen = futures.stream().noneMatch(CompletableFuture::isDone);
		}
		finally {
			server.resume();
		}
		long resumed = System.nanoTime();
		CompletableFuture<Void> all = CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]));
		while (!all.isDone() && System.nanoTime() - resumed < TimeUnit.SECONDS.toNanos(60)) {
			peak = Math.max(peak, threads.getThreadCount());
			Thread.sleep(20);
		}
		all.get(1, TimeUnit.SECONDS);
		long completed = System.nanoTime() - resumed;

		assertThat(TimeUnit.NANOSECONDS.toMillis(handedOut)).as("ms to start %d searches on a frozen server", SEARCHES)
			.isLessThan(15_000);
		assertThat(noneDoneWhileFrozen).as("no search completed while the server was frozen").isTrue();
		for (int i = 0; i < SEARCHES; i++) {
			long id = 1 + (i % ROWS);
			assertThat(futures.get(i).get().first().get(0).id()).as("top hit of search %d", i).isEqualTo(id);
		}
		assertThat(peak - baseline).as("threads added while %d searches were in flight", SEARCHES)
			.isLessThanOrEqualTo(THREAD_SLACK);
		System.out.printf(Locale.ROOT,
				"ASYNC %d searches from one thread: futures handed out in %d ms on a frozen server, all complete %d ms "
						+ "after resume; JVM threads %d before, peak %d%n",
				SEARCHES, TimeUnit.NANOSECONDS.toMillis(handedOut), TimeUnit.NANOSECONDS.toMillis(completed), baseline,
				peak);
	}

	@Test
	void onAFrozenServerAnAsyncCallReturnsAtOnceAndFailsAtItsDeadline() throws Exception {
		Duration deadline = Duration.ofSeconds(2);
		// A client that has never called: its handshake is what hangs. Its schema is not known either.
		try (MilvusClient fresh = MilvusClient.create(server.uri())) {
			client.count(COLLECTION, "");
			server.pause();
			try {
				Thread.sleep(300);
				assertTimesOut(deadline, () -> client.withTimeout(deadline)
					.async()
					.search(Search.in(COLLECTION).vector(Rows.vector(3)).topK(1).build()));
				assertTimesOut(deadline, () -> client.withTimeout(deadline).async().count(COLLECTION, ""));
				assertTimesOut(deadline, () -> fresh.withTimeout(deadline)
					.async()
					.insert(COLLECTION, Rows.withIds(ROWS + 1, 3)));
				assertTimesOut(deadline, () -> fresh.withTimeout(deadline)
					.async()
					.search(Search.in(COLLECTION).vector(Rows.vector(3)).topK(1).build()));
			}
			finally {
				server.resume();
			}
			assertThat(fresh.search(Search.in(COLLECTION).vector(Rows.vector(3)).topK(1).build()).first().get(0).id())
				.isEqualTo(3L);
		}
	}

	private static void assertTimesOut(Duration deadline, java.util.function.Supplier<CompletableFuture<?>> call)
			throws Exception {
		long start = System.nanoTime();
		CompletableFuture<?> future = call.get();
		long returned = System.nanoTime() - start;
		assertThat(future).isNotDone();
		assertThat(Duration.ofNanos(returned)).as("time to return the future").isLessThan(Duration.ofSeconds(1));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(30, TimeUnit.SECONDS))
			.withCauseInstanceOf(MilvusTimeoutException.class);
		long failed = System.nanoTime() - start;
		assertThat(Duration.ofNanos(failed)).as("time to fail")
			.isBetween(deadline.minusMillis(100), deadline.plusSeconds(5));
		System.out.printf(Locale.ROOT, "ASYNC frozen server: future returned in %d us, failed after %d ms (deadline %d ms)%n",
				TimeUnit.NANOSECONDS.toMicros(returned), TimeUnit.NANOSECONDS.toMillis(failed), deadline.toMillis());
	}

	@Test
	void aMultiBatchAsyncInsertSendsItsBatchesInOrderAndAFailedLaterBatchGivesAPartialWrite() throws Exception {
		// About 40 bytes a row: batches of at most ~25 rows.
		try (MilvusClient small = MilvusClient.create(MilvusClientOptions.builder()
			.uri(server.uri())
			.maxRequestSize(1024)
			.listener(client.options().listeners().get(0))
			.build())) {
			inserts.clear();
			MutationResult written = small.async().insert(COLLECTION, Rows.withIds(10_001, 100)).get(60,
					TimeUnit.SECONDS);
			assertThat(written.ids()).containsExactlyElementsOf(ids(10_001, 100));
			int batches = inserts.size() / 2;
			assertThat(batches).isGreaterThan(2);
			for (int b = 0; b < batches; b++) {
				assertThat(inserts.get(2 * b)).isEqualTo("sent");
				assertThat(inserts.get(2 * b + 1)).startsWith("answered ");
			}

			inserts.clear();
			pauseAfterFirstInsert.set(true);
			CompletableFuture<MutationResult> partial;
			try {
				partial = small.withTimeout(Duration.ofSeconds(2)).async().insert(COLLECTION, Rows.withIds(20_001, 100));
				assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> partial.get(60, TimeUnit.SECONDS))
					.havingCause()
					.isInstanceOfSatisfying(MilvusPartialWriteException.class, (ex) -> {
						assertThat(ex.rowsWritten()).isGreaterThan(0).isLessThan(100);
						assertThat(ex.writtenIds()).containsExactlyElementsOf(ids(20_001, (int) ex.rowsWritten()));
						assertThat(ex.getCause()).isInstanceOf(MilvusTimeoutException.class);
						assertThat(ex.getMessage()).contains("Insert into collection '" + COLLECTION + "' stopped after "
								+ ex.rowsWritten() + " of 100 rows were written");
					});
			}
			finally {
				server.resume();
			}
			assertThat(inserts).containsExactly("sent", inserts.get(1), "sent", "failed");
		}
	}

	private static List<Object> ids(long first, int count) {
		List<Object> ids = new ArrayList<>(count);
		for (long id = first; id < first + count; id++) {
			ids.add(id);
		}
		return ids;
	}

}
