package dev.milvusboot.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.data.MutationResult;
import dev.milvusboot.client.exception.MilvusNotFoundException;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.core.mapping.MilvusCollection;
import dev.milvusboot.core.mapping.MilvusField;
import dev.milvusboot.core.mapping.MilvusId;
import dev.milvusboot.core.mapping.MilvusVector;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ReactiveMilvusTemplate} against a real Milvus Lite: typed records in and out, failures as translated
 * error signals, and nothing sent before a subscription.
 */
@MilvusLiteTest
class ReactiveMilvusTemplateOnMilvusLiteTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@MilvusCollection("reactive_template_articles")
	record Article(@MilvusId long id, @MilvusField(maxLength = 100) String title, int year,
			@MilvusVector(dimension = 4, metric = MetricType.L2, indexType = IndexType.FLAT) float[] embedding) {
	}

	@MilvusCollection("reactive_template_notes")
	record Note(@MilvusId long id, @MilvusVector(dimension = 4) float[] embedding) {
	}

	private final MilvusClient client;

	private final ReactiveMilvusTemplate template;

	ReactiveMilvusTemplateOnMilvusLiteTests(MilvusLite lite) {
		this.client = MilvusClient.create(lite.uri());
		this.template = new ReactiveMilvusTemplate(this.client);
	}

	@BeforeEach
	void createArticles() {
		StepVerifier.create(this.template.hasCollection(Article.class)
			.flatMap((exists) -> exists ? this.template.dropCollection(Article.class) : Mono.empty())
			.then(this.template.createCollection(Article.class))).expectComplete().verify(TIMEOUT);
	}

	@AfterEach
	void dropArticles() {
		try (MilvusClient client = this.client) {
			StepVerifier.create(this.template.dropCollection(Article.class)).expectComplete().verify(TIMEOUT);
		}
	}

	@Test
	void whenTypedRecordsAreInsertedThenCountSearchFindAndDeleteSeeThem() {
		List<Article> articles = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			articles.add(new Article(i, "Article " + i, 2000 + i, new float[] { i, i * 2, 1, 0 }));
		}
		StepVerifier.create(this.template.insert(articles).map(MutationResult::insertCount))
			.expectNext(10L)
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.template.count(Article.class)).expectNext(10L).expectComplete().verify(TIMEOUT);

		List<ScoredEntity<Article>> hits = this.template.search(Article.class, new float[] { 3, 6, 1, 0 }, 3)
			.collectList()
			.block(TIMEOUT);
		assertThat(hits).hasSize(3);
		assertThat(hits.get(0).entity().id()).isEqualTo(3);
		assertThat(hits.get(0).entity().title()).isEqualTo("Article 3");
		assertThat(hits.get(0).entity().embedding()).containsExactly(3, 6, 1, 0);
		assertThat(hits.get(0).score()).isLessThan(hits.get(1).score());
		StepVerifier.create(this.template.search(Article.class, new float[] { 0, 0, 1, 0 }, 3, "year >= 2008")
			.map((hit) -> hit.entity().id())
			.sort()).expectNext(8L, 9L).expectComplete().verify(TIMEOUT);

		StepVerifier.create(this.template.findByIds(Article.class, List.of(7L, 2L)).map(Article::title))
			.expectNext("Article 7", "Article 2")
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.template.find(Article.class, "year < 2002", 10).map(Article::id).sort())
			.expectNext(0L, 1L)
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.template.queryIterator(Article.class, "year >= 2005", 2).map(Article::id).sort())
			.expectNext(5L, 6L, 7L, 8L, 9L)
			.expectComplete()
			.verify(TIMEOUT);

		StepVerifier.create(this.template.delete(Article.class, List.of(0L, 1L)).then(this.template.count(Article.class)))
			.expectNext(8L)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void whenMilvusFailsThenTheErrorSignalIsATranslatedDataAccessExceptionWithTheMilvusCause() {
		StepVerifier.create(this.template.count("no_such_collection_here"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InvalidDataAccessResourceUsageException.class)
				.hasCauseInstanceOf(MilvusNotFoundException.class)
				.hasMessageContaining("no_such_collection_here"))
			.verify(TIMEOUT);
		StepVerifier.create(this.template.insert("bad-name", List.of(Map.of("vector", new float[] { 1 }))))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InvalidDataAccessApiUsageException.class)
				.hasMessageContaining("bad-name"))
			.verify(TIMEOUT);
	}

	@Test
	void whenEntitiesAreNoneOrOfSeveralTypesThenTheErrorArrivesAsASignalNotAsAThrow() {
		Mono<MutationResult> none = this.template.insert(List.of());
		StepVerifier.create(none)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InvalidDataAccessApiUsageException.class)
				.hasMessage("No entities to write"))
			.verify(TIMEOUT);
		Mono<MutationResult> mixed = this.template.insert(List.<Object>of(
				new Article(1, "One", 2001, new float[] { 1, 0, 0, 0 }), new Note(2, new float[] { 0, 1, 0, 0 })));
		StepVerifier.create(mixed)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(InvalidDataAccessApiUsageException.class)
				.hasMessageContaining(Article.class.getName())
				.hasMessageContaining(Note.class.getName()))
			.verify(TIMEOUT);
		StepVerifier.create(this.template.count(Article.class)).expectNext(0L).expectComplete().verify(TIMEOUT);
	}

	@Test
	void whenAnOperationIsNotSubscribedThenNothingIsSentToTheServer() {
		Article article = new Article(42, "Unsent", 2024, new float[] { 1, 1, 1, 1 });
		Mono<MutationResult> insert = this.template.insert(List.of(article));
		Mono<Void> drop = this.template.dropCollection(Article.class);

		StepVerifier.create(this.template.hasCollection(Article.class)).expectNext(true).expectComplete().verify(TIMEOUT);
		StepVerifier.create(this.template.count(Article.class)).expectNext(0L).expectComplete().verify(TIMEOUT);

		StepVerifier.create(insert.map(MutationResult::insertCount)).expectNext(1L).expectComplete().verify(TIMEOUT);
		StepVerifier.create(this.template.count(Article.class)).expectNext(1L).expectComplete().verify(TIMEOUT);
		StepVerifier.create(drop.then(this.template.hasCollection(Article.class)))
			.expectNext(false)
			.expectComplete()
			.verify(TIMEOUT);
	}

}
