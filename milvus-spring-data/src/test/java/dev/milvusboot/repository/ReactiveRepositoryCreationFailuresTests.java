package dev.milvusboot.repository;

import java.util.List;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.core.ReactiveMilvusTemplate;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.repository.support.ReactiveMilvusRepositoryFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.SearchResults;
import org.springframework.data.domain.Vector;
import org.springframework.data.domain.Window;

import static dev.milvusboot.repository.RepositoryCreationFailuresTests.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A reactive repository method Milvus cannot run fails when the repository is created, as a blocking one does,
 * naming the method and the reason, before anything is sent.
 */
@MilvusLiteTest
class ReactiveRepositoryCreationFailuresTests {

	interface RegexRepository extends ReactiveMilvusRepository<Article, Long> {

		Flux<Article> findByTitleRegex(String pattern);

	}

	interface UnknownPropertyRepository extends ReactiveMilvusRepository<Article, Long> {

		Flux<Article> findByAuthor(String author);

	}

	interface NearWithoutLimitRepository extends ReactiveMilvusRepository<Article, Long> {

		Mono<SearchResults<Article>> searchByEmbeddingNear(Vector vector);

	}

	interface SearchIntoOneEntityRepository extends ReactiveMilvusRepository<Article, Long> {

		Mono<Article> findByEmbeddingNear(Vector vector, Limit limit);

	}

	interface BlockingResultRepository extends ReactiveMilvusRepository<Article, Long> {

		List<Article> findByTopic(String topic);

	}

	interface WindowRepository extends ReactiveMilvusRepository<Article, Long> {

		Mono<Window<Article>> findFirst3ByTopic(String topic, ScrollPosition position);

	}

	interface PlainRepository extends ReactiveMilvusRepository<RepositoryCreationFailuresTests.Plain, Long> {

		Mono<SearchResults<RepositoryCreationFailuresTests.Plain>> searchByNameNear(Vector vector, Limit limit);

	}

	private final MilvusClient client;

	private final ReactiveMilvusRepositoryFactory factory;

	ReactiveRepositoryCreationFailuresTests(MilvusLite lite) {
		this.client = MilvusClient.create(lite.uri());
		this.factory = new ReactiveMilvusRepositoryFactory(new ReactiveMilvusTemplate(this.client));
	}

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void aKeywordMilvusCannotExpressOrAPropertyThatDoesNotExistNamesTheMethodAndTheReason() {
		assertFails(RegexRepository.class, "findByTitleRegex", "no regular expressions");
		assertFails(UnknownPropertyRepository.class, "findByAuthor", "author");
	}

	@Test
	void aVectorSearchWithoutItsLimitOrIntoASingleEntityIsRefused() {
		assertFails(NearWithoutLimitRepository.class, "searchByEmbeddingNear", "needs how many hits");
		assertFails(SearchIntoOneEntityRepository.class, "findByEmbeddingNear", "Mono<SearchResults<Article>>");
	}

	@Test
	void aVectorParameterOnAnEntityWithoutAVectorFieldIsRefused() {
		assertThatThrownBy(() -> this.factory.getRepository(PlainRepository.class))
			.satisfies((ex) -> assertThat(messages(ex)).containsIgnoringCase("vector")
				.contains(PlainRepository.class.getSimpleName()));
	}

	@Test
	void aResultThatIsNotAMonoOrAFluxOrAWindowIsRefused() {
		assertFails(BlockingResultRepository.class, "findByTopic", "returns a Mono or a Flux");
		assertFails(WindowRepository.class, "findFirst3ByTopic", "streams by key");
	}

	private void assertFails(Class<?> repository, String method, String reason) {
		assertThatThrownBy(() -> this.factory.getRepository(repository))
			.satisfies((ex) -> assertThat(messages(ex)).contains(method).contains(reason));
	}

}
