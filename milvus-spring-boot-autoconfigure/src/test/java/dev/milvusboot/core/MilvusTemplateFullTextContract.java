package dev.milvusboot.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.data.SparseVector;
import dev.milvusboot.client.data.SubSearch;
import dev.milvusboot.client.data.rank.Ranker;
import dev.milvusboot.client.schema.CollectionDescription;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.core.mapping.MappingException;
import dev.milvusboot.core.mapping.MilvusCollection;
import dev.milvusboot.core.mapping.MilvusField;
import dev.milvusboot.core.mapping.MilvusFullText;
import dev.milvusboot.core.mapping.MilvusId;
import dev.milvusboot.core.mapping.MilvusSparseVector;
import dev.milvusboot.core.mapping.MilvusVector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.dao.InvalidDataAccessApiUsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Typed entities with two dense vectors, a sparse vector, a full-text field (analyzer, BM25 output), an array and JSON through
 * {@link MilvusTemplate}: the collection the annotations describe, the round trip, text search, hybrid search
 * with RRF checked against the ranks of the plain searches, and filters with hostile parameter values. Expected
 * results come from other calls to the same server, never written down. One suite run against each real server;
 * subclasses connect to theirs.
 */
abstract class MilvusTemplateFullTextContract {

	/** A JSON field as a record. */
	record Source(String publisher, int year, List<String> authors) {
	}

	@MilvusCollection("template_papers")
	record Paper(@MilvusId long id, @MilvusField(maxLength = 200) String title,
			@MilvusFullText(output = "body_sparse", enableMatch = true) @MilvusField(maxLength = 500) String body,
			@MilvusVector(dimension = 4, metric = MetricType.L2, indexType = IndexType.FLAT) float[] titleVector,
			@MilvusVector(dimension = 3, metric = MetricType.COSINE, indexType = IndexType.FLAT) float[] bodyVector,
			@MilvusField(maxCapacity = 4, maxLength = 16) List<String> tags, Map<String, Object> meta, Source source,
			@MilvusSparseVector SparseVector keywords, SparseVector body_sparse) {
	}

	static final String[] BODIES = { "the quick brown fox jumps over the lazy dog",
			"a zebra grazes near the river bank", "quick quick fox in the deep forest",
			"dogs and cats living together in one small house", "the brown hound sleeps all afternoon long",
			"nothing about animals here at all", "fox" };

	/** Titles a filter must match only exactly: quotes, operators, backslashes, unicode. */
	static final String[] TITLES = { "plain", "a\" or title != \"", "b' or 1 == 1 or title == 'b", "c\\\" or \\\\",
			"ünïcödé ✓ \"quoted\"", "plain 6", "f) or (true" };

	static final int DOCS = BODIES.length;

	static MilvusClient client;

	static MilvusTemplate template;

	static final List<Paper> papers = new ArrayList<>();

	static void connect(String uri) {
		client = MilvusClient.create(uri);
		template = new MilvusTemplate(client);
		if (template.hasCollection(Paper.class)) {
			template.dropCollection(Paper.class);
		}
		template.createCollection(Paper.class);
		Random random = new Random(13);
		papers.clear();
		for (int i = 0; i < DOCS; i++) {
			papers.add(new Paper(i + 1, TITLES[i], BODIES[i], vector(random, 4), vector(random, 3),
					List.of("t" + i, "all"), Map.of("lang", "en", "pages", 10 + i, "draft", i % 2 == 0),
					new Source("press " + i, 2000 + i, List.of("ann", "bo" + i)), keywords(i), null));
		}
		assertThat(template.insert(papers).insertCount()).isEqualTo(DOCS);
	}

	/** A sparse vector of its own dimension {@code 10 + i} and a dimension all share. */
	static SparseVector keywords(int i) {
		return new SparseVector(new int[] { 10 + i, 100 }, new float[] { 0.5f + i, 0.125f });
	}

	private static float[] vector(Random random, int dimension) {
		float[] vector = new float[dimension];
		for (int d = 0; d < dimension; d++) {
			vector[d] = random.nextFloat() + 0.05f;
		}
		return vector;
	}

	@AfterAll
	static void tearDown() {
		template.dropCollection(Paper.class);
		client.close();
	}

	static List<Long> ids(List<ScoredEntity<Paper>> hits) {
		return hits.stream().map((hit) -> hit.entity().id()).toList();
	}

