package dev.milvusboot.client.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.data.AnalyzerRun;
import dev.milvusboot.client.data.Highlighter;
import dev.milvusboot.client.data.Hit;
import dev.milvusboot.client.data.HybridSearch;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.data.SubSearch;
import dev.milvusboot.client.data.rank.BoostRanker;
import dev.milvusboot.client.data.rank.DecayRanker;
import dev.milvusboot.client.data.rank.FunctionRanker;
import dev.milvusboot.client.data.rank.Ranker;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.exception.MilvusUnsupportedException;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.client.schema.SchemaFunction;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Full-text (BM25) and hybrid search, rankers, grouping, highlighting and runAnalyzer on Milvus Lite 3.2, on one
 * collection pymilvus creates the way its documentation does (analyzer, BM25 function, dense vectors, year,
 * category). Expected results are computed from other searches of the same server (plain searches, the formulas
 * of the rankers), never written down. {@link FullTextSearchOnMilvusLite25Test} runs the same against Milvus Lite
 * 2.5, which ignores some of it.
 */
@MilvusLiteTest
class FullTextSearchTest {

	static final String[] TEXTS = { "the quick brown fox jumps over the lazy dog", "a quick hound chases the fox",
			"lazy afternoons with a sleepy dog", "foxes and hounds in the quick forest", "nothing about animals here",
			"the brown hound sleeps", "quick quick quick", "dogs and cats living together" };

	static final String[] CATS = { "a", "b", "a", "c", "b", "c", "a", "b" };

	static final int DOCS = TEXTS.length;

	static MilvusClient client;

	static SearchPeer pymilvus;

	static String collection;

	static final Map<Long, Map<String, Object>> rows = new LinkedHashMap<>();

	static TestNames names;

	/** The Python with pymilvus: Milvus Lite 3's own; the Lite 2.5 test sets another. */
	static Path python;

	@BeforeAll
	static void create(MilvusLite server, TestNames names) throws Exception {
		if (python == null) {
			python = server.pythonExecutable();
		}
		client = MilvusClient.create(server.uri());
		pymilvus = new SearchPeer(python, server.uri());
		FullTextSearchTest.names = names;
		collection = names.collection("fulltext");
		Random random = new Random(13);
		rows.clear();
		for (int i = 0; i < DOCS; i++) {
			List<Double> dense = new ArrayList<>();
			for (int d = 0; d < 4; d++) {
				dense.add((double) (random.nextFloat() + 0.05f));
			}
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", (long) i + 1);
			row.put("text", TEXTS[i]);
			row.put("dense", dense);
			row.put("year", 2017L + i + ((i % 2 == 0) ? 0 : 1));
			row.put("cat", CATS[i]);
			rows.put((long) i + 1, row);
		}
		pymilvus.run(Map.of("op", "create", "collection", collection, "rows", new ArrayList<>(rows.values())));
	}

	@AfterAll
	static void close() {
		client.close();
	}

	/** Whether the server applies boost and decay rankers (Milvus 2.6 function_score). */
	boolean appliesFunctionRankers() {
		return true;
	}

	/** Whether the server honours group_size and reports the group value of hits. */
	boolean appliesGroupSize() {
		return true;
	}

	static float[] dense(long id) {
		@SuppressWarnings("unchecked")
		List<Double> values = (List<Double>) rows.get(id).get("dense");
		float[] vector = new float[values.size()];
		for (int i = 0; i < vector.length; i++) {
			vector[i] = values.get(i).floatValue();
		}
		return vector;
	}

	static Search.Builder text(String text) {
		return Search.in(collection).annsField("sparse").text(text).consistency(ConsistencyLevel.STRONG);
	}

	static Search.Builder nearDoc(long id) {
		return Search.in(collection).annsField("dense").vector(dense(id)).metric(MetricType.COSINE)
			.consistency(ConsistencyLevel.STRONG);
	}

	static List<Object> ids(List<Hit> hits) {
		return hits.stream().map(Hit::id).toList();
	}

	static Map<Object, Float> scores(List<Hit> hits) {
		Map<Object, Float> scores = new HashMap<>();
		hits.forEach((hit) -> scores.put(hit.id(), hit.score()));
		return scores;
	}

