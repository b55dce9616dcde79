package dev.milvusboot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.milvusboot.autoconfigure.health.MilvusHealthContributorAutoConfiguration;
import dev.milvusboot.autoconfigure.health.MilvusHealthIndicator;
import dev.milvusboot.autoconfigure.metrics.MilvusMetricsAutoConfiguration;
import dev.milvusboot.autoconfigure.observation.MilvusObservationAutoConfiguration;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests of the auto-configuration against a real Milvus Lite server: the shared one of
 * {@link MilvusLiteTest}, and a server of their own for the tests that stop, freeze and restart it.
 */
@MilvusLiteTest
@ExtendWith(OutputCaptureExtension.class)
class MilvusLiteIntegrationTests {

	private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

	private final MilvusLite lite;

	private final ApplicationContextRunner contextRunner;

	private final ApplicationContextRunner baseRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MilvusAutoConfiguration.class,
				MilvusHealthContributorAutoConfiguration.class, MilvusMetricsAutoConfiguration.class,
				MilvusObservationAutoConfiguration.class, HealthContributorAutoConfiguration.class,
				ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
		.withPropertyValues("management.health.milvus.timeout=" + HEALTH_TIMEOUT.toMillis() + "ms");

	MilvusLiteIntegrationTests(MilvusLite lite) {
		this.lite = lite;
		this.contextRunner = this.baseRunner.withPropertyValues("milvus.uri=" + lite.uri());
	}

	@Test
	void whenContextStartsFromPropertiesAloneThenClientReachesTheServer() {
		this.contextRunner.run((context) -> {
			MilvusClient client = context.getBean(MilvusClient.class);
			assertThat(client.serverVersion()).isNotBlank();
			assertThat(client.checkHealth().healthy()).isTrue();
		});
	}

