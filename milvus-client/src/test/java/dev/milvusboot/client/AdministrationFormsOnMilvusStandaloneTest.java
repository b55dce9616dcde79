package dev.milvusboot.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import dev.milvusboot.client.admin.CompactionResult;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.exception.MilvusNotFoundException;
import dev.milvusboot.client.exception.MilvusNotFoundException.ResourceType;
import dev.milvusboot.client.exception.MilvusTimeoutException;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.LoadState;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.MilvusStandalone;
import dev.milvusboot.local.junit.MilvusStandaloneTest;
import dev.milvusboot.local.junit.TestNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The asynchronous and reactive forms of the administrative operations that take several calls (an action, then
 * polls until the server is done), on the full Milvus 2.3 standalone where loads, flushes and compactions take
 * real time: they wait as the blocking forms do, within one deadline, and failures at any step arrive as a failed
 * future or an error signal.
 */
@MilvusStandaloneTest
class AdministrationFormsOnMilvusStandaloneTest {

	private static final int DIM = 8;

	private static final Duration WAIT = Duration.ofSeconds(90);

	private static MilvusClient client;

	private static AdminFixtures.RecordingListener calls;

	private static TestNames names;

	@BeforeAll
	static void connect(MilvusStandalone milvus, TestNames testNames) {
		calls = new AdminFixtures.RecordingListener();
		client = MilvusClient.create(MilvusClientOptions.builder()
			.uri(milvus.uri())
			.requestTimeout(Duration.ofSeconds(60))
			.listener(calls)
			.build());
		names = testNames;
	}

	@AfterAll
	static void close() {
		client.close();
	}

	private static String indexedCollection(String prefix) {
		String name = names.collection(prefix);
		client.createCollection(CollectionSchema.quick(name, DIM));
		client.createIndex(IndexParams.of(name, CollectionSchema.DEFAULT_VECTOR_FIELD, IndexType.FLAT, MetricType.L2));
		return name;
	}

	private static <T> T await(CompletableFuture<T> future) throws Exception {
		return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
	}

	@Test
	void partitionsAreCreatedLoadedAndReleasedAsynchronouslyAndReactively() throws Exception {
		String name = indexedCollection("forms_partitions");
		await(client.async().createPartition(name, "recent"));
		StepVerifier.create(client.reactive().createPartition(name, "archive")).expectComplete().verify(WAIT);
		client.insert(name, "recent", AdminFixtures.rows(10, DIM, 1));
		calls.clear();

		await(client.async().loadPartitions(name, "recent"));

		assertThat(calls.operations()).startsWith("loadPartitions").contains("getLoadingProgress");
		assertThat(client.loadState(name)).isEqualTo(LoadState.LOADED);
		assertThat(client.count(name, "")).isEqualTo(10);
		StepVerifier.create(client.reactive().listPartitions(name))
			.assertNext((partitions) -> assertThat(partitions).containsExactlyInAnyOrder("_default", "recent",
					"archive"))
			.verifyComplete();

		StepVerifier.create(client.reactive().releasePartitions(name, "recent")).expectComplete().verify(WAIT);

		assertThat(client.async().hasPartition(name, "recent").get(60, TimeUnit.SECONDS)).isTrue();
		assertThat(client.loadState(name)).isEqualTo(LoadState.NOT_LOADED);
	}

	@Test
	void flushAndCompactionWaitForTheServerInEveryForm() throws Exception {
		String name = indexedCollection("forms_compacted");
		for (int batch = 0; batch < 3; batch++) {
			client.insert(name, AdminFixtures.rows(100, DIM, batch));
			if (batch % 2 == 0) {
				await(client.async().flush(name));
			}
			else {
				StepVerifier.create(client.reactive().flush(name)).expectComplete().verify(WAIT);
			}
		}
		assertThat(client.rowCount(name)).isEqualTo(300);
		calls.clear();

		CompactionResult compacted = client.reactive().compact(name).block(WAIT);

		assertThat(compacted.compactionId()).isPositive();
		assertThat(compacted.isCompleted()).isTrue();
		assertThat(compacted.failedPlans()).isZero();
		assertThat(calls.operations()).startsWith("describeCollection", "manualCompaction")
			.contains("getCompactionState");
		assertThat(await(client.async().compactionState(compacted.compactionId())).isCompleted()).isTrue();

		long started = await(client.async().startCompaction(name));
		CompactionResult state = client.reactive().compactionState(started).block(WAIT);
		assertThat(state.compactionId()).isEqualTo(started);
		assertThat(state.state()).isNotNull();
		assertThat(state.failedPlans()).isZero();
	}

	@Test
	void aFailureAtAnyStepArrivesAsAFailedFutureOrAnErrorSignal() {
		String missing = names.collection("forms_missing");

		CompletableFuture<CompactionResult> compaction = client.async().compact(missing);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> await(compaction))
			.havingCause()
			.isInstanceOf(MilvusNotFoundException.class)
			.withMessageContaining("'" + missing + "'")
			.satisfies((ex) -> assertThat(((MilvusNotFoundException) ex).resourceType())
				.isEqualTo(ResourceType.COLLECTION));

		StepVerifier.create(client.reactive().flush(missing))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MilvusNotFoundException.class)
				.hasMessageContaining("'" + missing + "'"))
			.verify(WAIT);

		String name = indexedCollection("forms_unknown_partition");
		CompletableFuture<Void> load = client.async().loadPartitions(name, "no_such_partition");
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> await(load))
			.havingCause()
			.isInstanceOf(MilvusException.class)
			.withMessageContaining("'no_such_partition'");
	}

	@Test
	void badInputFailsTheFutureAndSendsNothing() {
		calls.clear();

		CompletableFuture<Void> flush = client.async().flush();
		assertThat(flush).isCompletedExceptionally();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(flush::get)
			.withCauseInstanceOf(MilvusInvalidArgumentException.class);
		StepVerifier.create(client.reactive().loadPartitions("docs"))
			.expectError(MilvusInvalidArgumentException.class)
			.verify(WAIT);
		StepVerifier.create(client.reactive().compact("bad name"))
			.expectError(MilvusInvalidArgumentException.class)
			.verify(WAIT);

		assertThat(calls.operations()).isEmpty();
	}

	@Test
	void aPartitionLoadThatOutlastsItsDeadlineFailsTheFutureNamingWhatWasAwaited() throws Exception {
		String name = indexedCollection("forms_slow_load");
		client.createPartition(name, "recent");
		client.insert(name, "recent", AdminFixtures.rows(100, DIM, 2));

		CompletableFuture<Void> load = client.withTimeout(Duration.ofMillis(300))
			.async()
			.loadPartitions(name, "recent");

		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> await(load))
			.havingCause()
			.isInstanceOf(MilvusTimeoutException.class)
			.withMessageContaining("partitions 'recent' of collection '" + name + "'");
		await(client.async().loadPartitions(name, "recent"));
		assertThat(client.loadState(name)).isEqualTo(LoadState.LOADED);
	}

	@Test
	void theServerIsHealthyInEveryForm() throws Exception {
		assertThat(await(client.async().checkHealth())).isEqualTo(new HealthStatus(true, List.of()));
		StepVerifier.create(client.reactive().checkHealth())
			.assertNext((health) -> assertThat(health.healthy()).isTrue())
			.verifyComplete();
	}

}