	@Test
	void aTextSearchFindsTheDocumentsWithTheTermsAndPymilvusGetsTheSameIdsAndScores() throws Exception {
		List<Hit> hits = client.search(text("quick fox").topK(DOCS).outputFields("text").build()).first();
		long withTerms = rows.values().stream().filter((row) -> containsWord(row, "quick") || containsWord(row, "fox"))
			.count();
		assertThat(hits).hasSize((int) withTerms);
		hits.forEach((hit) -> assertThat((String) hit.get("text")).containsAnyOf("quick", "fox"));
		@SuppressWarnings("unchecked")
		List<List<Map<String, Object>>> theirs = (List<List<Map<String, Object>>>) pymilvus
			.run(Map.of("op", "search_text", "collection", collection, "texts", List.of("quick fox"), "limit", DOCS))
			.get("hits");
		assertThat(ids(hits)).isEqualTo(theirs.get(0).stream().map((hit) -> ((Number) hit.get("id")).longValue()).toList());
		for (int i = 0; i < hits.size(); i++) {
			assertThat(hits.get(i).score())
				.isCloseTo(((Number) theirs.get(0).get(i).get("distance")).floatValue(), within(1e-6f));
		}
	}

	/** Our client's and pymilvus' hits for a text query in a collection: the same ids and scores. */
	@SuppressWarnings("unchecked")
	static List<Hit> assertBothClientsFindTheSame(String name, String query) throws Exception {
		List<Hit> ours = client.search(Search.in(name).annsField("sparse").text(query).topK(20)
			.consistency(ConsistencyLevel.STRONG).build()).first();
		List<Map<String, Object>> theirs = ((List<List<Map<String, Object>>>) pymilvus
			.run(Map.of("op", "search_text", "collection", name, "texts", List.of(query), "limit", 20))
			.get("hits")).get(0);
		assertThat(ids(ours)).isEqualTo(theirs.stream().map((hit) -> ((Number) hit.get("id")).longValue()).toList());
		for (int i = 0; i < ours.size(); i++) {
			assertThat(ours.get(i).score())
				.isCloseTo(((Number) theirs.get(i).get("distance")).floatValue(), within(1e-6f));
		}
		return ours;
	}

	static Map<String, Object> newRow(long id, String text) {
		return Map.of("id", id, "text", text, "dense", new float[] { 0.5f, 0.25f, 0.125f, 1f }, "year", 2020L, "cat",
				"z");
	}

	@Test
	void ourTextRowsInAPymilvusCollectionAreFoundByBothClientsAlike() throws Exception {
		String name = names.collection("py_bm25");
		pymilvus.run(Map.of("op", "create", "collection", name, "rows", new ArrayList<>(rows.values())));
		client.insert(name, List.of(newRow(101, "a fox made by java"), newRow(102, "another quick fox from java")));
		List<Hit> hits = assertBothClientsFindTheSame(name, "java fox");
		assertThat(ids(hits)).contains(101L, 102L);
	}

