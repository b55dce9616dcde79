package dev.milvusboot.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import dev.milvusboot.autoconfigure.MilvusAutoConfiguration;
import dev.milvusboot.autoconfigure.data.MilvusTemplateAutoConfiguration;
import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.exception.MilvusNotFoundException;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.core.mapping.MilvusCollection;
import dev.milvusboot.core.mapping.MilvusField;
import dev.milvusboot.core.mapping.MilvusId;
import dev.milvusboot.core.mapping.MilvusVector;
import dev.milvusboot.local.junit.TestNames;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link MilvusTemplate} from an application context built from properties alone: typed records in and out, and
 * failures as Spring {@code DataAccessException}s. One suite run against each real server (a server matrix);
 * subclasses name the server, and features a server lacks are skipped, saying why.
 */
abstract class MilvusTemplateContract {

	private final String uri;

	MilvusTemplateContract(String uri) {
		this.uri = uri;
	}

	@MilvusCollection("template_articles")
	record Article(@MilvusId long id, @MilvusField(maxLength = 100) String title, int year,
			@MilvusVector(dimension = 4, metric = MetricType.L2, indexType = IndexType.FLAT) float[] embedding) {
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MilvusAutoConfiguration.class,
					MilvusTemplateAutoConfiguration.class))
			.withPropertyValues("milvus.uri=" + this.uri);
	}

	@Test
	void whenTypedRecordsAreInsertedThenSearchAndFindReturnThemWithScores() {
		runner().run((context) -> {
			MilvusTemplate template = context.getBean(MilvusTemplate.class);
			if (template.hasCollection(Article.class)) {
				template.dropCollection(Article.class);
			}
			template.createCollection(Article.class);
			List<Article> articles = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				articles.add(new Article(i, "Article " + i, 2000 + i, new float[] { i, i * 2, 1, 0 }));
			}
			assertThat(template.insert(articles).insertCount()).isEqualTo(10);
			assertThat(template.count(Article.class)).isEqualTo(10);

			List<ScoredEntity<Article>> hits = template.search(Article.class, new float[] { 3, 6, 1, 0 }, 3);
			assertThat(hits).hasSize(3);
			Article best = hits.get(0).entity();
			assertThat(best.id()).isEqualTo(3);
			assertThat(best.title()).isEqualTo("Article 3");
			assertThat(best.year()).isEqualTo(2003);
			assertThat(best.embedding()).containsExactly(3, 6, 1, 0);
			assertThat(hits.get(0).score()).isLessThan(hits.get(1).score());

			List<ScoredEntity<Article>> recent = template.search(Article.class, new float[] { 0, 0, 1, 0 }, 3,
					"year >= 2008");
			assertThat(recent).extracting((hit) -> hit.entity().id()).containsExactlyInAnyOrder(8L, 9L);

			assertThat(template.findByIds(Article.class, List.of(7L, 2L))).extracting(Article::title)
				.containsExactly("Article 7", "Article 2");
			assertThat(template.find(Article.class, "year < 2002", 10)).extracting(Article::id)
				.containsExactlyInAnyOrder(0L, 1L);

			Filter byTitle = Filter.of("title == {title} or year > {year}",
					Map.of("title", "Article 4\" or year > 0 or title == \"", "year", 2008));
			assertThat(template.find(Article.class, byTitle, 10)).extracting(Article::id).containsExactly(9L);
			assertThat(template.find(Article.class, Filter.of("title in {titles}", Map.of("titles",
					List.of("Article 4", "Article 5"))), 10)).extracting(Article::id).containsExactlyInAnyOrder(4L, 5L);
			assertThat(template.search(Article.class, new float[] { 0, 0, 1, 0 }, 3,
					Filter.of("year >= {from}", Map.of("from", 2008)))).extracting((hit) -> hit.entity().id())
				.containsExactlyInAnyOrder(8L, 9L);
			assertThat(template.count("template_articles", Filter.of("year < {before}", Map.of("before", 2003))))
				.isEqualTo(3);

			template.delete(Article.class, List.of(0L, 1L));
			assertThat(template.count(Article.class)).isEqualTo(8);
			template.dropCollection(Article.class);
			assertThat(template.hasCollection(Article.class)).isFalse();
		});
	}

	@Test
	void whenRowsAreWrittenThenTheClassicOperationsWorkThroughTheTemplate(TestNames names) {
		runner().run((context) -> {
			MilvusTemplate template = context.getBean(MilvusTemplate.class);
			String collection = names.collection("classic");
			template.createCollection(collection, 4, MetricType.L2);
			var written = template.insert(collection, List.of(Map.of("vector", new float[] { 1, 0, 0, 0 }, "tag", "a"),
					Map.of("vector", new float[] { 0, 1, 0, 0 }, "tag", "b"),
					Map.of("vector", new float[] { 0, 0, 1, 0 }, "tag", "c")));
			template.flush(collection);
			assertThat(template.get(collection, written.ids(), "tag")).extracting((row) -> row.get("tag"))
				.containsExactly("a", "b", "c");
			var nearest = template.search(
					Search.in(collection).vector(new float[] { 0, 0, 1, 0 }).topK(1).outputFields("tag").build());
			assertThat(nearest.first()).extracting((hit) -> hit.get("tag")).containsExactly("c");
			assertThat(template.delete(collection, List.of(written.ids().get(0))).deleteCount()).isEqualTo(1);
			assertThat(template.count(collection)).isEqualTo(2);
			template.dropCollection(collection);
			assertThat(template.hasCollection(collection)).isFalse();
		});
	}

	@Test
	void whenACollectionIsCompactedThenTheTemplateReturnsTheCompactionId(TestNames names) {
		withCollection(names.collection("compacted"), (template, collection) -> {
			template.insert(collection, List.of(Map.of("vector", new float[] { 1, 0, 0, 0 })));
			template.flush(collection);
			assertThat(ServerFeatures.assumeSupported(template, "compaction", () -> template.compact(collection)))
				.isNotNull();
		});
	}

	@Test
	void whenRowsAreWrittenToAPartitionThenSearchesInItFindOnlyThem(TestNames names) {
		withCollection(names.collection("partitioned"), (template, collection) -> {
			ServerFeatures.assumePartitions(template, collection);
			template.createPartition(collection, "p2024");
			assertThat(template.listPartitions(collection)).contains("p2024");
			template.insert(collection, List.of(Map.of("vector", new float[] { 1, 0, 0, 0 }, "tag", "a"),
					Map.of("vector", new float[] { 0, 1, 0, 0 }, "tag", "b")));
			template.insert(collection, "p2024", List.of(Map.of("vector", new float[] { 0, 0, 1, 0 }, "tag", "c")));
			template.flush(collection);
			var inPartition = template.search(Search.in(collection)
				.vector(new float[] { 1, 0, 0, 0 })
				.topK(5)
				.partitions("p2024")
				.outputFields("tag")
				.build());
			assertThat(inPartition.first()).extracting((hit) -> hit.get("tag")).containsExactly("c");
		});
	}

	/** Runs a test on a new 4-dimensional collection, dropped afterwards whatever happens. */
	private void withCollection(String collection, BiConsumer<MilvusTemplate, String> test) {
		runner().run((context) -> {
			MilvusTemplate template = context.getBean(MilvusTemplate.class);
			template.createCollection(collection, 4, MetricType.L2);
			try {
				test.accept(template, collection);
			}
			finally {
				template.dropCollection(collection);
			}
		});
	}

	@Test
	void whenMilvusFailsThenTheTemplateThrowsSpringExceptionsWithTheMilvusCause() {
		runner().run((context) -> {
			MilvusTemplate template = context.getBean(MilvusTemplate.class);
			assertThatExceptionOfType(InvalidDataAccessResourceUsageException.class)
				.isThrownBy(() -> template.count("no_such_collection_here"))
				.withCauseInstanceOf(MilvusNotFoundException.class)
				.withMessageContaining("no_such_collection_here");
			assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
				.isThrownBy(() -> template.insert("bad-name", List.of(Map.of("vector", new float[] { 1 }))))
				.withMessageContaining("bad-name");
		});
	}

}
