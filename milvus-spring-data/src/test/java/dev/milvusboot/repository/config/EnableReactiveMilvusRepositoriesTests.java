package dev.milvusboot.repository.config;

import java.time.Duration;
import java.util.List;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.core.ReactiveMilvusTemplate;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.repository.config.sample.Memo;
import dev.milvusboot.repository.config.sample.MemoRepository;
import dev.milvusboot.repository.config.sample.ReactiveMemoRepository;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @EnableReactiveMilvusRepositories} in an application context against a real Milvus Lite: reactive
 * repositories are found by scanning and work on the reactive template bean, and a package holding blocking and
 * reactive repositories gives each annotation its own kind.
 */
@MilvusLiteTest
class EnableReactiveMilvusRepositoriesTests {

	private static final Duration TIMEOUT = Duration.ofMinutes(1);

	private static String uri;

	EnableReactiveMilvusRepositoriesTests(MilvusLite lite) {
		uri = lite.uri();
	}

	@Configuration(proxyBeanMethods = false)
	static class Templates {

		@Bean(destroyMethod = "close")
		MilvusClient milvusClient() {
			return MilvusClient.create(uri);
		}

		@Bean
		ReactiveMilvusTemplate reactiveTemplate(MilvusClient client) {
			return new ReactiveMilvusTemplate(client);
		}

		@Bean
		MilvusTemplate milvusTemplate(MilvusClient client) {
			return new MilvusTemplate(client);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableReactiveMilvusRepositories(basePackageClasses = ReactiveMemoRepository.class)
	static class ReactiveOnly extends Templates {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableMilvusRepositories(basePackageClasses = MemoRepository.class)
	@EnableReactiveMilvusRepositories(basePackageClasses = ReactiveMemoRepository.class)
	static class Both extends Templates {

	}

	@Test
	void scannedReactiveRepositoriesWorkOnTheReactiveTemplateBean() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(ReactiveOnly.class)) {
			assertThat(context.getBeansOfType(MemoRepository.class)).isEmpty();
			ReactiveMilvusTemplate template = context.getBean(ReactiveMilvusTemplate.class);
			template.hasCollection(Memo.class)
				.flatMap((exists) -> exists ? template.dropCollection(Memo.class) : Mono.empty())
				.then(template.createCollection(Memo.class))
				.block(TIMEOUT);
			ReactiveMemoRepository memos = context.getBean(ReactiveMemoRepository.class);
			StepVerifier.create(memos.saveAll(List.of(new Memo(1, "a", new float[] { 1, 0 }),
					new Memo(2, "b", new float[] { 0, 1 }))).thenMany(memos.findByText("b")).map(Memo::id))
				.expectNext(2L)
				.expectComplete()
				.verify(TIMEOUT);
			template.dropCollection(Memo.class).block(TIMEOUT);
		}
	}

	@Test
	void blockingAndReactiveRepositoriesOfOnePackageGoToTheirOwnAnnotation() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Both.class)) {
			assertThat(context.getBeansOfType(MemoRepository.class)).hasSize(1);
			assertThat(context.getBeansOfType(ReactiveMemoRepository.class)).hasSize(1);
		}
	}

}
