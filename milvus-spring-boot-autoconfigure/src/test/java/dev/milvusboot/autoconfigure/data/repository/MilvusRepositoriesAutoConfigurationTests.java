package dev.milvusboot.autoconfigure.data.repository;

import dev.milvusboot.autoconfigure.MilvusAutoConfiguration;
import dev.milvusboot.autoconfigure.data.MilvusTemplateAutoConfiguration;
import dev.milvusboot.autoconfigure.data.repository.broken.BrokenApplication;
import dev.milvusboot.autoconfigure.data.repository.sample.PaperRepository;
import dev.milvusboot.autoconfigure.data.repository.sample.SampleApplication;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.repository.MilvusRepository;
import dev.milvusboot.repository.config.EnableMilvusRepositories;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MilvusRepositoriesAutoConfiguration}. No call reaches a server: the client connects lazily and
 * repositories are checked without one.
 */
class MilvusRepositoriesAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MilvusAutoConfiguration.class, MilvusTemplateAutoConfiguration.class,
				MilvusRepositoriesAutoConfiguration.class));

	@Test
	void whenSpringDataIsPresentThenTheRepositoriesOfTheApplicationPackageAreCreatedOnTheTemplate() {
		this.contextRunner.withUserConfiguration(SampleApplication.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(PaperRepository.class);
			assertThat(context).hasSingleBean(MilvusTemplate.class);
		});
	}

	@Test
	void whenTheApplicationHasNoAutoConfigurationPackageThenNoRepositoriesAreCreatedAndNothingFails() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(PaperRepository.class);
			assertThat(context).hasSingleBean(MilvusTemplate.class);
		});
	}

	@Test
	void whenRepositoriesAreSwitchedOffThenNoneAreCreatedAndTheTemplateStillIs() {
		this.contextRunner.withUserConfiguration(SampleApplication.class)
			.withPropertyValues("milvus.data.repositories.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(PaperRepository.class);
				assertThat(context).hasSingleBean(MilvusTemplate.class);
			});
	}

	@Test
	void whenSpringDataIsNotOnTheClasspathThenNoRepositoriesAreCreatedAndTheTemplateStillIs() {
		this.contextRunner.withUserConfiguration(SampleApplication.class)
			.withClassLoader(new FilteredClassLoader(MilvusRepository.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(PaperRepository.class);
				assertThat(context).hasSingleBean(MilvusTemplate.class);
			});
	}

	@Test
	void whenTheApplicationEnablesRepositoriesItselfThenTheAutoConfigurationBacksOff() {
		this.contextRunner.withUserConfiguration(SampleApplication.class, OwnRepositoriesConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(PaperRepository.class);
			});
	}

	@Test
	void whenTheTemplateBeanHasAnotherNameThenRepositoriesUseIt() {
		this.contextRunner.withUserConfiguration(SampleApplication.class, OwnTemplateConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(PaperRepository.class);
				assertThat(context).getBean("ownTemplate").isSameAs(context.getBean(MilvusTemplate.class));
			});
	}

	@Test
	void whenARepositoryMethodCannotRunInMilvusThenTheApplicationFailsToStartNamingIt() {
		this.contextRunner.withUserConfiguration(BrokenApplication.class).run((context) -> {
			assertThat(context).hasFailed();
			StringBuilder messages = new StringBuilder();
			for (Throwable ex = context.getStartupFailure(); ex != null; ex = ex.getCause()) {
				messages.append(ex.getMessage()).append(" | ");
			}
			assertThat(messages).contains("BrokenPaperRepository.findByTitleIgnoreCase")
				.contains("compare strings exactly");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableMilvusRepositories(basePackageClasses = PaperRepository.class)
	static class OwnRepositoriesConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnTemplateConfiguration {

		@Bean
		MilvusTemplate ownTemplate(MilvusClient client) {
			return new MilvusTemplate(client);
		}

	}

}
