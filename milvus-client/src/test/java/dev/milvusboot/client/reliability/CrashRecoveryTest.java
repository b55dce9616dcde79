package dev.milvusboot.client.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.exception.MilvusTimeoutException;
import dev.milvusboot.client.exception.MilvusUnavailableException;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.MilvusLocalServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash (SIGKILL) of the server during a sustained insert loop, and its restart on the same port and data: the
 * same client recovers by itself, every row acknowledged and flushed before the crash is still there, and every
 * row is either acknowledged or reported failed with a typed error. Against Milvus Lite and Milvus 2.3. And after
 * a longer outage, the first call made once the server is back succeeds within its own retries.
 */
class CrashRecoveryTest {

	private static final int BATCH = 20;

	/** Long enough for grpc-java's reconnect backoff to outgrow a call's own retries (about 1.5 s). */
	private static final Duration OUTAGE = Duration.ofSeconds(8);

	@ParameterizedTest(name = "{0}")
	@EnumSource(ServerKind.class)
	void whenTheServerIsKilledDuringInsertsThenFlushedRowsSurviveAndTheSameClientRecovers(ServerKind kind)
			throws Exception {
		try (MilvusLocalServer server = kind.start();
				MilvusClient client = MilvusClient.create(MilvusClientOptions.builder()
					.uri(server.uri())
					.requestTimeout(Duration.ofSeconds(3))
					.connectTimeout(Duration.ofSeconds(1))
					.build())) {
			String collection = "crash_" + kind.name().toLowerCase(Locale.ROOT);
			client.withTimeout(Duration.ofSeconds(60))
				.createCollection(collection, Rows.DIMENSION, MetricType.L2, false);
			InsertLoop loop = new InsertLoop(client, collection, BATCH, Duration.ofMillis(500), Duration.ofMinutes(2))
				.start();
			try {
				Await.until("some rows acknowledged and flushed", Duration.ofSeconds(30),
						() -> loop.flushed().size() >= 25 * BATCH);

				List<Long> flushedBeforeCrash = loop.flushed();
				long killStart = System.nanoTime();
				server.kill();
				long killed = System.nanoTime();
				List<Long> acknowledgedBeforeCrash = loop.acknowledgedBefore(killStart);
				int failuresAtKill = loop.failures().size();
				Await.until("inserts failing during the outage", Duration.ofSeconds(30),
						() -> loop.failures().size() > failuresAtKill);

				int port = server.port();
				long restartStart = System.nanoTime();
				// Milvus 2.3 answers long before its launcher sees it healthy: check the data meanwhile.
				CompletableFuture<Long> restarted = CompletableFuture.supplyAsync(() -> {
					server.restart();
					return System.nanoTime();
				}, (task) -> new Thread(task, "crash-test-restart").start());
				Await.until("inserts succeeding again after the restart", Duration.ofSeconds(90),
						() -> loop.successesAfter(killed) >= 10, loop::describeFailures);
				assertThat(loop.stop(Duration.ofSeconds(40))).as("insert loop stopped").isTrue();

				long firstSuccess = loop.firstSuccessAfter(killed);
				assertThat(loop.unexpected()).as("failures that are not MilvusExceptions").isEmpty();
				List<Long> acknowledged = loop.acknowledged();
				List<Long> failed = loop.failed();
				Set<Long> accounted = new HashSet<>(acknowledged);
				accounted.addAll(failed);
				assertThat(accounted).as("every row acknowledged or reported failed, once")
					.hasSize(acknowledged.size() + failed.size())
					.hasSize((int) loop.attempted());
				assertThat(loop.failures()).as("inserts that failed during the outage").isNotEmpty();
				assertThat(loop.failures()).allSatisfy((failure) -> {
					assertThat(failure).isInstanceOfAny(MilvusUnavailableException.class,
							MilvusTimeoutException.class);
					assertThat(failure.getMessage()).containsIgnoringCase("insert");
				});

				Await.success(Duration.ofSeconds(60), () -> {
					client.loadCollection(collection);
					client.withTimeout(Duration.ofSeconds(30)).flush(collection);
					return null;
				});
				List<Long> all = LongStream.rangeClosed(1, loop.attempted()).boxed().toList();
				Set<Long> present = Await.success(Duration.ofSeconds(60), () -> Rows.present(client, collection, all));
				long total = client.count(collection, "");

				assertThat(present).as("rows acknowledged and flushed before the crash")
					.containsAll(flushedBeforeCrash);
				// Sent once the server was dead: only the restarted server can have acknowledged these.
				List<Long> acknowledgedAfterCrash = loop.acknowledgedSentAfter(killed);
				List<Long> lostAfterCrash = acknowledgedAfterCrash.stream().filter((id) -> !present.contains(id)).toList();
				if (kind == ServerKind.LITE && !lostAfterCrash.isEmpty()) {
					// Milvus Lite 3.2 lost the first batch it acknowledged after a restart in 2 of 5 full builds
					// (2026-12-06; never on Milvus 2.3, never alone): tolerated for that one batch only, printed, and
					// to be reproduced with pymilvus (docs/reliability.md).
					System.out.printf(Locale.ROOT, "RELIABILITY crash LITE: rows acknowledged after the restart and lost: %s%n",
							lostAfterCrash);
					assertThat(lostAfterCrash).as("rows acknowledged after the crash and lost (at most the first batch)")
						.hasSizeLessThanOrEqualTo(BATCH)
						.containsExactlyElementsOf(acknowledgedAfterCrash.subList(0, lostAfterCrash.size()));
				}
				else {
					assertThat(present).as("rows acknowledged after the crash").containsAll(acknowledgedAfterCrash);
				}

				long restartReturned = restarted.get(120, TimeUnit.SECONDS);
				assertThat(server.port()).as("the port the restarted server listens on").isEqualTo(port);
				Set<Long> flushed = new HashSet<>(flushedBeforeCrash);
				long survivedUnflushed = acknowledgedBeforeCrash.stream()
					.filter((id) -> !flushed.contains(id))
					.filter(present::contains)
					.count();
				long failedButWritten = failed.stream().filter(present::contains).count();
				System.out.printf(Locale.ROOT,
						"RELIABILITY crash %s (%s): first successful insert %d ms after the kill (restart begun at "
								+ "%d ms, returned at %d ms); rows acknowledged before the crash %d, of them flushed %d "
								+ "(all present) and unflushed %d (present %d); acknowledged after the crash %d (all "
								+ "present); failed %d rows in %d typed errors %s, of which present anyway %d; "
								+ "count(*) %d, distinct ids %d%n",
						kind, server.serverVersion(), millis(firstSuccess - killStart), millis(restartStart - killStart),
						millis(restartReturned - killStart), acknowledgedBeforeCrash.size(), flushedBeforeCrash.size(),
						acknowledgedBeforeCrash.size() - flushedBeforeCrash.size(), survivedUnflushed,
						acknowledgedAfterCrash.size(), failed.size(), loop.failures().size(), loop.failureTypes(),
						failedButWritten, total, present.size());
			}
			finally {
				loop.stop(Duration.ofSeconds(40));
			}
		}
	}

