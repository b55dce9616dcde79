package dev.milvusboot.client.reliability;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.RetryOptions;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.exception.MilvusUnavailableException;
import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections cut under the client by a TCP proxy in front of a real Milvus Lite: calls that are safe to repeat
 * (search, query, get, upsert) are sent again within their bounds and succeed; an insert (automatic or given ids)
 * is sent again only when it provably never left (connection refused), and otherwise reports the failure.
 */
@MilvusLiteTest
class ConnectionCutTest {

	private static final Duration DEADLINE = Duration.ofSeconds(10);

	/** Rows in a request large enough (about 700 KB) to be cut while the client is still writing it. */
	private static final int LARGE = 20_000;

	/** Cuts per test: the client sees a cut in one of a few ways, depending on when it notices. */
	private static final int ROUNDS = 8;

	private final ExecutorService caller = Executors.newSingleThreadExecutor();

	private TestNames names;

	private MilvusClient direct;

	private TcpProxy proxy;

	@BeforeEach
	void start(MilvusLite lite, TestNames names) throws IOException {
		this.names = names;
		this.direct = MilvusClient.create(lite.uri());
		this.proxy = TcpProxy.to(lite.port());
	}

	@AfterEach
	void stop() throws IOException {
		this.caller.shutdownNow();
		this.proxy.close();
		this.direct.close();
	}

	private MilvusClient throughProxy(RetryOptions retry) {
		return MilvusClient.create(MilvusClientOptions.builder()
			.uri(this.proxy.uri())
			.poolSize(1)
			.requestTimeout(DEADLINE)
			.connectTimeout(Duration.ofSeconds(2))
			.retry(retry)
			.build());
	}

	private String collection(String base, boolean autoId) {
		String collection = this.names.collection(base);
		this.direct.createCollection(collection, Rows.DIMENSION, MetricType.L2, autoId);
		return collection;
	}

	/** The entity count as the server sees it now. */
	private long strongCount(String collection) {
		List<Row> rows = this.direct.query(Query.in(collection)
			.outputFields("count(*)")
			.consistency(ConsistencyLevel.STRONG)
			.build());
		return rows.get(0).getLong("count(*)");
	}

	private <T> Future<T> callAndLoseTheAnswer(Callable<T> call, Runnable serverDone) {
		return this.proxy.callAndLoseTheAnswer(this.caller, call, serverDone);
	}

	private static void pause(long millis) {
		Await.sleep(millis);
	}

