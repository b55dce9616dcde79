package dev.milvusboot.repository.config;

import java.util.List;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.repository.config.broken.BrokenMemoRepository;
import dev.milvusboot.repository.config.sample.Memo;
import dev.milvusboot.repository.config.sample.MemoRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code @EnableMilvusRepositories} in an application context against a real Milvus Lite: repositories are found
 * by scanning and work on the template bean; a method Milvus cannot run stops the context from starting.
 */
@MilvusLiteTest
class EnableMilvusRepositoriesTests {

	private static String uri;

	EnableMilvusRepositoriesTests(MilvusLite lite) {
		uri = lite.uri();
	}

	@Configuration(proxyBeanMethods = false)
	static class Template {

		@Bean(destroyMethod = "close")
		MilvusClient milvusClient() {
			return MilvusClient.create(uri);
		}

		@Bean
		MilvusTemplate milvusTemplate(MilvusClient client) {
			return new MilvusTemplate(client);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableMilvusRepositories(basePackageClasses = MemoRepository.class)
	static class Sample extends Template {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableMilvusRepositories(basePackageClasses = BrokenMemoRepository.class)
	static class Broken extends Template {

	}

	@Test
	void scannedRepositoriesWorkOnTheTemplateBean() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Sample.class)) {
			MilvusTemplate template = context.getBean(MilvusTemplate.class);
			if (template.hasCollection(Memo.class)) {
				template.dropCollection(Memo.class);
			}
			template.createCollection(Memo.class);
			MemoRepository memos = context.getBean(MemoRepository.class);
			memos.saveAll(List.of(new Memo(1, "a", new float[] { 1, 0 }), new Memo(2, "b", new float[] { 0, 1 })));
			assertThat(memos.findByText("b")).extracting(Memo::id).containsExactly(2L);
			assertThat(memos.count()).isEqualTo(2);
			template.dropCollection(Memo.class);
		}
	}

	@Test
	void aMethodMilvusCannotRunStopsTheContextNamingIt() {
		assertThatExceptionOfType(BeanCreationException.class)
			.isThrownBy(() -> new AnnotationConfigApplicationContext(Broken.class).close())
			.satisfies((ex) -> assertThat(messages(ex)).contains("BrokenMemoRepository.findByTextMatchesRegex")
				.contains("no regular expressions"));
	}

	private static String messages(Throwable ex) {
		StringBuilder text = new StringBuilder();
		for (Throwable current = ex; current != null; current = current.getCause()) {
			text.append(current.getMessage()).append(" | ");
		}
		return text.toString();
	}

}
