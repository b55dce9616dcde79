package dev.milvusboot.autoconfigure.health;

import dev.milvusboot.autoconfigure.MilvusAutoConfiguration;
import dev.milvusboot.client.MilvusClient;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for {@link MilvusHealthIndicator}: one indicator named
 * {@code milvus} for a single {@link MilvusClient} bean, a composite keyed by bean name for several. Switched off
 * by {@code management.health.milvus.enabled=false}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = MilvusAutoConfiguration.class)
@ConditionalOnClass({ MilvusClient.class, MilvusHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(MilvusClient.class)
@ConditionalOnEnabledHealthIndicator("milvus")
@EnableConfigurationProperties(MilvusHealthProperties.class)
public final class MilvusHealthContributorAutoConfiguration
		extends CompositeHealthContributorConfiguration<MilvusHealthIndicator, MilvusClient> {

	MilvusHealthContributorAutoConfiguration(MilvusHealthProperties properties) {
		super((client) -> new MilvusHealthIndicator(client, properties.getTimeout()));
	}

	@Bean
	@ConditionalOnMissingBean(name = { "milvusHealthIndicator", "milvusHealthContributor" })
	HealthContributor milvusHealthContributor(ConfigurableListableBeanFactory beanFactory) {
		return createContributor(beanFactory, MilvusClient.class);
	}

}
