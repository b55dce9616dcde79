package dev.milvusboot.repository;

import java.util.List;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.core.mapping.MilvusCollection;
import dev.milvusboot.core.mapping.MilvusId;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.repository.config.broken.Passage;
import dev.milvusboot.repository.support.MilvusRepositoryFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.SearchResults;
import org.springframework.data.domain.Vector;
import org.springframework.data.repository.query.Param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A repository method Milvus cannot run fails when the repository is created, naming the method and the reason,
 * before anything is sent (in an application, the context does not start: {@code EnableMilvusRepositoriesTests}).
 */
@MilvusLiteTest
class RepositoryCreationFailuresTests {

	interface RegexRepository extends MilvusRepository<Article, Long> {

		List<Article> findByTitleRegex(String pattern);

	}

	interface UnknownPropertyRepository extends MilvusRepository<Article, Long> {

		List<Article> findByAuthor(String author);

	}

	interface IgnoreCaseRepository extends MilvusRepository<Article, Long> {

		List<Article> findByTitleIgnoreCase(String title);

	}

	interface NearOnScalarRepository extends MilvusRepository<Article, Long> {

		SearchResults<Article> searchByTitleNear(Vector vector, Limit limit);

	}

	interface NearWithoutLimitRepository extends MilvusRepository<Article, Long> {

		SearchResults<Article> searchByEmbeddingNear(Vector vector);

	}

	interface WithinWithoutRangeRepository extends MilvusRepository<Article, Long> {

		SearchResults<Article> searchByEmbeddingWithin(Vector vector, Limit limit);

	}

	interface VectorOrScalarRepository extends MilvusRepository<Article, Long> {

		SearchResults<Article> searchByEmbeddingNearOrTopic(Vector vector, String topic, Limit limit);

	}

	interface VectorComparedRepository extends MilvusRepository<Article, Long> {

		List<Article> findByEmbedding(float[] embedding);

	}

	interface SearchWithoutVectorRepository extends MilvusRepository<Article, Long> {

		SearchResults<Article> searchByTopic(String topic);

	}

	interface UnnamedQueryParameterRepository extends MilvusRepository<Article, Long> {

		@Query("year > {min}")
		List<Article> recent(@Param("max") int max);

	}

	interface PositionPastParametersRepository extends MilvusRepository<Article, Long> {

		@Query("year > ?1")
		List<Article> recent(int min);

	}

	@MilvusCollection("repository_failures_plain")
	record Plain(@MilvusId long id, String name) {

	}

	interface PlainRepository extends MilvusRepository<Plain, Long> {

		SearchResults<Plain> searchByNameNear(Vector vector, Limit limit);

	}

	interface PassageRepository extends MilvusRepository<Passage, Long> {

		SearchResults<Passage> searchByBodyNear(Vector vector, Limit limit);

	}

	interface PassageByNameRepository extends MilvusRepository<Passage, Long> {

		List<Passage> findByBody(String body, float[] vector);

	}

	private final MilvusClient client;

	private final MilvusRepositoryFactory factory;

	RepositoryCreationFailuresTests(MilvusLite lite) {
		this.client = MilvusClient.create(lite.uri());
		this.factory = new MilvusRepositoryFactory(new MilvusTemplate(this.client));
	}

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void aKeywordMilvusCannotExpressNamesTheMethodAndTheReason() {
		assertFails(RegexRepository.class, "findByTitleRegex", "no regular expressions");
		assertFails(IgnoreCaseRepository.class, "findByTitleIgnoreCase", "compare strings exactly");
	}

	@Test
	void aPropertyThatDoesNotExistNamesTheMethodAndTheProperty() {
		assertFails(UnknownPropertyRepository.class, "findByAuthor", "author");
	}

	@Test
	void aVectorCriterionOnAScalarOrWithoutItsParametersIsRefused() {
		assertFails(NearOnScalarRepository.class, "searchByTitleNear",
				"needs a dense vector field for its Vector parameter, but 'title' is a VARCHAR;"
						+ " its dense vector properties: [embedding]");
		assertFails(NearWithoutLimitRepository.class, "searchByEmbeddingNear", "needs how many hits");
		assertFails(WithinWithoutRangeRepository.class, "searchByEmbeddingWithin", "Range<Similarity>");
		assertFails(VectorOrScalarRepository.class, "searchByEmbeddingNearOrTopic", "cannot be combined with Or");
		assertFails(VectorComparedRepository.class, "findByEmbedding", "can only be searched");
		assertFails(SearchWithoutVectorRepository.class, "searchByTopic", "needs a vector criterion");
	}


	@Test
	void aVectorParameterOnAnEntityWithoutAVectorFieldIsRefused() {
		assertFails(PassageRepository.class, "searchByBodyNear",
				"'body NEAR' needs a dense vector field for its Vector parameter, but 'body' is a VARCHAR;"
						+ " Passage has no dense vector field");
		assertFails(PassageByNameRepository.class, "findByBody",
				"Parameter 1 is a float[], but the name has no vector criterion");
		assertThatThrownBy(() -> this.factory.getRepository(PlainRepository.class))
			.satisfies((ex) -> assertThat(messages(ex)).contains(Plain.class.getName() + " needs a vector"));
	}

	@Test
	void anAnnotatedQueryWhoseParametersDoNotMatchTheMethodIsRefused() {
		assertFails(UnnamedQueryParameterRepository.class, "recent", "{min} names no parameter");
		assertFails(PositionPastParametersRepository.class, "recent", "?1 is past");
	}

	private void assertFails(Class<?> repository, String method, String reason) {
		assertThatThrownBy(() -> this.factory.getRepository(repository))
			.satisfies((ex) -> assertThat(messages(ex)).contains(method).contains(reason));
	}

	/** The messages of an exception and its causes. */
	static String messages(Throwable ex) {
		StringBuilder text = new StringBuilder();
		for (Throwable current = ex; current != null; current = current.getCause()) {
			text.append(current.getMessage()).append(" | ");
		}
		return text.toString();
	}

}
