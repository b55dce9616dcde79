package dev.milvusboot.autoconfigure.health;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.milvusboot.client.HealthStatus;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.RetryOptions;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusUnavailableException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link MilvusHealthIndicator}.
 */
class MilvusHealthIndicatorTests {

	@Test
	void whenServerIsHealthyThenUpWithVersionEndpointAndDatabase() {
		MilvusClient client = mockClient(null);
		given(client.checkHealth()).willReturn(new HealthStatus(true, List.of()));
		given(client.serverVersion()).willReturn("v2.5.4");
		Health health = new MilvusHealthIndicator(client).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("version", "v2.5.4")
			.containsEntry("endpoint", "milvus.example.com:19530")
			.containsEntry("database", "default")
			.doesNotContainKey("reasons");
	}

	@Test
	void whenServerIsUnhealthyThenDownWithItsReasons() {
		MilvusClient client = mockClient("docs");
		given(client.checkHealth()).willReturn(new HealthStatus(false, List.of("querynode 7 is down")));
		given(client.serverVersion()).willReturn("v2.5.4");
		Health health = new MilvusHealthIndicator(client).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("reasons", List.of("querynode 7 is down"))
			.containsEntry("database", "docs")
			.containsEntry("version", "v2.5.4");
	}

	@Test
	void whenServerCannotBeReachedThenDownWithTheErrorAndEndpoint() {
		MilvusClient client = mockClient(null);
		given(client.checkHealth()).willThrow(new MilvusUnavailableException("checkHealth failed: connection refused",
				new MilvusException.ErrorDetails(0, "connection refused", "UNAVAILABLE", true), null));
		Health health = new MilvusHealthIndicator(client).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("endpoint", "milvus.example.com:19530");
		assertThat(String.valueOf(health.getDetails().get("error"))).contains("connection refused");
	}

	@Test
	void whenCheckingThenCallsAreBoundedByTheTimeout() {
		MilvusClient client = mockClient(null);
		given(client.checkHealth()).willReturn(new HealthStatus(true, List.of()));
		given(client.serverVersion()).willReturn("v2.5.4");
		new MilvusHealthIndicator(client, Duration.ofMillis(700)).health();
		then(client).should().withTimeout(Duration.ofMillis(700));
	}

	@Test
	void whenTimeoutIsNotPositiveThenIndicatorIsRejected() {
		MilvusClient client = mockClient(null);
		assertThatIllegalArgumentException().isThrownBy(() -> new MilvusHealthIndicator(client, Duration.ZERO));
	}

	@Test
	void whenServerNeverAnswersThenDownWithinTheTimeout() throws Exception {
		// A TCP server that accepts connections and never speaks: the worst case of a hung server
		try (SilentServer server = new SilentServer();
				MilvusClient client = MilvusClient.create(MilvusClientOptions.builder()
					.uri("http://127.0.0.1:" + server.port())
					.connectTimeout(Duration.ofSeconds(30))
					.requestTimeout(Duration.ofSeconds(30))
					.retry(RetryOptions.DEFAULTS)
					.build())) {
			long start = System.nanoTime();
			Health health = new MilvusHealthIndicator(client, Duration.ofMillis(500)).health();
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("endpoint", "127.0.0.1:" + server.port());
			assertThat(took).isLessThan(Duration.ofMillis(2500));
		}
	}

	private static MilvusClient mockClient(String database) {
		MilvusClient client = mock(MilvusClient.class);
		given(client.options()).willReturn(MilvusClientOptions.builder().host("milvus.example.com").build());
		given(client.database()).willReturn(database);
		given(client.withTimeout(any())).willReturn(client);
		return client;
	}

	static final class SilentServer implements AutoCloseable {

		private final ServerSocket socket;

		private final List<Socket> accepted = new CopyOnWriteArrayList<>();

		private final Thread acceptor;

		SilentServer() throws IOException {
			this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			this.acceptor = new Thread(() -> {
				try {
					while (!this.socket.isClosed()) {
						this.accepted.add(this.socket.accept());
					}
				}
				catch (IOException ex) {
					// closed
				}
			}, "silent-server");
			this.acceptor.setDaemon(true);
			this.acceptor.start();
		}

		int port() {
			return this.socket.getLocalPort();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
			for (Socket s : this.accepted) {
				s.close();
			}
		}

	}

}
