package dev.milvusboot.springai;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.ai.document.Document;
import org.springframework.ai.document.DocumentMetadata;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.filter.FilterExpressionBuilder;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.data.Hit;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.data.rank.Ranker;
import dev.milvusboot.client.data.rank.RrfRanker;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.junit.TestNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Hybrid dense + BM25 search of the store, checked against what plain Java computes over the same documents: a
 * document found only by a rare word, filters, the RRF formula, the weighted ranker, the refused threshold. The
 * subclasses choose the server (both Milvus Lite engines: Milvus 2.3 has no BM25, see
 * {@link HybridSearchOnMilvusStandaloneTest}).
 */
abstract class HybridSearchContract {

	static final int DIM = WordHashEmbeddingModel.DIMENSION;

	static MilvusClient client;

	static TestNames names;

	static void prepare(String uri, TestNames testNames) {
		client = MilvusClient.create(uri);
		names = testNames;
	}

	@AfterAll
	static void close() {
		client.close();
	}

	private final WordHashEmbeddingModel model = new WordHashEmbeddingModel();

	private MilvusClientVectorStore hybridStore(String collection, MilvusVectorStoreOptions.Builder options) {
		return StoreBehaviourContract.store(client, this.model,
				options.collectionName(collection).hybridSearch(true).indexType(IndexType.FLAT));
	}

	private MilvusClientVectorStore hybridStore(String collection) {
		return hybridStore(collection, MilvusVectorStoreOptions.builder());
	}

	private static float[] randomUnit(Random random) {
		float[] vector = new float[DIM];
		for (int d = 0; d < DIM; d++) {
			vector[d] = (float) random.nextGaussian();
		}
		return TestVectors.normalise(vector);
	}

	private static float[] negated(float[] vector) {
		float[] opposite = new float[vector.length];
		for (int i = 0; i < vector.length; i++) {
			opposite[i] = -vector[i];
		}
		return opposite;
	}

	private static Document document(String id, String text, float[] embedding, Map<String, Object> metadata) {
		Map<String, Object> all = new HashMap<>(metadata);
		all.put(MilvusClientVectorStore.EMBEDDING_METADATA_KEY, embedding);
		return new Document(id, text, all);
	}

	private static float[] embedding(Document document) {
		return (float[]) document.getMetadata().get(MilvusClientVectorStore.EMBEDDING_METADATA_KEY);
	}

	private static List<String> ids(List<Document> documents) {
		return documents.stream().map(Document::getId).toList();
	}

	private static SearchRequest.Builder query(String text, int topK) {
		return SearchRequest.builder().query(text).topK(topK);
	}

	@Test
	void aDocumentThatMatchesOnlyByARareWordIsFoundByHybridSearchAndNotByDenseSearch() {
		String collection = names.collection("rare_word");
		MilvusClientVectorStore hybrid = hybridStore(collection);
		String rare = "zyxwvut";
		float[] q = this.model.embed(rare);
		Random random = new Random(21);
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			documents.add(document("plain-" + i, "an ordinary note number " + i + " about common things",
					randomUnit(random), Map.of()));
		}
		// The embedding farthest from the query's: cosine -1.
		Document needle = document("needle", "a note that mentions " + rare + " once", negated(q), Map.of());
		documents.add(needle);
		hybrid.add(documents);
		Map<String, Float> similarity = new HashMap<>();
		documents.forEach((d) -> similarity.put(d.getId(), TestVectors.score(MetricType.COSINE, q, embedding(d))));
		assertThat(similarity.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey())
			.isEqualTo("needle");

		MilvusClientVectorStore dense = StoreBehaviourContract.store(client, this.model,
				MilvusVectorStoreOptions.builder().collectionName(collection));
		assertThat(ids(dense.similaritySearch(query(rare, 5).build()))).hasSize(5).doesNotContain("needle");
		List<Document> found = hybrid.similaritySearch(query(rare, 5).build());
		assertThat(ids(found)).hasSize(5).contains("needle");
		assertThat(found.get(ids(found).indexOf("needle")).getText()).isEqualTo(needle.getText());