	@Test
	void theCollectionHasEveryAnnotatedFieldTheBm25OutputAndAnIndexPerVector() {
		CollectionDescription description = template.describeCollection("template_papers");
		assertThat(description.schema().field("body").enableAnalyzer()).isTrue();
		assertThat(description.schema().field("body_sparse").dataType()).isEqualTo(DataType.SPARSE_FLOAT_VECTOR);
		assertThat(description.schema().field("body_sparse").isFunctionOutput()).isTrue();
		assertThat(description.schema().field("tags").elementType()).isEqualTo(DataType.VARCHAR);
		assertThat(description.schema().field("tags").maxCapacity()).isEqualTo(4);
		assertThat(description.schema().field("source").dataType()).isEqualTo(DataType.JSON);
		for (String field : List.of("titleVector", "bodyVector", "keywords", "body_sparse")) {
			assertThat(template.describeIndex("template_papers", field).fieldName()).isEqualTo(field);
		}
		assertThat(template.describeIndex("template_papers", "body_sparse").metricType()).isEqualTo("BM25");
	}

	@Test
	void anEntityWithTwoVectorsAnArrayAndJsonComesBackEqualInValue() {
		List<Paper> read = template.findByIds(Paper.class, List.of(4L, 2L));
		assertThat(read).extracting(Paper::id).containsExactly(4L, 2L);
		for (Paper back : read) {
			Paper written = papers.get((int) back.id() - 1);
			assertThat(back.title()).isEqualTo(written.title());
			assertThat(back.body()).isEqualTo(written.body());
			assertThat(back.titleVector()).containsExactly(written.titleVector());
			assertThat(back.bodyVector()).containsExactly(written.bodyVector());
			assertThat(back.tags()).isEqualTo(written.tags());
			assertThat(back.meta()).isEqualTo(written.meta());
			assertThat(back.source()).isEqualTo(written.source());
			assertThat(back.keywords()).isEqualTo(written.keywords());
			assertThat(back.body_sparse()).as("a BM25 output is never read").isNull();
		}
	}

	@Test
	void eachDenseAndSparseVectorFieldIsSearchedByNameAndASearchWithoutANameIsRefusedNamingTheEntity() {
		Paper third = papers.get(2);
		assertThat(template.search(Paper.class, "titleVector", third.titleVector(), 1, Filter.NONE))
			.extracting((hit) -> hit.entity().id()).containsExactly(3L);
		assertThat(template.search(Paper.class, "bodyVector", third.bodyVector(), 1, Filter.NONE))
			.extracting((hit) -> hit.entity().id()).containsExactly(3L);
		List<ScoredEntity<Paper>> sparse = template.search(Paper.class, "keywords",
				new SparseVector(new int[] { 12 }, new float[] { 2 }), 3, Filter.NONE);
		assertThat(sparse).extracting((hit) -> hit.entity().id()).containsExactly(3L);
		assertThat(sparse.get(0).score()).as("inner product").isCloseTo(2 * 2.5f, within(1e-5f));
		assertThatExceptionOfType(MappingException.class)
			.isThrownBy(() -> template.search(Paper.class, third.titleVector(), 3))
			.withMessageContaining(Paper.class.getName())
			.withMessageContaining("[titleVector, bodyVector]");
		assertThat(template.search(Paper.class, "keywords", new SparseVector(new int[] { 100 }, new float[] { 1 }),
				DOCS, Filter.of("id > {min}", Map.of("min", 5L)))).extracting((hit) -> hit.entity().id())
			.containsExactlyInAnyOrder(6L, 7L);
		assertThatExceptionOfType(MappingException.class)
			.isThrownBy(() -> template.search(Paper.class, "body", third.bodyVector(), 3, Filter.NONE))
			.withMessageContaining(Paper.class.getName())
			.withMessageContaining("no vector field 'body'");
	}

	@Test
	void aTextSearchFindsTheDocumentWithTheKeyword() {
		List<ScoredEntity<Paper>> zebra = template.searchText(Paper.class, "zebra", 5);
		assertThat(ids(zebra)).containsExactly(2L);
		assertThat(zebra.get(0).entity().body()).isEqualTo(BODIES[1]);
		List<ScoredEntity<Paper>> fox = template.searchText(Paper.class, "fox", DOCS);
		assertThat(ids(fox)).containsExactlyInAnyOrder(1L, 3L, 7L);
		assertThat(ids(template.searchText(Paper.class, "fox", DOCS, Filter.of("id != {id}", Map.of("id", 3L)))))
			.containsExactlyInAnyOrder(1L, 7L);
		assertThat(ids(template.searchText(Paper.class, "body", "fox", DOCS, Filter.NONE))).isEqualTo(ids(fox));
	}

