package dev.milvusboot.autoconfigure.data;

import dev.milvusboot.autoconfigure.MilvusAutoConfiguration;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.core.MilvusTemplate;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MilvusTemplateAutoConfiguration}. No call reaches a server: the client connects lazily.
 */
class MilvusTemplateAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MilvusAutoConfiguration.class, MilvusTemplateAutoConfiguration.class));

	@Test
	void whenTheClientIsConfiguredThenTheTemplateUsesIt() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(MilvusTemplate.class);
			assertThat(context.getBean(MilvusTemplate.class).getClient())
				.isSameAs(context.getBean(MilvusClient.class));
		});
	}

	@Test
	void whenTheApplicationDefinesATemplateThenTheAutoConfiguredOneBacksOff() {
		this.contextRunner.withUserConfiguration(OwnTemplateConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(MilvusTemplate.class);
			assertThat(context).getBean("ownTemplate").isSameAs(context.getBean(MilvusTemplate.class));
		});
	}

	@Test
	void whenThereAreTwoClientsAndNoPrimaryThenNoTemplateIsCreated() {
		this.contextRunner.withUserConfiguration(TwoClientsConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean(MilvusTemplate.class));
	}

	@Test
	void whenMilvusSpringDataIsNotOnTheClasspathThenNoTemplateIsCreatedAndTheClientStillIs() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MilvusTemplate.class)).run((context) -> {
			assertThat(context).doesNotHaveBean(MilvusTemplate.class);
			assertThat(context).hasSingleBean(MilvusClient.class);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnTemplateConfiguration {

		@Bean
		MilvusTemplate ownTemplate(MilvusClient client) {
			return new MilvusTemplate(client);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoClientsConfiguration {

		@Bean(destroyMethod = "close")
		MilvusClient first() {
			return MilvusClient.create("http://127.0.0.1:19530");
		}

		@Bean(destroyMethod = "close")
		MilvusClient second() {
			return MilvusClient.create("http://127.0.0.1:19531");
		}

	}

}
