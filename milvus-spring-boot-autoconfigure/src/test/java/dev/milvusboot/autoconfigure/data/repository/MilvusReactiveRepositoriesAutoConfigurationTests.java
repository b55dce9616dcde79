package dev.milvusboot.autoconfigure.data.repository;

import dev.milvusboot.autoconfigure.MilvusAutoConfiguration;
import dev.milvusboot.autoconfigure.data.MilvusTemplateAutoConfiguration;
import dev.milvusboot.autoconfigure.data.repository.reactivebroken.BrokenReactiveApplication;
import dev.milvusboot.autoconfigure.data.repository.sample.PaperRepository;
import dev.milvusboot.autoconfigure.data.repository.sample.ReactivePaperRepository;
import dev.milvusboot.autoconfigure.data.repository.sample.SampleApplication;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.core.ReactiveMilvusTemplate;
import dev.milvusboot.repository.config.EnableReactiveMilvusRepositories;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MilvusReactiveRepositoriesAutoConfiguration}, next to {@link MilvusRepositoriesAutoConfiguration}
 * as the starter has them. No call reaches a server: the client connects lazily and repositories are checked
 * without one.
 */
class MilvusReactiveRepositoriesAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MilvusAutoConfiguration.class, MilvusTemplateAutoConfiguration.class,
				MilvusRepositoriesAutoConfiguration.class, MilvusReactiveRepositoriesAutoConfiguration.class));

	@Test
	void whenReactorIsPresentThenTheReactiveRepositoriesOfTheApplicationPackageAreCreatedBesideTheBlockingOnes() {
		this.contextRunner.withUserConfiguration(SampleApplication.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(ReactivePaperRepository.class);
			assertThat(context).hasSingleBean(PaperRepository.class);
			assertThat(context).hasSingleBean(ReactiveMilvusTemplate.class);
		});
	}

	@Test
	void whenReactiveRepositoriesAreSwitchedOffThenNoneAreCreatedAndTheBlockingOnesStillAre() {
		this.contextRunner.withUserConfiguration(SampleApplication.class)
			.withPropertyValues("milvus.data.reactive-repositories.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ReactivePaperRepository.class);
				assertThat(context).hasSingleBean(PaperRepository.class);
				assertThat(context).hasSingleBean(ReactiveMilvusTemplate.class);
			});
	}

	@Test
	void whenRepositoriesAreSwitchedOffThenNeitherKindIsCreated() {
		this.contextRunner.withUserConfiguration(SampleApplication.class)
			.withPropertyValues("milvus.data.repositories.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ReactivePaperRepository.class);
				assertThat(context).doesNotHaveBean(PaperRepository.class);
			});
	}

	@Test
	void whenReactorIsNotOnTheClasspathThenNoReactiveRepositoriesAreCreatedAndNothingFails() {
		this.contextRunner.withUserConfiguration(SampleApplication.class)
			.withClassLoader(new FilteredClassLoader(Flux.class, Mono.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(ReactiveMilvusTemplate.class);
				assertThat(context).doesNotHaveBean(MilvusReactiveRepositoriesAutoConfiguration.class);
				assertThat(context).doesNotHaveBean(ReactivePaperRepository.class);
				assertThat(context).hasSingleBean(PaperRepository.class);
			});
	}

	@Test
	void whenTheApplicationEnablesReactiveRepositoriesItselfThenTheAutoConfigurationBacksOff() {
		this.contextRunner.withUserConfiguration(SampleApplication.class, OwnRepositoriesConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(MilvusReactiveRepositoriesAutoConfiguration.class);
				assertThat(context).hasSingleBean(ReactivePaperRepository.class);
			});
	}

	@Test
	void whenTheReactiveTemplateBeanHasAnotherNameThenRepositoriesUseIt() {
		this.contextRunner.withUserConfiguration(SampleApplication.class, OwnTemplateConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(ReactivePaperRepository.class);
				assertThat(context).getBean("ownReactiveTemplate")
					.isSameAs(context.getBean(ReactiveMilvusTemplate.class));
			});
	}

	@Test
	void whenAReactiveRepositoryMethodCannotRunInMilvusThenTheApplicationFailsToStartNamingIt() {
		this.contextRunner.withUserConfiguration(BrokenReactiveApplication.class).run((context) -> {
			assertThat(context).hasFailed();
			StringBuilder messages = new StringBuilder();
			for (Throwable ex = context.getStartupFailure(); ex != null; ex = ex.getCause()) {
				messages.append(ex.getMessage()).append(" | ");
			}
			assertThat(messages).contains("BrokenReactivePaperRepository.findByTitleIgnoreCase")
				.contains("compare strings exactly");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableReactiveMilvusRepositories(basePackageClasses = ReactivePaperRepository.class)
	static class OwnRepositoriesConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnTemplateConfiguration {

		@Bean
		ReactiveMilvusTemplate ownReactiveTemplate(MilvusClient client) {
			return new ReactiveMilvusTemplate(client);
		}

	}

}