	@Test
	void whenTheServerIsBackAfterAnOutageThenTheNextCallSucceedsWithinItsOwnRetries() {
		try (MilvusLocalServer server = ServerKind.LITE.start();
				MilvusClient client = MilvusClient.create(MilvusClientOptions.builder()
					.uri(server.uri())
					.requestTimeout(Duration.ofSeconds(5))
					.build())) {
			String collection = "outage";
			client.createCollection(collection, Rows.DIMENSION, MetricType.L2, false);
			client.insert(collection, Rows.withIds(1, 10));
			server.kill();
			long killed = System.nanoTime();
			int failures = 0;
			while (System.nanoTime() - killed < OUTAGE.toNanos()) {
				try {
					client.count(collection, "");
				}
				catch (MilvusUnavailableException ex) {
					failures++;
				}
			}
			assertThat(failures).as("calls failed during the outage").isPositive();

			server.restart();
			long restarted = System.nanoTime();
			assertThat(client.count(collection, "")).as("the first call after the restart").isEqualTo(10);
			System.out.printf(Locale.ROOT,
					"RELIABILITY outage LITE: after %d failed calls in a %d s outage, the first call after the restart "
							+ "succeeded in %d ms%n",
					failures, OUTAGE.toSeconds(), millis(System.nanoTime() - restarted));
		}
	}

	private static long millis(long nanos) {
		return nanos / 1_000_000;
	}

}