	@Test
	void textMatchWithAParameterKeepsOnlyTheEntitiesWithTheWord() {
		Filter hound = Filter.of("TEXT_MATCH(body, {word})", Map.of("word", "hound"));
		List<Paper> found;
		try {
			found = template.find(Paper.class, hound, DOCS);
		}
		catch (InvalidDataAccessApiUsageException ex) {
			Assumptions.assumeFalse(ex.getMessage().contains("TEXT_MATCH"),
					() -> "The server has no TEXT_MATCH; it answered: " + ex.getMessage());
			throw ex;
		}
		assertThat(found).extracting(Paper::id).containsExactly(5L);
		assertThat(ids(template.search(Paper.class, "bodyVector", papers.get(0).bodyVector(), DOCS, hound)))
			.containsExactly(5L);
	}

	@Test
	void aHybridSearchWithRrfScoresEachEntityBySumOfOneOverSixtyPlusItsRanks() {
		float[] query = papers.get(4).bodyVector();
		String text = "quick brown fox";
		Map<Long, Double> expected = new HashMap<>();
		List<List<ScoredEntity<Paper>>> plain = List.of(
				template.search(Paper.class, "bodyVector", query, DOCS, Filter.NONE),
				template.searchText(Paper.class, text, DOCS));
		for (List<ScoredEntity<Paper>> hits : plain) {
			for (int rank = 1; rank <= hits.size(); rank++) {
				expected.merge(hits.get(rank - 1).entity().id(), 1.0 / (60 + rank), Double::sum);
			}
		}
		List<ScoredEntity<Paper>> hybrid = template.hybridSearch(Paper.class,
				List.of(SubSearch.field("bodyVector").vector(query).topK(DOCS).build(),
						SubSearch.field("body_sparse").text(text).topK(DOCS).build()),
				Ranker.rrf(), 4);
		assertThat(hybrid).hasSize(4);
		for (ScoredEntity<Paper> hit : hybrid) {
			assertThat((double) hit.score()).as("RRF score of %s", hit.entity().id())
				.isCloseTo(expected.get(hit.entity().id()), within(1e-6));
		}
		List<Double> best = expected.values().stream().sorted((a, b) -> Double.compare(b, a)).limit(4).toList();
		assertThat(hybrid).extracting((hit) -> (double) hit.score())
			.zipSatisfy(best, (actual, wanted) -> assertThat(actual).isCloseTo(wanted, within(1e-6)));
		assertThat(hybrid.get(0).entity().source()).isEqualTo(papers.get((int) hybrid.get(0).entity().id() - 1).source());
	}

	@Test
	void aHybridSearchByVectorAndTextNeedsTheVectorFieldNamedWhenThereAreTwo() {
		assertThatExceptionOfType(MappingException.class)
			.isThrownBy(() -> template.hybridSearch(Paper.class, papers.get(0).bodyVector(), "fox", 3, Ranker.rrf(),
					Filter.NONE))
			.withMessageContaining(Paper.class.getName())
			.withMessageContaining("several @MilvusVector members");
	}

	@Test
	void writingAnEntityWhoseBm25OutputIsSetIsRefusedNamingTheFieldAndNothingIsWritten() {
		Paper withOutput = new Paper(100, "x", "some text", new float[] { 1, 1, 1, 1 }, new float[] { 1, 1, 1 },
				List.of(), Map.of(), null, keywords(0), new SparseVector(new int[] { 1 }, new float[] { 1 }));
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> template.insert(List.of(withOutput)))
			.withMessageContaining("'body_sparse'")
			.withMessageContaining("BM25");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> template.upsert(List.of(withOutput)))
			.withMessageContaining("'body_sparse'");
		assertThat(template.count(Paper.class)).isEqualTo(DOCS);
	}

	@Test
	void aFilterWithAHostileParameterValueMatchesOnlyItsOwnEntity() {
		for (int i = 1; i < DOCS; i++) {
			long id = i + 1;
			Filter own = Filter.of("title == {title}", Map.of("title", TITLES[i]));
			assertThat(template.find(Paper.class, own, DOCS)).as("find %s", TITLES[i]).extracting(Paper::id)
				.containsExactly(id);
			assertThat(ids(template.searchText(Paper.class, BODIES[i], DOCS, own))).as("text search %s", TITLES[i])
				.containsExactly(id);
			List<ScoredEntity<Paper>> hybrid = template.hybridSearch(Paper.class,
					List.of(SubSearch.field("titleVector").vector(papers.get(0).titleVector()).topK(DOCS).filter(own)
						.build(), SubSearch.field("body_sparse").text(BODIES[0]).topK(DOCS).filter(own).build()),
					Ranker.rrf(), DOCS);
			assertThat(ids(hybrid)).as("hybrid search %s", TITLES[i]).containsExactly(id);
		}
	}

}