	@Test
	void whenServerIsUpThenHealthIsUpWithItsVersion() {
		this.contextRunner.run((context) -> {
			Health health = context.getBean(MilvusHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("endpoint", "127.0.0.1:" + this.lite.port())
				.containsEntry("database", "default")
				.containsEntry("version", context.getBean(MilvusClient.class).serverVersion());
		});
	}

	@Test
	void whenCallsAreMadeThenOperationTimersCountThem() {
		this.contextRunner.run((context) -> {
			MilvusClient client = context.getBean(MilvusClient.class);
			client.serverVersion();
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			double before = count(registry, "checkHealth");
			for (int i = 0; i < 5; i++) {
				client.checkHealth();
			}
			assertThat(count(registry, "checkHealth") - before).isEqualTo(5);
			Timer timer = registry.get("milvus.client.operations")
				.tags("operation", "checkHealth", "outcome", "success", "error.code", "none", "exception", "none")
				.timer();
			assertThat(timer.totalTime(TimeUnit.NANOSECONDS)).isPositive();
			// the handshake is observed too
			assertThat(count(registry, "connect") + count(registry, "getVersion")).isPositive();
		});
	}

	@Test
	void whenClientConnectsThenPoolGaugesChange() {
		this.contextRunner.withPropertyValues("milvus.pool-size=2").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(gauge(registry, "ready")).isZero();
			MilvusClient client = context.getBean(MilvusClient.class);
			for (int i = 0; i < 4; i++) {
				client.checkHealth();
			}
			assertThat(gauge(registry, "ready")).isEqualTo(2);
			assertThat(gauge(registry, "idle")).isZero();
		});
	}

	private static double count(MeterRegistry registry, String operation) {
		Timer timer = registry.find("milvus.client.operations")
			.tags("operation", operation, "outcome", "success")
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

	private static double gauge(MeterRegistry registry, String state) {
		return registry.get("milvus.client.pool.connections").tags("name", "milvusClient", "state", state)
			.gauge()
			.value();
	}

	@Test
	void whenServerStopsThenHealthIsDownWithinItsTimeoutAndUpAgainAfterRestart() {
		try (MilvusLite server = MilvusLite.builder().build().start()) {
			this.baseRunner.withPropertyValues("milvus.uri=" + server.uri()).run((context) -> {
				MilvusHealthIndicator indicator = context.getBean(MilvusHealthIndicator.class);
				assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
				server.stop();
				long start = System.nanoTime();
				Health down = indicator.health();
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HEALTH_TIMEOUT.plusSeconds(1));
				assertThat(down.getStatus()).isEqualTo(Status.DOWN);
				assertThat(down.getDetails()).containsKey("error")
					.containsEntry("endpoint", "127.0.0.1:" + server.port());
				server.start();
				assertThat(awaitUp(indicator).getDetails()).containsEntry("version", server.serverVersion());
			});
		}
	}

	@Test
	void whenServerGoesDownThenOneWarningWithoutStackTraceAndOneInfoWhenItIsBack(CapturedOutput output) {
		try (MilvusLite server = MilvusLite.builder().build().start()) {
			String downLine = "Milvus at 127.0.0.1:" + server.port() + " is down: ";
			String upLine = "Milvus at 127.0.0.1:" + server.port() + " is up again";
			this.baseRunner.withPropertyValues("milvus.uri=" + server.uri()).run((context) -> {
				MilvusHealthIndicator indicator = context.getBean(MilvusHealthIndicator.class);
				assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
				int before = output.toString().length();
				server.stop();
				for (int i = 0; i < 3; i++) {
					assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
				}
				String whileDown = output.toString().substring(before);
				assertThat(lines(whileDown, downLine)).singleElement().asString().contains("WARN");
				assertThat(stackTraceLines(whileDown)).as("stack trace lines").isEmpty();
				assertThat(whileDown).doesNotContain("Milvus health check failed");
				server.start();
				awaitUp(indicator);
				indicator.health();
				assertThat(lines(output.toString().substring(before), upLine)).singleElement()
					.asString()
					.contains("INFO")
					.contains(server.serverVersion());
				assertThat(lines(output.toString().substring(before), downLine)).hasSize(1);
			});
		}
	}

	@Test
	void whenServerHangsThenOneWarningSaysItTimedOutAndDebugAddsTheStackTrace(CapturedOutput output) {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		String loggerName = MilvusHealthIndicator.class.getName();
		try (MilvusLite server = MilvusLite.builder().build().start()) {
			String downLine = "Milvus at 127.0.0.1:" + server.port() + " is down: ";
			this.baseRunner.withPropertyValues("milvus.uri=" + server.uri()).run((context) -> {
				MilvusHealthIndicator indicator = context.getBean(MilvusHealthIndicator.class);
				assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
				int before = output.toString().length();
				logging.setLogLevel(loggerName, LogLevel.DEBUG);
				server.pause();
				try {
					long start = System.nanoTime();
					Health down = indicator.health();
					assertThat(Duration.ofNanos(System.nanoTime() - start))
						.isLessThan(HEALTH_TIMEOUT.plusSeconds(1));
					assertThat(down.getStatus()).isEqualTo(Status.DOWN);
					assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
				}
				finally {
					server.resume();
					logging.setLogLevel(loggerName, null);
				}
				String whileDown = output.toString().substring(before);
				assertThat(lines(whileDown, downLine)).singleElement().asString().contains("WARN");
				assertThat(stackTraceLines(whileDown)).as("stack trace lines at DEBUG").isNotEmpty();
				awaitUp(indicator);
			});
		}
		finally {
			logging.setLogLevel(loggerName, null);
		}
	}

	private static List<String> lines(String output, String text) {
		return output.lines().filter((line) -> line.contains(text)).toList();
	}

	private static List<String> stackTraceLines(String output) {
		return output.lines().filter((line) -> line.startsWith("\tat ")).toList();
	}

	private static Health awaitUp(MilvusHealthIndicator indicator) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		Health health = indicator.health();
		while (health.getStatus() != Status.UP && System.nanoTime() < deadline) {
			Thread.sleep(200);
			health = indicator.health();
		}
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		return health;
	}

}
