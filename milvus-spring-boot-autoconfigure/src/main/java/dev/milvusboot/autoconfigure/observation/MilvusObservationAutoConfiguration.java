package dev.milvusboot.autoconfigure.observation;

import dev.milvusboot.autoconfigure.MilvusAutoConfiguration;
import dev.milvusboot.autoconfigure.MilvusClientOptionsBuilderCustomizer;
import dev.milvusboot.autoconfigure.metrics.MilvusMetricsProperties;
import dev.milvusboot.client.MilvusClient;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for observations of Milvus client operations: an
 * {@link ObservationMilvusCallListener} added to the auto-configured client by a
 * {@link MilvusClientOptionsBuilderCustomizer}. A {@link MilvusObservationConvention} bean replaces the
 * {@link DefaultMilvusObservationConvention}. Switched off by {@code management.observations.milvus.enabled=false}.
 * <p>
 * It defines no gRPC interceptor beans, so Spring Boot's own gRPC client observation is not disturbed.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = MilvusAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ MilvusClient.class, ObservationRegistry.class })
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "management.observations.milvus.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MilvusMetricsProperties.class)
public final class MilvusObservationAutoConfiguration {

	@Bean
	MilvusClientOptionsBuilderCustomizer milvusObservationCustomizer(ObservationRegistry observationRegistry,
			ObjectProvider<MilvusObservationConvention> customConvention, MilvusMetricsProperties properties) {
		ObservationMilvusCallListener listener = new ObservationMilvusCallListener(observationRegistry,
				customConvention.getIfAvailable(),
				new DefaultMilvusObservationConvention(properties.getCollectionTag().isEnabled()));
		return (builder) -> builder.listener(listener);
	}

}