		// The rows never carried the BM25 output: the server computed it from the text.
		assertThat(new DocumentRows(hybrid.options()).row(needle, q)).doesNotContainKey("sparse");
		List<Hit> byText = client.search(Search.in(collection)
			.annsField("sparse")
			.text(rare)
			.topK(10)
			.consistency(ConsistencyLevel.STRONG)
			.build()).first();
		assertThat(byText).extracting(Hit::id).containsExactly("needle");
	}

	/** Documents with countries, years and texts, some holding the word "kiwi", and one hostile value. */
	private static List<Document> filterDocuments() {
		Random random = new Random(5);
		String[] countries = { "BG", "NL", "DE" };
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			String text = ((i % 3 == 0) ? "kiwi " : "") + "fruit report " + i;
			documents.add(document("f" + i, text, randomUnit(random),
					Map.of("country", countries[i % 3], "year", 2018 + (i % 7))));
		}
		documents.add(document("hostile", "kiwi fruit from nowhere", randomUnit(random),
				Map.of("country", "BG\" or 1==1 or \"", "year", 2020)));
		return documents;
	}

	private static Predicate<Document> where(String key, Predicate<Object> value) {
		return (document) -> value.test(document.getMetadata().get(key));
	}

	private static int year(Document document) {
		return ((Number) document.getMetadata().get("year")).intValue();
	}

	@Test
	void filtersRestrictBothSubSearchesExactlyAsTheSameFilterInPlainJava() {
		MilvusClientVectorStore store = hybridStore(names.collection("hybrid_filters"));
		List<Document> documents = filterDocuments();
		store.add(documents);
		Map<String, Predicate<Document>> filters = new LinkedHashMap<>();
		filters.put("country == 'BG'", where("country", "BG"::equals));
		filters.put("country == 'BG' && year >= 2021", (d) -> "BG".equals(d.getMetadata().get("country"))
				&& year(d) >= 2021);
		filters.put("country in ['BG', 'NL'] && year < 2020",
				(d) -> List.of("BG", "NL").contains(d.getMetadata().get("country")) && year(d) < 2020);
		filters.put("(country == 'DE' || year == 2018) && year <= 2022",
				(d) -> ("DE".equals(d.getMetadata().get("country")) || year(d) == 2018) && year(d) <= 2022);
		filters.put("year > 2030", (d) -> year(d) > 2030);
		filters.forEach((filter, java) -> {
			List<String> expected = documents.stream().filter(java).map(Document::getId).sorted().toList();
			List<Document> found = store.similaritySearch(query("kiwi fruit", 50).filterExpression(filter).build());
			assertThat(ids(found)).as(filter).containsExactlyInAnyOrderElementsOf(expected);
			List<Document> top = store.similaritySearch(query("kiwi fruit", 3).filterExpression(filter).build());
			assertThat(ids(top)).as(filter + ", top 3").hasSize(Math.min(3, expected.size())).isSubsetOf(expected);
		});
		// The text sub-search is filtered too: every "kiwi" document but the hostile one is outside this filter.
		List<Document> hostile = store.similaritySearch(query("kiwi", 50)
			.filterExpression(new FilterExpressionBuilder().eq("country", "BG\" or 1==1 or \"").build())
			.build());
		assertThat(ids(hostile)).containsExactly("hostile");
	}

	/**
	 * Twelve documents of six words each, five holding "kiwi" 5, 4, 3, 2 and 1 times: BM25 ranks them by that
	 * count (equal lengths), so the text ranks are known in Java. The one with five is the farthest from the query.
	 */
	private List<Document> rankDocuments() {
		Random random = new Random(17);
		float[] q = this.model.embed("kiwi");
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			int kiwis = Math.max(0, 5 - i);
			StringBuilder text = new StringBuilder();
			for (int w = 0; w < 6; w++) {
				text.append((w < kiwis) ? "kiwi" : "w" + i + "x" + w).append(' ');
			}
			documents.add(document("r" + i, text.toString().trim(), (i == 0) ? negated(q) : randomUnit(random),
					Map.of("kiwis", kiwis)));
		}
		return documents;
	}

	/** The ids in dense order: cosine similarity to the query's embedding, best first, computed in Java. */
	private List<String> denseOrder(List<Document> documents, String query) {
		float[] q = this.model.embed(query);
		return documents.stream()
			.sorted(Comparator.comparingDouble((Document d) -> TestVectors.score(MetricType.COSINE, q, embedding(d)))
				.reversed())
			.map(Document::getId)
			.toList();
	}

	/** The ids in BM25 order for "kiwi": the documents with the word, most first. */
	private static List<String> textOrder(List<Document> documents) {
		return documents.stream()
			.filter((d) -> ((Integer) d.getMetadata().get("kiwis")) > 0)
			.sorted(Comparator.comparingInt((Document d) -> (Integer) d.getMetadata().get("kiwis")).reversed())
			.map(Document::getId)
			.toList();
	}

	/** RRF as its formula says: each document scores the sum of 1 / (k + rank) over the sub-searches it is in. */
	private static Map<String, Double> rrf(int k, int subTopK, List<List<String>> rankings) {
		Map<String, Double> scores = new HashMap<>();
		for (List<String> ranking : rankings) {
			for (int rank = 1; rank <= Math.min(subTopK, ranking.size()); rank++) {
				scores.merge(ranking.get(rank - 1), 1.0 / (k + rank), Double::sum);
			}
		}
		return scores;
	}

	@ParameterizedTest
	@CsvSource({ "60, 0", "2, 12", "1, 3" })
	void rrfScoresEachDocumentTheSumOfOneOverKPlusItsRankInEachSubSearch(int k, int subSearchTopK) {
		MilvusClientVectorStore store = hybridStore(names.collection("rrf_" + k),
				MilvusVectorStoreOptions.builder().hybridRanker(Ranker.rrf(k)).hybridSubSearchTopK(subSearchTopK));
		List<Document> documents = rankDocuments();
		store.add(documents);
		int topK = 6;
		Map<String, Double> expected = rrf(k, (subSearchTopK > 0) ? subSearchTopK : topK,
				List.of(denseOrder(documents, "kiwi"), textOrder(documents)));
		List<Double> expectedTop = expected.values().stream().sorted(Comparator.reverseOrder()).limit(topK).toList();

		List<Document> found = store.similaritySearch(query("kiwi", topK).build());

		assertThat(found).hasSize(expectedTop.size());
		for (int i = 0; i < found.size(); i++) {
			Document document = found.get(i);
			assertThat(document.getScore()).as("score of " + document.getId())
				.isCloseTo(expected.get(document.getId()), within(1e-5))
				.isCloseTo(expectedTop.get(i), within(1e-5));
			assertThat((Double) document.getMetadata().get(DocumentMetadata.DISTANCE.value()))
				.isCloseTo(1.0 - document.getScore(), within(1e-9));
		}
	}

	@Test
	void theRankerDecidesTheOrderAsItsFormulaSays() {
		String collection = names.collection("rankers");
		List<Document> documents = rankDocuments();
		hybridStore(collection).add(documents);
		int topK = 5;
		List<String> dense = denseOrder(documents, "kiwi");
		Map<String, Double> rrf = rrf(RrfRanker.DEFAULT_K, topK, List.of(dense, textOrder(documents)));
		List<String> rrfTop = rrf.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.limit(topK)
			.map(Map.Entry::getKey)
			.toList();
		// r0 has "kiwi" five times but the farthest embedding: RRF lifts it, a dense-only weighting does not.
		assertThat(rrfTop).contains("r0");
		assertThat(dense.subList(0, topK)).doesNotContain("r0");

		List<Document> byRrf = hybridStore(collection).similaritySearch(query("kiwi", topK).build());
		List<Document> byDenseWeight = hybridStore(collection,
				MilvusVectorStoreOptions.builder().hybridRanker(Ranker.weighted(1, 0)))
			.similaritySearch(query("kiwi", topK).build());

		assertThat(ids(byRrf)).containsExactlyInAnyOrderElementsOf(rrfTop);
		assertThat(ids(byDenseWeight)).containsExactlyElementsOf(dense.subList(0, topK));
		assertThat(byDenseWeight).extracting(Document::getScore).isSortedAccordingTo(Comparator.reverseOrder());
	}

	@Test
	void aSimilarityThresholdIsRefusedBecauseFusedScoresAreNotSimilarities() {
		MilvusClientVectorStore store = hybridStore(names.collection("hybrid_threshold"));
		store.add(rankDocuments());

		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> store.similaritySearch(query("kiwi", 3).similarityThreshold(0.5).build()))
			.withMessageContaining("similarityThreshold 0.5")
			.withMessageContaining("hybrid search")
			.withMessageContaining("similarityThresholdAll()");
		assertThat(store.similaritySearch(query("kiwi", 3).similarityThresholdAll().build())).hasSize(3);
	}

	@Test
	void aHybridStoreOnAnExistingCollectionWithoutTheBm25FieldFailsAtStartup() {
		String collection = names.collection("no_bm25");
		StoreBehaviourContract.store(client, this.model, MilvusVectorStoreOptions.builder().collectionName(collection));

		assertThatExceptionOfType(MilvusInvalidArgumentException.class).isThrownBy(() -> hybridStore(collection))
			.withMessageContaining("collection '" + collection + "' has no field 'sparse'")
			.withMessageContaining("BM25");
	}

	@Test
	void aHybridStoreReopensTheCollectionItCreated() {
		String collection = names.collection("reopened");
		hybridStore(collection).add(rankDocuments());

		assertThat(ids(hybridStore(collection).similaritySearch(query("kiwi", 3).build()))).hasSize(3);
	}

	@Test
	void hybridStoresOnTwoPartitionsSeeOnlyTheirOwnDocuments() {
		String collection = names.collection("hybrid_partitions");
		MilvusClientVectorStore a;
		try {
			a = hybridStore(collection, MilvusVectorStoreOptions.builder().partitionName("pa"));
		}
		catch (MilvusException ex) {
			Assumptions.abort("This server has no partitions; it answered: " + ex.getMessage());
			return;
		}
		MilvusClientVectorStore b = hybridStore(collection, MilvusVectorStoreOptions.builder().partitionName("pb"));
		Random random = new Random(3);
		a.add(List.of(document("a1", "kiwi in a", randomUnit(random), Map.of())));
		b.add(List.of(document("b1", "kiwi in b", randomUnit(random), Map.of())));

		assertThat(ids(a.similaritySearch(query("kiwi", 10).build()))).containsExactly("a1");
		assertThat(ids(b.similaritySearch(query("kiwi", 10).build()))).containsExactly("b1");
	}

}