	@Test
	void pymilvusTextRowsInOurCollectionAreFoundByBothClientsAlike() throws Exception {
		String name = names.collection("java_bm25");
		client.createCollection(CollectionSchema.builder(name)
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.analyzedText("text", 1000, Map.of("tokenizer", "standard", "filter", List.of("lowercase"))))
			.field(FieldSchema.sparseVector("sparse"))
			.field(FieldSchema.floatVector("dense", 4))
			.field(FieldSchema.scalar("year", DataType.INT64))
			.field(FieldSchema.varchar("cat", 16))
			.function(SchemaFunction.bm25("bm25", "text", "sparse"))
			.build());
		client.createIndex(IndexParams.builder(name, "sparse").indexType(IndexType.SPARSE_INVERTED_INDEX)
			.metric(MetricType.BM25).build());
		client.createIndex(IndexParams.builder(name, "dense").indexType(IndexType.FLAT).metric(MetricType.COSINE)
			.build());
		client.loadCollection(name);
		pymilvus.run(Map.of("op", "insert", "collection", name, "rows", new ArrayList<>(rows.values())));
		client.insert(name, List.of(newRow(201, "the quick fox of java")));
		List<Hit> hits = assertBothClientsFindTheSame(name, "quick fox");
		assertThat(ids(hits)).contains(201L);
		assertThat(hits).hasSize((int) rows.values().stream()
			.filter((row) -> containsWord(row, "quick") || containsWord(row, "fox")).count() + 1);
	}

	static boolean containsWord(Map<String, Object> row, String word) {
		return List.of(((String) row.get("text")).split(" ")).contains(word);
	}

	@Test
	void aTextQueryOnAFieldThatIsNotABm25OutputIsRefusedBeforeSending() {
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.search(Search.in(collection).annsField("dense").text("quick fox").build()))
			.withMessageContaining("'dense'")
			.withMessageContaining("BM25");
	}

	@Test
	void textMatchInAFilterKeepsOnlyDocumentsWithTheTerm() {
		Search search = nearDoc(1).topK(DOCS).filter("TEXT_MATCH(text, 'hound')").outputFields("text").build();
		List<Hit> hits;
		try {
			hits = client.search(search).first();
		}
		catch (MilvusException ex) {
			Assumptions.abort("The server has no TEXT_MATCH; it answered: " + ex.getMessage());
			return;
		}
		assertThat(hits).hasSize((int) rows.values().stream().filter((row) -> containsWord(row, "hound")).count());
		hits.forEach((hit) -> assertThat((String) hit.get("text")).contains("hound"));
	}

	@Test
	void phraseMatchInAFilterReachesTheServer() {
		Search search = nearDoc(1).topK(DOCS).filter("PHRASE_MATCH(text, 'quick brown')").outputFields("text").build();
		List<Hit> hits;
		try {
			hits = client.search(search).first();
		}
		catch (MilvusInvalidArgumentException ex) {
			assertThat(ex.getMessage()).as("refused by the server, not by our filter check")
				.doesNotStartWith("Filter of");
			Assumptions.abort("The server has no PHRASE_MATCH; it answered: " + ex.getMessage());
			return;
		}
		catch (MilvusException ex) {
			Assumptions.abort("The server has no PHRASE_MATCH; it answered: " + ex.getMessage());
			return;
		}
		hits.forEach((hit) -> assertThat((String) hit.get("text")).contains("quick brown"));
	}

	@Test
	void groupingByCategoryGivesUpToTheGroupSizeHitsPerCategoryWithTheirGroupValue() {
		List<Hit> hits = client.search(nearDoc(1).topK(3).groupBy("cat").groupSize(2).strictGroupSize(true)
			.outputFields("cat").build()).first();
		Map<Object, Integer> perGroup = new HashMap<>();
		hits.forEach((hit) -> perGroup.merge(hit.get("cat"), 1, Integer::sum));
		if (appliesGroupSize()) {
			assertThat(perGroup.values()).allMatch((count) -> count <= 2).contains(2);
			hits.forEach((hit) -> assertThat(hit.groupValue()).isEqualTo(hit.get("cat")));
		}
		else {
			List<Hit> plain = client.search(nearDoc(1).topK(3).groupBy("cat").outputFields("cat").build()).first();
			assertThat(ids(hits)).as("group_size ignored: the hits of a plain group-by").isEqualTo(ids(plain));
			assertThat(perGroup.values()).allMatch((count) -> count == 1);
		}
	}

	@Test
	void groupingByCategoryGivesOneHitPerCategory() {
		List<Hit> hits = client.search(nearDoc(2).topK(3).groupBy("cat").outputFields("cat").build()).first();
		assertThat(hits.stream().map((hit) -> hit.get("cat")).distinct().count()).isEqualTo(hits.size());
		hits.stream().filter((hit) -> hit.groupValue() != null)
			.forEach((hit) -> assertThat(hit.groupValue()).isEqualTo(hit.get("cat")));
	}

	@Test
	void aBoostRankerMultipliesTheScoresOfMatchingHitsByItsWeight() {
		Map<Object, Float> base = scores(client.search(nearDoc(3).topK(DOCS).build()).first());
		List<Hit> boosted = client.search(nearDoc(3).topK(DOCS).outputFields("year")
			.ranker(BoostRanker.builder().filter("year > 2021").weight(3.0).build()).build()).first();
		assertThat(boosted).hasSize(DOCS);
		for (Hit hit : boosted) {
			double factor = (appliesFunctionRankers() && ((Long) hit.get("year")) > 2021) ? 3.0 : 1.0;
			assertThat((double) hit.score()).isCloseTo(base.get(hit.id()) * factor, within(1e-5));
		}
	}

	@Test
	void decayRankersMultiplyScoresByTheirCurveOfTheYear() {
		Map<Object, Float> base = scores(client.search(nearDoc(4).topK(DOCS).build()).first());
		double origin = 2026;
		double scale = 10;
		double offset = 1;
		double decay = 0.5;
		Map<FunctionRanker, DoubleUnaryOperator> curves = Map.of(
				DecayRanker.gauss("year").origin(2026).scale(10).offset(1).decay(decay).build(),
				(d) -> Math.exp(d * d * Math.log(decay) / (scale * scale)),
				DecayRanker.exp("year").origin(2026).scale(10).offset(1).decay(decay).build(),
				(d) -> Math.exp(Math.log(decay) / scale * d),
				DecayRanker.linear("year").origin(2026).scale(10).offset(1).decay(decay).build(),
				(d) -> Math.max(0, 1 - (1 - decay) / scale * d));
		curves.forEach((ranker, curve) -> {
			List<Hit> hits = client.search(nearDoc(4).topK(DOCS).outputFields("year").ranker(ranker).build()).first();
			assertThat(hits).hasSize(DOCS);
			for (Hit hit : hits) {
				double distance = Math.max(0, Math.abs((Long) hit.get("year") - origin) - offset);
				double factor = appliesFunctionRankers() ? curve.applyAsDouble(distance) : 1.0;
				assertThat((double) hit.score()).as(ranker + " on hit " + hit.id())
					.isCloseTo(base.get(hit.id()) * factor, within(1e-5));
			}
		});
	}

	private static HybridSearch.Builder hybrid(String text, long near, int subTopK) {
		return HybridSearch.in(collection)
			.add(SubSearch.field("dense").vector(dense(near)).metric(MetricType.COSINE).topK(subTopK).build())
			.add(SubSearch.field("sparse").text(text).topK(subTopK).build())
			.consistency(ConsistencyLevel.STRONG);
	}

	@Test
	void aHybridSearchWithRrfScoresEachHitByItsRanksInTheSubSearches() {
		List<Hit> hits = client.hybridSearch(hybrid("quick fox", 5, DOCS).ranker(Ranker.rrf(60)).topK(4).build())
			.first();
		Map<Object, Double> want = new HashMap<>();
		for (Search sub : List.of(nearDoc(5).topK(DOCS).build(), text("quick fox").topK(DOCS).build())) {
			List<Hit> single = client.search(sub).first();
			for (int rank = 1; rank <= single.size(); rank++) {
				want.merge(single.get(rank - 1).id(), 1.0 / (60 + rank), Double::sum);
			}
		}
		assertThat(hits).hasSize(4);
		hits.forEach((hit) -> assertThat((double) hit.score()).isCloseTo(want.get(hit.id()), within(1e-5)));
	}

	/** Whether a weighted hybrid search orders text hits by their BM25 score (Milvus Lite 2.5 reverses them). */
	boolean weightedRankerOrdersTextByScore() {
		return true;
	}

	@Test
	void aWeightedRankerWithAllWeightOnOneSubSearchFollowsThatSubSearch() throws Exception {
		List<Hit> dense = client.search(nearDoc(6).topK(DOCS).build()).first();
		List<Hit> onlyDense = client.hybridSearch(hybrid("quick fox", 6, DOCS).ranker(Ranker.weighted(1, 0))
			.topK(DOCS).build()).first();
		assertThat(ids(onlyDense)).isEqualTo(ids(dense));
		List<Hit> text = client.search(text("quick fox").topK(DOCS).build()).first();
		List<Hit> onlyText = client.hybridSearch(hybrid("quick fox", 6, DOCS).ranker(Ranker.weighted(0, 1))
			.topK(text.size()).build()).first();
		assertThat(ids(onlyText)).containsExactlyInAnyOrderElementsOf(ids(text));
		Map<Object, Float> textScores = scores(text);
		for (int i = 1; i < onlyText.size(); i++) {
			float previous = Math.abs(textScores.get(onlyText.get(i - 1).id()));
			float current = Math.abs(textScores.get(onlyText.get(i).id()));
			if (weightedRankerOrdersTextByScore()) {
				assertThat(current).isLessThanOrEqualTo(previous);
			}
			else {
				assertThat(current).isGreaterThanOrEqualTo(previous);
			}
		}
		assertSameAsPymilvus(onlyText, 0, 1);
		assertSameAsPymilvus(onlyDense, 1, 0);
	}

	/** pymilvus' weighted hybrid search of the same query gets the same hits and scores. */
	private static void assertSameAsPymilvus(List<Hit> ours, double denseWeight, double textWeight) throws Exception {
		List<Double> vector = new ArrayList<>();
		for (float value : dense(6)) {
			vector.add((double) value);
		}
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> theirs = (List<Map<String, Object>>) pymilvus.run(Map.of("op", "hybrid_weighted",
				"collection", collection, "dense", vector, "text", "quick fox", "weights",
				List.of(denseWeight, textWeight), "limit", ours.size())).get("hits");
		assertThat(ids(ours)).isEqualTo(theirs.stream().map((hit) -> ((Number) hit.get("id")).longValue()).toList());
		for (int i = 0; i < ours.size(); i++) {
			assertThat(ours.get(i).score())
				.isCloseTo(((Number) theirs.get(i).get("distance")).floatValue(), within(1e-5f));
		}
	}

	@Test
	void aHybridSearchOffsetSkipsTheBestMergedHits() {
		List<Hit> all = client.hybridSearch(hybrid("lazy dog", 7, DOCS).topK(5).build()).first();
		List<Hit> paged = client.hybridSearch(hybrid("lazy dog", 7, DOCS).topK(3).offset(2).build()).first();
		assertThat(ids(paged)).isEqualTo(ids(all).subList(2, 5));
	}

	@Test
	void aHybridSearchGroupedByCategoryGivesOneHitPerCategory() {
		List<Hit> grouped = client.hybridSearch(hybrid("quick fox", 1, DOCS).topK(3).groupBy("cat")
			.outputFields("cat").build()).first();
		if (appliesGroupSize()) {
			assertThat(grouped.stream().map((hit) -> hit.get("cat")).distinct().count()).isEqualTo(grouped.size());
			grouped.forEach((hit) -> assertThat(hit.groupValue()).isEqualTo(hit.get("cat")));
		}
		else {
			List<Hit> plain = client.hybridSearch(hybrid("quick fox", 1, DOCS).topK(3).build()).first();
			assertThat(ids(grouped)).as("group_by ignored in hybrid search").isEqualTo(ids(plain));
		}
	}

	@Test
	void aHybridSearchRescoredByABoostRankerMultipliesMatchingHits() {
		List<Hit> hits;
		try {
			hits = client.hybridSearch(hybrid("quick fox", 2, DOCS).topK(DOCS).outputFields("year")
				.ranker(BoostRanker.builder().filter("year > 2021").weight(3.0).build()).build()).first();
		}
		catch (MilvusException ex) {
			Assumptions.abort("The server takes no function ranker in a hybrid search; it answered: " + ex.getMessage());
			return;
		}
		assertThat(hits).isNotEmpty();
		List<Hit> rrf = client.hybridSearch(hybrid("quick fox", 2, DOCS).topK(DOCS).build()).first();
		if (!appliesFunctionRankers()) {
			assertThat(ids(hits)).isEqualTo(ids(rrf));
		}
		else {
			// Milvus Lite 3.2 boosts the matching hits of each sub-search before fusing them: same hits, new scores.
			assertThat(ids(hits)).containsExactlyInAnyOrderElementsOf(ids(rrf));
			assertThat(scores(hits)).isNotEqualTo(scores(rrf));
		}
	}

	/** The exception a search by primary keys gets from this server (none supports it, see compatibility.md). */
	Class<? extends MilvusException> searchByPrimaryKeysError() {
		return MilvusInvalidArgumentException.class;
	}

	@Test
	void aSearchByPrimaryKeysIsAnsweredWithTheServersTypedError() {
		assertThatExceptionOfType(searchByPrimaryKeysError())
			.isThrownBy(() -> client.search(Search.in(collection).annsField("dense").ids(3L, 5L).topK(3).build()))
			.withMessageContaining("(code ");
	}

	@Test
	void runAnalyzerIsUnsupportedByTheLocalServers() {
		assertThatExceptionOfType(MilvusUnsupportedException.class).isThrownBy(() -> client
			.runAnalyzer(AnalyzerRun.of("The Quick Foxes").analyzerParam("type", "english").build()));
	}

	@Test
	void aHighlighterIsIgnoredByTheLocalServers() {
		List<Hit> plain = client.search(text("quick fox").topK(3).outputFields("text").build()).first();
		List<Hit> highlighted = client.search(text("quick fox").topK(3).outputFields("text")
			.highlighter(Highlighter.lexical().tags("<b>", "</b>").highlightSearchText(true).build()).build()).first();
		assertThat(ids(highlighted)).isEqualTo(ids(plain));
		highlighted.forEach((hit) -> assertThat(hit.highlights("text")).isEmpty());
	}

}
