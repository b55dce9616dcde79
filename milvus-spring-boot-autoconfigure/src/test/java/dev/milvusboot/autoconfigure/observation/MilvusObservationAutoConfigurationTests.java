package dev.milvusboot.autoconfigure.observation;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import dev.milvusboot.autoconfigure.MilvusAutoConfiguration;
import dev.milvusboot.client.MilvusCallListener;
import dev.milvusboot.client.MilvusCallListener.MilvusCallContext;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.MilvusEndpoint;
import dev.milvusboot.client.exception.MilvusException;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MilvusObservationAutoConfiguration}.
 */
class MilvusObservationAutoConfigurationTests {

	private static final MilvusEndpoint ENDPOINT = new MilvusEndpoint("localhost", 19530, false, null);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MilvusAutoConfiguration.class,
				MilvusObservationAutoConfiguration.class))
		.withBean(TestObservationRegistry.class, TestObservationRegistry::create);

	@Test
	void whenObservationRegistryExistsThenClientIsObserved() {
		this.contextRunner.run((context) -> assertThat(listeners(context.getBean(MilvusClientOptions.class)))
			.hasExactlyElementsOfTypes(ObservationMilvusCallListener.class));
	}

	@Test
	void whenNoObservationRegistryExistsThenClientIsNotObserved() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MilvusAutoConfiguration.class,
					MilvusObservationAutoConfiguration.class))
			.run((context) -> assertThat(context.getBean(MilvusClientOptions.class).listeners()).isEmpty());
	}

	@Test
	void whenObservationsAreDisabledThenClientIsNotObserved() {
		this.contextRunner.withPropertyValues("management.observations.milvus.enabled=false")
			.run((context) -> assertThat(context.getBean(MilvusClientOptions.class).listeners()).isEmpty());
	}

	@Test
	void whenMicrometerIsAbsentThenNothingBreaks() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MilvusAutoConfiguration.class,
					MilvusObservationAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(MilvusClient.class));
	}

	@Test
	void whenUserDefinesConventionThenItIsUsed() {
		this.contextRunner.withBean(MilvusObservationConvention.class, () -> new MilvusObservationConvention() {

			@Override
			public String getName() {
				return "my.milvus";
			}

			@Override
			public KeyValues getLowCardinalityKeyValues(MilvusObservationContext context) {
				return KeyValues.of("op", context.getOperation());
			}

		}).run((context) -> {
			listeners(context.getBean(MilvusClientOptions.class)).get(0)
				.callStarted(new MilvusCallContext("search", "docs", null, ENDPOINT))
				.succeeded(1);
			TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
				.hasSingleObservationThat()
				.hasNameEqualTo("my.milvus")
				.hasLowCardinalityKeyValue("op", "search");
		});
	}

	@Test
	void whenCollectionTagIsEnabledThenDefaultConventionTagsTheCollection() {
		this.contextRunner.withPropertyValues("management.metrics.milvus.collection-tag.enabled=true")
			.run((context) -> {
				listeners(context.getBean(MilvusClientOptions.class)).get(0)
					.callStarted(new MilvusCallContext("search", "docs", null, ENDPOINT))
					.succeeded(1);
				TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
					.hasSingleObservationThat()
					.hasLowCardinalityKeyValue("collection", "docs");
			});
	}

	@Test
	void whenClientCallFailsThenTheFailureIsObserved() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		this.contextRunner
			.withPropertyValues("milvus.uri=http://127.0.0.1:" + port, "milvus.retry.max-attempts=1",
					"milvus.request-timeout=2s")
			.run((context) -> {
				MilvusClient client = context.getBean(MilvusClient.class);
				assertThatExceptionOfType(MilvusException.class).isThrownBy(client::checkHealth);
				// The handshake sends Connect and GetVersion at once: both calls failed, both are observed.
				TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
					.hasNumberOfObservationsEqualTo(2)
					.forAllObservationsWithNameEqualTo("milvus.client.operations", (observation) -> observation
						.hasLowCardinalityKeyValue("outcome", "error")
						.hasLowCardinalityKeyValue("error.code", "UNAVAILABLE")
						.hasHighCardinalityKeyValue("server.port", String.valueOf(port)))
					.hasNumberOfObservationsWithNameEqualTo("milvus.client.operations", 2)
					.hasAnObservationWithAKeyValue("operation", "connect")
					.hasAnObservationWithAKeyValue("operation", "getVersion");
			});
	}

	private static List<MilvusCallListener> listeners(MilvusClientOptions options) {
		return options.listeners();
	}

}
