package dev.milvusboot.client.reliability;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.RetryOptions;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.data.SearchResults;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusTimeoutException;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The client keeps each call's deadline itself (no {@code grpc-timeout} header, no timer per blocking call): with the
 * server's answers held back by a TCP proxy in front of a real Milvus Lite, blocking and asynchronous calls fail with
 * {@link MilvusTimeoutException} at their deadline, an interrupted blocking call ends at once with the thread's
 * interrupt flag set, and the connection serves the next calls once answers flow again.
 */
@MilvusLiteTest
class CallDeadlineTest {

	private static final Duration DEADLINE = Duration.ofMillis(1500);

	private TcpProxy proxy;

	private MilvusClient client;

	private String collection;

	@BeforeEach
	void start(MilvusLite lite, TestNames names) throws IOException {
		this.collection = names.collection("deadline");
		try (MilvusClient direct = MilvusClient.create(lite.uri())) {
			direct.createCollection(this.collection, Rows.DIMENSION, MetricType.L2, false);
			direct.insert(this.collection, Rows.withIds(1, 20));
		}
		this.proxy = TcpProxy.to(lite.port());
		this.client = MilvusClient.create(MilvusClientOptions.builder()
			.uri(this.proxy.uri())
			.poolSize(1)
			.requestTimeout(DEADLINE)
			.retry(RetryOptions.NONE)
			.build());
		// Connected and handshaken before answers are held.
		assertThat(search().first().get(0).id()).isEqualTo(7L);
	}

	@AfterEach
	void stop() throws IOException {
		this.proxy.releaseAnswers();
		this.client.close();
		this.proxy.close();
	}

	private Search query() {
		return Search.in(this.collection).vector(Rows.vector(7)).topK(3).build();
	}

	private SearchResults search() {
		return this.client.search(query());
	}

	@Test
	void whenNoAnswerComesThenABlockingCallFailsWithATimeoutAtItsDeadlineAndTheConnectionServesTheNextCall() {
		this.proxy.holdAnswers();
		long start = System.nanoTime();
		Throwable failure = catchThrowable(this::search);
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

		assertThat(failure).isInstanceOf(MilvusTimeoutException.class).hasMessageContaining("deadline");
		assertThat(elapsed).isBetween(DEADLINE.minusMillis(20), DEADLINE.plusMillis(700));
		this.proxy.releaseAnswers();
		assertThat(search().first().get(0).id()).as("the next call on the same connection").isEqualTo(7L);
	}

	@Test
	void whenNoAnswerComesThenAnAsynchronousCallFailsWithATimeoutAtItsDeadline() throws Exception {
		this.proxy.holdAnswers();
		long start = System.nanoTime();
		CompletableFuture<SearchResults> result = this.client.async().search(query());
		Throwable failure = catchThrowable(() -> result.get(DEADLINE.toMillis() + 5_000, TimeUnit.MILLISECONDS));
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

		assertThat(failure).isInstanceOf(ExecutionException.class);
		assertThat(failure.getCause()).isInstanceOf(MilvusTimeoutException.class).hasMessageContaining("deadline");
		assertThat(elapsed).isBetween(DEADLINE.minusMillis(20), DEADLINE.plusMillis(700));
		this.proxy.releaseAnswers();
		assertThat(this.client.async().search(query()).get(10, TimeUnit.SECONDS).first().get(0).id()).isEqualTo(7L);
	}

	@Test
	void whenTheWaitingThreadIsInterruptedThenTheCallEndsAtOnceAndTheThreadStaysInterrupted() throws Exception {
		this.proxy.holdAnswers();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		AtomicBoolean stillInterrupted = new AtomicBoolean();
		Thread caller = new Thread(() -> {
			try {
				search();
			}
			catch (Throwable ex) {
				failure.set(ex);
			}
			stillInterrupted.set(Thread.currentThread().isInterrupted());
		});
		caller.start();
		Thread.sleep(200);
		long interrupted = System.nanoTime();
		caller.interrupt();
		caller.join(DEADLINE.toMillis() * 2);
		Duration afterInterrupt = Duration.ofNanos(System.nanoTime() - interrupted);

		assertThat(caller.isAlive()).isFalse();
		assertThat(afterInterrupt).as("ended by the interrupt, not the deadline").isLessThan(DEADLINE.dividedBy(2));
		assertThat(failure.get()).isInstanceOf(MilvusException.class)
			.isNotInstanceOf(MilvusTimeoutException.class)
			.hasMessageContaining("nterrupted");
		assertThat(stillInterrupted).isTrue();
	}

}
