package dev.milvusboot.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.exception.MilvusNotFoundException;
import dev.milvusboot.client.schema.LoadState;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The same commands in their three forms against a real Milvus Lite: blocking, asynchronous and reactive run one
 * implementation and see each other's effects; bad input and server failures arrive the way each form reports
 * failures.
 */
@MilvusLiteTest
class CommandFormsTest {

	@Test
	void anOperationStartedAsynchronouslyIsSeenByTheBlockingAndReactiveForms(MilvusLite lite, TestNames names)
			throws Exception {
		try (MilvusClient client = MilvusClient.create(lite.uri())) {
			String name = names.collection("forms");
			client.async().createCollection(name, 4, MetricType.L2).get(30, TimeUnit.SECONDS);

			assertThat(client.hasCollection(name)).isTrue();
			assertThat(client.reactive().loadState(name).block(Duration.ofSeconds(30))).isEqualTo(LoadState.LOADED);
			StepVerifier.create(client.reactive().dropCollection(name)).verifyComplete();
			assertThat(client.async().hasCollection(name).get(30, TimeUnit.SECONDS)).isFalse();
		}
	}

	@Test
	void badInputGivesAFailedFutureAndAnErrorSignalNotAnExceptionAtTheCall(MilvusLite lite) {
		try (MilvusClient client = MilvusClient.create(lite.uri())) {
			CompletableFuture<Boolean> future = client.async().hasCollection("not a valid name!");
			assertThat(future).isCompletedExceptionally();
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(future::get)
				.withCauseInstanceOf(MilvusInvalidArgumentException.class);

			Mono<Boolean> mono = client.reactive().hasCollection("not a valid name!");
			StepVerifier.create(mono).expectError(MilvusInvalidArgumentException.class).verify(Duration.ofSeconds(10));
		}
	}

	@Test
	void reactiveCommandsSendNothingUntilSubscribedAndRunOncePerSubscription(MilvusLite lite, TestNames names) {
		try (MilvusClient client = MilvusClient.create(lite.uri())) {
			String name = names.collection("lazy");
			Mono<Void> create = client.reactive().createCollection(name, 4, MetricType.COSINE);
			assertThat(client.hasCollection(name)).as("before subscribing").isFalse();

			create.block(Duration.ofSeconds(30));
			assertThat(client.hasCollection(name)).isTrue();
			StepVerifier.create(create).expectError().verify(Duration.ofSeconds(30));
			client.dropCollection(name);
		}
	}

	@Test
	void serverFailuresCompleteTheFutureWithTheTypedException(MilvusLite lite, TestNames names) {
		try (MilvusClient client = MilvusClient.create(lite.uri())) {
			CompletableFuture<?> future = client.async().describeCollection(names.collection("missing"));
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(30, TimeUnit.SECONDS))
				.withCauseInstanceOf(MilvusNotFoundException.class);
		}
	}

	@Test
	void resultsAreHandedOverOnTheCallbackExecutorWhenOneIsSet(MilvusLite lite, TestNames names) throws Exception {
		ExecutorService callbacks = Executors.newSingleThreadExecutor((task) -> new Thread(task, "app-callbacks"));
		try (MilvusClient client = MilvusClient
			.create(MilvusClientOptions.builder().uri(lite.uri()).callbackExecutor(callbacks).build())) {
			AtomicReference<String> thread = new AtomicReference<>();
			client.async()
				.hasCollection(names.collection("any"))
				.thenAccept((exists) -> thread.set(Thread.currentThread().getName()))
				.get(30, TimeUnit.SECONDS);
			assertThat(thread.get()).isEqualTo("app-callbacks");
		}
		finally {
			callbacks.shutdownNow();
		}
	}

}
