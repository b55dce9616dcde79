package dev.milvusboot.autoconfigure.health;

import java.time.Duration;

import dev.milvusboot.autoconfigure.MilvusAutoConfiguration;
import dev.milvusboot.client.MilvusClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MilvusHealthContributorAutoConfiguration}.
 */
class MilvusHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MilvusAutoConfiguration.class,
				MilvusHealthContributorAutoConfiguration.class, HealthContributorAutoConfiguration.class));

	@Test
	void whenClientIsConfiguredThenMilvusIndicatorIsDefined() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(MilvusHealthIndicator.class).hasBean("milvusHealthContributor");
			assertThat(ReflectionTestUtils.getField(context.getBean(MilvusHealthIndicator.class), "timeout"))
				.isEqualTo(Duration.ofSeconds(2));
		});
	}

	@Test
	void whenTimeoutIsSetThenIndicatorUsesIt() {
		this.contextRunner.withPropertyValues("management.health.milvus.timeout=750ms")
			.run((context) -> assertThat(
					ReflectionTestUtils.getField(context.getBean(MilvusHealthIndicator.class), "timeout"))
				.isEqualTo(Duration.ofMillis(750)));
	}

	@Test
	void whenIndicatorIsDisabledThenNoneIsDefined() {
		this.contextRunner.withPropertyValues("management.health.milvus.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MilvusHealthIndicator.class)
				.doesNotHaveBean("milvusHealthContributor"));
	}

	@Test
	void whenHealthIndicatorsAreDisabledByDefaultThenNoneIsDefined() {
		this.contextRunner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("milvusHealthContributor"));
	}

	@Test
	void whenSpringBootHealthIsAbsentThenNoIndicatorIsDefined() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ConditionalOnEnabledHealthIndicator.class))
			.run((context) -> assertThat(context).hasSingleBean(MilvusClient.class)
				.doesNotHaveBean("milvusHealthContributor"));
	}

	@Test
	void whenNoClientExistsThenNoIndicatorIsDefined() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MilvusHealthContributorAutoConfiguration.class,
					HealthContributorAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean("milvusHealthContributor"));
	}

	@Test
	void whenUserDefinesMilvusHealthIndicatorThenAutoConfiguredOneBacksOff() {
		this.contextRunner.withBean("milvusHealthIndicator", HealthIndicator.class,
				() -> () -> org.springframework.boot.health.contributor.Health.up().build())
			.run((context) -> assertThat(context).doesNotHaveBean("milvusHealthContributor")
				.doesNotHaveBean(MilvusHealthIndicator.class));
	}

	@Test
	void whenSeveralClientsExistThenCompositeIsKeyedByBeanName() {
		this.contextRunner.withUserConfiguration(TwoClientsConfiguration.class).run((context) -> {
			HealthContributor contributor = context.getBean("milvusHealthContributor", HealthContributor.class);
			assertThat(contributor).isInstanceOf(CompositeHealthContributor.class);
			CompositeHealthContributor composite = (CompositeHealthContributor) contributor;
			assertThat(composite.getContributor("first")).isInstanceOf(MilvusHealthIndicator.class);
			assertThat(composite.getContributor("second")).isInstanceOf(MilvusHealthIndicator.class);
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
