package dev.milvusboot.autoconfigure.data;

import dev.milvusboot.autoconfigure.MilvusAutoConfiguration;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.core.ReactiveMilvusTemplate;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@link ReactiveMilvusTemplate} of {@link MilvusTemplateAutoConfiguration}. No call reaches a
 * server: the client connects lazily.
 */
class ReactiveMilvusTemplateAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MilvusAutoConfiguration.class, MilvusTemplateAutoConfiguration.class));

	@Test
	void whenReactorIsPresentThenAReactiveTemplateUsesTheClient() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ReactiveMilvusTemplate.class);
			assertThat(context.getBean(ReactiveMilvusTemplate.class).getClient())
				.isSameAs(context.getBean(MilvusClient.class));
			assertThat(context).hasSingleBean(MilvusTemplate.class);
		});
	}

	@Test
	void whenReactorIsAbsentThenNoReactiveTemplateIsCreatedAndTheBlockingOneStillIs() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Mono.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ReactiveMilvusTemplate.class);
			assertThat(context).hasSingleBean(MilvusTemplate.class);
		});
	}

	@Test
	void whenTheApplicationDefinesAReactiveTemplateThenTheAutoConfiguredOneBacksOff() {
		this.contextRunner.withUserConfiguration(OwnReactiveTemplateConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ReactiveMilvusTemplate.class);
			assertThat(context).getBean("ownReactiveTemplate")
				.isSameAs(context.getBean(ReactiveMilvusTemplate.class));
		});
	}

	@Test
	void whenThereAreTwoClientsAndNoPrimaryThenNoReactiveTemplateIsCreated() {
		this.contextRunner.withUserConfiguration(MilvusTemplateAutoConfigurationTests.TwoClientsConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean(ReactiveMilvusTemplate.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnReactiveTemplateConfiguration {

		@Bean
		ReactiveMilvusTemplate ownReactiveTemplate(MilvusClient client) {
			return new ReactiveMilvusTemplate(client);
		}

	}

}
