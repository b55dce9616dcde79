package dev.milvusboot.autoconfigure.metrics;

import java.util.Collection;

import dev.milvusboot.autoconfigure.MilvusAutoConfiguration;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MilvusMetricsAutoConfiguration}, with Spring Boot's own metrics auto-configuration binding the
 * meter binders.
 */
class MilvusMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MilvusAutoConfiguration.class, MilvusMetricsAutoConfiguration.class,
				MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class));

	@Test
	void whenMeterRegistryExistsThenPoolGaugesAreRegistered() {
		this.contextRunner.withPropertyValues("milvus.pool-size=3").run((context) -> {
			assertThat(context).hasSingleBean(MilvusClientPoolMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			Collection<Gauge> connections = registry.get("milvus.client.pool.connections")
				.tag("name", "milvusClient")
				.gauges();
			assertThat(connections).extracting((gauge) -> gauge.getId().getTag("state"))
				.containsExactlyInAnyOrder("ready", "connecting", "idle", "transient_failure", "shutdown");
			double total = connections.stream().mapToDouble(Gauge::value).sum();
			assertThat(total).isEqualTo(3);
			assertThat(registry.get("milvus.client.calls.active").tag("name", "milvusClient").gauge().value())
				.isZero();
		});
	}

	@Test
	void whenMeterRegistryExistsThenRowsAreCounted() {
		this.contextRunner.run((context) -> assertThat(context.getBean(MilvusClientOptions.class).listeners())
			.hasExactlyElementsOfTypes(MilvusRowMetricsCallListener.class));
	}

	@Test
	void whenPoolMetricsAreDisabledThenNoGaugesAreRegistered() {
		this.contextRunner.withPropertyValues("management.metrics.milvus.pool.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(MilvusClientPoolMetrics.class);
			assertThat(context.getBean(MeterRegistry.class).find("milvus.client.pool.connections").gauges()).isEmpty();
		});
	}

	@Test
	void whenRowMetricsAreDisabledThenClientHasNoCountingListener() {
		this.contextRunner.withPropertyValues("management.metrics.milvus.rows.enabled=false")
			.run((context) -> assertThat(context.getBean(MilvusClientOptions.class).listeners()).isEmpty());
	}

	@Test
	void whenNoMeterRegistryExistsThenNoMetricsAreConfigured() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MilvusAutoConfiguration.class,
					MilvusMetricsAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(MilvusClientPoolMetrics.class);
				assertThat(context.getBean(MilvusClientOptions.class).listeners()).isEmpty();
			});
	}

	@Test
	void whenSeveralClientsExistThenEachHasItsGauges() {
		this.contextRunner.withUserConfiguration(TwoClientsConfiguration.class).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("milvus.client.calls.active").gauges())
				.extracting((gauge) -> gauge.getId().getTag("name"))
				.containsExactlyInAnyOrder("first", "second");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoClientsConfiguration {

		@Bean(destroyMethod = "close")
		MilvusClient first() {
			return MilvusClient.create("http://localhost:19530");
		}

		@Bean(destroyMethod = "close")
		MilvusClient second() {
			return MilvusClient.create("http://localhost:19531");
		}

	}

}