	@Test
	void whenTheAnswerIsLostMidCallThenSearchQueryGetAndUpsertAreSentAgainAndSucceed() throws Exception {
		String collection = collection("cut_idempotent", false);
		this.direct.insert(collection, Rows.withIds(1, 100));
		try (MilvusClient client = throughProxy(RetryOptions.DEFAULTS)) {
			Map<String, Callable<Object>> calls = Map.of(
					"search", () -> client.search(Search.in(collection).vector(Rows.vector(42)).topK(3).build())
						.first()
						.get(0)
						.id(),
					"query", () -> client.query(Query.in(collection).filter("id <= 10").outputFields("id").build())
						.size(),
					"get", () -> client.get(collection, List.of(7L, 8L)).size(),
					"upsert", () -> client.upsert(collection, Rows.withIds(50, 5)).upsertCount());
			Map<String, Object> expected = Map.of("search", 42L, "query", 10, "get", 2, "upsert", 5L);
			for (Map.Entry<String, Callable<Object>> call : calls.entrySet()) {
				assertThat(call.getValue().call()).as("%s before any cut", call.getKey())
					.isEqualTo(expected.get(call.getKey()));
				int requests = this.proxy.requestsForwarded();
				int connections = this.proxy.accepted();
				long start = System.nanoTime();
				Future<Object> result = callAndLoseTheAnswer(call.getValue(), () -> pause(200));
				assertThat(result.get(DEADLINE.toSeconds() + 5, TimeUnit.SECONDS)).as("%s after the cut", call.getKey())
					.isEqualTo(expected.get(call.getKey()));
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE);
				assertThat(this.proxy.requestsForwarded() - requests).as("%s requests: the lost one and its retry",
						call.getKey())
					.isEqualTo(2);
				assertThat(this.proxy.accepted()).as("%s reconnected", call.getKey()).isGreaterThan(connections);
			}
			assertThat(strongCount(collection)).as("upserts repeated without duplicates").isEqualTo(100);
		}
	}

	@Test
	void whenEveryRequestIsCutThenAnIdempotentCallGivesUpAfterItsAttemptsWithinTheDeadline() throws Exception {
		String collection = collection("cut_always", false);
		this.direct.insert(collection, Rows.withIds(1, 10));
		try (MilvusClient client = throughProxy(RetryOptions.DEFAULTS)) {
			Search search = Search.in(collection).vector(Rows.vector(3)).topK(1).build();
			assertThat(client.search(search).first().get(0).id()).isEqualTo(3L);
			int seen = this.proxy.requestsSeen();
			int forwarded = this.proxy.requestsForwarded();
			this.proxy.cutNextRequests(Integer.MAX_VALUE);
			long start = System.nanoTime();
			Future<Object> result = this.caller.submit(() -> client.search(search));
			ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
					() -> result.get(DEADLINE.toSeconds() + 5, TimeUnit.SECONDS));
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			assertThat(failure.getCause()).isInstanceOf(MilvusUnavailableException.class)
				.hasMessageContaining("earch")
				.hasMessageContaining("127.0.0.1:" + this.proxy.port());
			assertThat(elapsed).isLessThan(DEADLINE);
			assertThat(this.proxy.requestsSeen() - seen).as("attempts")
				.isEqualTo(RetryOptions.DEFAULT_MAX_ATTEMPTS);
			assertThat(this.proxy.requestsForwarded()).isEqualTo(forwarded);
			System.out.printf("RELIABILITY cut-always: search gave up after %d attempts in %d ms%n",
					this.proxy.requestsSeen() - seen, elapsed.toMillis());

			this.proxy.stopCuttingRequests();
			assertThat(client.search(search).first().get(0).id()).as("same client after the cuts").isEqualTo(3L);
		}
	}

	@ParameterizedTest(name = "automatic ids: {0}")
	@ValueSource(booleans = { true, false })
	void whenTheAnswerToAnInsertIsLostThenTheFailureIsReportedAndTheRowIsNotWrittenTwice(boolean autoId)
			throws Exception {
		String collection = collection("cut_insert_answer", autoId);
		try (MilvusClient client = throughProxy(RetryOptions.DEFAULTS)) {
			client.insert(collection, autoId ? Rows.withoutIds(1, 0) : Rows.withIds(1, 1));
			int requests = this.proxy.requestsForwarded();
			Future<Object> result = callAndLoseTheAnswer(
					() -> client.insert(collection, autoId ? Rows.withoutIds(1, 1) : Rows.withIds(2, 1)),
					() -> Await.until("the server holding the row", Duration.ofSeconds(5),
							() -> strongCount(collection) == 2));
			ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
					() -> result.get(DEADLINE.toSeconds() + 5, TimeUnit.SECONDS));
			assertThat(failure.getCause()).isInstanceOf(MilvusUnavailableException.class)
				.hasMessageContaining("nsert")
				.hasMessageContaining("127.0.0.1:" + this.proxy.port());
			pause(500);
			assertThat(this.proxy.requestsForwarded() - requests).as("inserts sent").isEqualTo(1);
			assertThat(strongCount(collection)).as("rows: the first insert and the one whose answer was lost")
				.isEqualTo(2);
		}
	}

	@Test
	void whenLargeUpsertsAreCutOnceThenEachIsSentAgainAndSucceeds() throws Exception {
		String collection = collection("cut_large_upsert", false);
		try (MilvusClient client = throughProxy(RetryOptions.DEFAULTS)) {
			assertThat(client.upsert(collection, Rows.withIds(1, LARGE)).upsertCount()).isEqualTo(LARGE);
			for (int round = 0; round < ROUNDS; round++) {
				int seen = this.proxy.requestsSeen();
				this.proxy.cutNextRequests(1);
				long upserted = client.upsert(collection, Rows.withIds(1, LARGE)).upsertCount();
				assertThat(upserted).as("round %d", round).isEqualTo(LARGE);
				assertThat(this.proxy.requestsSeen() - seen).as("round %d: the cut request and its retry", round)
					.isEqualTo(2);
			}
			assertThat(strongCount(collection)).isEqualTo(LARGE);
		}
	}

	@Test
	void whenTheRequestOfAnAutoIdInsertIsCutThenItFailsWithATypedErrorWithoutBeingSentAgain() throws Exception {
		String collection = collection("cut_auto_request", true);
		try (MilvusClient client = throughProxy(RetryOptions.DEFAULTS)) {
			client.insert(collection, Rows.withoutIds(1, 0));
			for (int round = 0; round < ROUNDS; round++) {
				int seen = this.proxy.requestsSeen();
				long seed = round * (long) LARGE;
				this.proxy.cutNextRequests(1);
				Future<Object> result = this.caller.submit(() -> client.insert(collection, Rows.withoutIds(LARGE, seed)));
				ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
						() -> result.get(DEADLINE.toSeconds() + 5, TimeUnit.SECONDS));
				assertThat(failure.getCause()).as("round %d", round)
					.isInstanceOf(MilvusUnavailableException.class)
					.hasMessageContaining("nsert")
					.hasMessageContaining("127.0.0.1:" + this.proxy.port())
					.hasMessageContaining("may have applied it");
				assertThat(this.proxy.requestsSeen() - seen).as("round %d: insert attempts", round).isEqualTo(1);
			}
			assertThat(strongCount(collection)).isEqualTo(1);
			assertThat(client.insert(collection, Rows.withoutIds(1, 1)).insertCount()).isEqualTo(1);
		}
	}

	@Test
	void whenConnectingIsRefusedThenAnAutoIdInsertIsSentAgainAndWrittenOnce() throws Exception {
		String collection = collection("cut_auto_refused", true);
		RetryOptions patient = new RetryOptions(10, Duration.ofMillis(100), Duration.ofSeconds(1), 2.0,
				Duration.ofSeconds(30));
		try (MilvusClient client = throughProxy(patient)) {
			client.insert(collection, Rows.withoutIds(1, 0));
			int forwarded = this.proxy.requestsForwarded();
			this.proxy.refuseConnections();
			long start = System.nanoTime();
			Future<Long> result = this.caller.submit(() -> client.insert(collection, Rows.withoutIds(1, 1)).insertCount());
			pause(500);
			this.proxy.acceptConnections();
			assertThat(result.get(DEADLINE.toSeconds() + 5, TimeUnit.SECONDS)).isEqualTo(1);
			System.out.printf("RELIABILITY refused: auto-id insert written %d ms after connections were refused%n",
					Duration.ofNanos(System.nanoTime() - start).toMillis());
			assertThat(this.proxy.requestsForwarded() - forwarded).as("inserts that reached the server").isEqualTo(1);
			assertThat(strongCount(collection)).isEqualTo(2);
		}
	}

}
