package dev.milvusboot.autoconfigure.metrics;

import java.util.Collections;
import java.util.Map;

import dev.milvusboot.autoconfigure.MilvusAutoConfiguration;
import dev.milvusboot.autoconfigure.MilvusClientOptionsBuilderCustomizer;
import dev.milvusboot.client.MilvusClient;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for Milvus client metrics: pool gauges of every
 * {@link MilvusClient} bean ({@link MilvusClientPoolMetrics}) and counters of rows written and vectors searched by
 * the auto-configured client ({@link MilvusRowMetricsCallListener}). Operation timers come from observations, see
 * {@code MilvusObservationAutoConfiguration}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = MilvusAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ MilvusClient.class, MeterRegistry.class })
@ConditionalOnBean(MeterRegistry.class)
@EnableConfigurationProperties(MilvusMetricsProperties.class)
public final class MilvusMetricsAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "management.metrics.milvus.rows.enabled", matchIfMissing = true)
	static class MilvusRowMetricsConfiguration {

		@Bean
		MilvusClientOptionsBuilderCustomizer milvusRowMetricsCustomizer(MeterRegistry meterRegistry,
				MilvusMetricsProperties properties) {
			MilvusRowMetricsCallListener listener = new MilvusRowMetricsCallListener(meterRegistry,
					properties.getCollectionTag().isEnabled());
			return (builder) -> builder.listener(listener);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(MilvusClient.class)
	@ConditionalOnBooleanProperty(name = "management.metrics.milvus.pool.enabled", matchIfMissing = true)
	static class MilvusPoolMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MilvusClientPoolMetrics milvusClientPoolMetrics(Map<String, MilvusClient> clients) {
			return new MilvusClientPoolMetrics(clients, Collections.emptyList());
		}

	}

}
