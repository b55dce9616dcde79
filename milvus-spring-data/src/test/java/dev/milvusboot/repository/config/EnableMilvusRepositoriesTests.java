package dev.milvusboot.repository.config;

import java.util.List;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.repository.config.broken.BrokenMemoRepository;
import dev.milvusboot.repository.config.broken.PassageRepository;
import dev.milvusboot.repository.config.broken.UnknownPropertyMemoRepository;
import dev.milvusboot.repository.config.sample.Memo;
import dev.milvusboot.repository.config.sample.MemoRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code @EnableMilvusRepositories} in an application context against a real Milvus Lite: repositories are found
 * by scanning and work on the template bean; a method Milvus cannot run (a keyword it cannot express, a property
 * that does not exist, a vector search on an entity without a dense vector) stops the context from starting,
 * naming the method and the reason.
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
	@EnableMilvusRepositories(basePackageClasses = BrokenMemoRepository.class,
			includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = BrokenMemoRepository.class))
	static class Broken extends Template {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableMilvusRepositories(basePackageClasses = BrokenMemoRepository.class,
			includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = UnknownPropertyMemoRepository.class))
	static class UnknownProperty extends Template {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableMilvusRepositories(basePackageClasses = BrokenMemoRepository.class,
			includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = PassageRepository.class))
	static class NoDenseVector extends Template {

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
	void aKeywordMilvusCannotExpressStopsTheContextNamingTheMethodAndTheReason() {
		assertStartFails(Broken.class, "BrokenMemoRepository.findByTextMatchesRegex", "no regular expressions");
	}

	@Test
	void aPropertyThatDoesNotExistStopsTheContextNamingTheMethodAndTheProperty() {
		assertStartFails(UnknownProperty.class, "UnknownPropertyMemoRepository.findByAuthor",
				"No property 'author' found for type 'Memo'");
	}

	@Test
	void aVectorParameterOnAnEntityWithoutAVectorFieldStopsTheContextNamingTheMethod() {
		assertStartFails(NoDenseVector.class, "PassageRepository.searchByBodyNear",
				"Passage has no dense vector field");
	}

	private static void assertStartFails(Class<?> application, String method, String reason) {
		assertThatExceptionOfType(BeanCreationException.class)
			.isThrownBy(() -> new AnnotationConfigApplicationContext(application).close())
			.satisfies((ex) -> assertThat(messages(ex)).contains(method).contains(reason));
	}

	private static String messages(Throwable ex) {
		StringBuilder text = new StringBuilder();
		for (Throwable current = ex; current != null; current = current.getCause()) {
			text.append(current.getMessage()).append(" | ");
		}
		return text.toString();
	}

}
