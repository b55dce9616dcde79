package dev.milvusboot.springai;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import org.springframework.ai.document.Document;
import org.springframework.ai.document.DocumentMetadata;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.vectorstore.SearchRequest;

import dev.milvusboot.client.MilvusCallListener;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.data.Hit;
import dev.milvusboot.client.data.Relevance;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.junit.TestNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What the store does beyond Spring AI's suite, checked against values computed in plain Java over the same
 * vectors: thresholds, scores per metric, metadata types, pre-computed embeddings, batching. The subclasses choose
 * the server.
 */
abstract class StoreBehaviourContract {

	static final int DIM = WordHashEmbeddingModel.DIMENSION;

	static MilvusClient client;

	static TestNames names;

	static String uri;

	static void prepare(String serverUri, TestNames testNames) {
		uri = serverUri;
		client = MilvusClient.create(serverUri);
		names = testNames;
	}

	@AfterAll
	static void close() {
		client.close();
	}

	static MilvusClientVectorStore store(MilvusClient on, EmbeddingModel model, MilvusVectorStoreOptions.Builder options) {
		MilvusClientVectorStore store = MilvusClientVectorStore.builder(on, model)
			.options(options.initializeSchema(true).build())
			.build();
		store.afterPropertiesSet();
		return store;
	}

	static MilvusVectorStoreOptions.Builder options(String base) {
		return MilvusVectorStoreOptions.builder().collectionName(names.collection(base));
	}

	/** Documents with their own seeded random unit vectors and metadata n = index. */
	static List<Document> vectorDocuments(int count, long seed) {
		Random random = new Random(seed);
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			float[] vector = new float[DIM];
			for (int d = 0; d < DIM; d++) {
				vector[d] = (float) random.nextGaussian();
			}
			Map<String, Object> metadata = new HashMap<>();
			metadata.put("n", i);
			metadata.put(MilvusClientVectorStore.EMBEDDING_METADATA_KEY, TestVectors.normalise(vector));
			documents.add(new Document("doc-" + seed + "-" + i, "document " + i, metadata));
		}
		return documents;
	}

	@ParameterizedTest
	@EnumSource(value = MetricType.class, names = { "COSINE", "IP", "L2" })
	void similarityThresholdKeepsExactlyTheTopKOfTheDocumentsAtLeastThatRelevantWithScoresPerTheMetricFormula(
			MetricType metric) {
		WordHashEmbeddingModel model = new WordHashEmbeddingModel();
		MilvusClientVectorStore store = store(client, model, options("threshold_" + metric).metricType(metric)
			.indexType(dev.milvusboot.client.schema.IndexType.FLAT));
		List<Document> documents = vectorDocuments(60, 7);
		store.add(documents);
		String query = "document relevance query";
		float[] q = model.embed(query);
		Map<String, Double> relevance = new LinkedHashMap<>();
		for (Document document : documents) {
			float[] v = (float[]) document.getMetadata().get(MilvusClientVectorStore.EMBEDDING_METADATA_KEY);
			relevance.put(document.getId(), Relevance.of(metric, TestVectors.score(metric, q, v)));
		}
		double threshold = relevance.values().stream().sorted(Comparator.reverseOrder()).toList().get(20);
		int topK = 12;
		List<String> expected = relevance.entrySet()
			.stream()
			.filter((e) -> e.getValue() >= threshold)
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.limit(topK)
			.map(Map.Entry::getKey)
			.toList();

		List<Document> found = store.similaritySearch(
				SearchRequest.builder().query(query).topK(topK).similarityThreshold(threshold).build());

		assertThat(found).extracting(Document::getId).containsExactlyElementsOf(expected);
		for (Document document : found) {
			assertThat(document.getScore()).isBetween(0.0, 1.0).isCloseTo(relevance.get(document.getId()), within(1e-4));
			assertThat((Double) document.getMetadata().get(DocumentMetadata.DISTANCE.value()))
				.isCloseTo(1.0 - document.getScore(), within(1e-9));
		}
		List<Document> all = store.similaritySearch(
				SearchRequest.builder().query(query).topK(100).similarityThreshold(threshold).build());
		assertThat(all).hasSize((int) relevance.values().stream().filter((r) -> r >= threshold).count());
	}

	@ParameterizedTest
	@EnumSource(value = MetricType.class, names = { "COSINE", "IP", "L2" })
	void theServerRangeSearchReturnsOnlyHitsWithinTheRadius(MetricType metric) {
		WordHashEmbeddingModel model = new WordHashEmbeddingModel();
		MilvusClientVectorStore store = store(client, model, options("radius_" + metric).metricType(metric)
			.indexType(dev.milvusboot.client.schema.IndexType.FLAT));
		store.add(vectorDocuments(40, 11));
		double minRelevance = 0.55;

		List<Hit> hits = client.search(Search.in(store.options().collectionName())
			.vector(model.embed("range search"))
			.topK(100)
			.param("radius", Relevance.radius(metric, minRelevance))
			.consistency(dev.milvusboot.client.schema.ConsistencyLevel.STRONG)
			.build()).first();

		List<Double> below = hits.stream()
			.map((hit) -> Relevance.of(metric, hit.score()))
			.filter((r) -> r < minRelevance - 1e-6)
			.toList();
		Assumptions.assumeTrue(below.isEmpty(), () -> "This server ignores the radius of a " + metric
				+ " search: it returned " + hits.size() + " hits, " + below.size() + " of them below the minimum "
				+ "relevance " + minRelevance + " (the store drops them on the client with Relevance.meets)");
		assertThat(hits.size()).isLessThan(40);
	}

	@Test
	void metadataKeepsItsJavaTypes() {
		MilvusClientVectorStore store = store(client, new WordHashEmbeddingModel(), options("types"));
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("int", 2023);
		metadata.put("long", 2023L);
		metadata.put("bigLong", 9_007_199_254_740_993L);
		metadata.put("double", 2.0);
		metadata.put("float", 1.5f);
		metadata.put("short", (short) 7);
		metadata.put("bool", true);
		metadata.put("text", "BG \"quoted\" \\ back");
		metadata.put("ints", List.of(1, 2, 3));
		metadata.put("longs", List.of(1L, 2L));
		metadata.put("nested", Map.of("name", "x", "tags", List.of("a", "b")));
		store.add(List.of(new Document("typed", "typed metadata", metadata)));

		Document found = store.similaritySearch(SearchRequest.builder().query("typed metadata").topK(1).build()).get(0);

		Map<String, Object> read = new LinkedHashMap<>(found.getMetadata());
		read.remove(DocumentMetadata.DISTANCE.value());
		assertThat(read).isEqualTo(metadata);
		read.forEach((key, value) -> assertThat(value).as(key).isExactlyInstanceOf(valueClass(metadata.get(key))));
		assertThat(((List<?>) read.get("ints")).get(0)).isInstanceOf(Integer.class);
		assertThat(((List<?>) read.get("longs")).get(0)).isInstanceOf(Long.class);
	}

	private static Class<?> valueClass(Object value) {
		return (value instanceof List) ? read(value) : (value instanceof Map) ? read(value) : value.getClass();
	}

	private static Class<?> read(Object value) {
		return (value instanceof List) ? java.util.ArrayList.class : LinkedHashMap.class;
	}

	@Test
	void aDocumentsOwnEmbeddingIsStoredAndTheModelIsNotAskedForIt() {
		CountingModel model = new CountingModel();
		MilvusClientVectorStore store = store(client, model, options("own_embedding"));
		List<Document> documents = new ArrayList<>(vectorDocuments(3, 5));
		documents.add(new Document("plain", "a plain document", Map.of()));

		store.add(documents);

		assertThat(model.texts).containsExactly("a plain document");
		float[] own = (float[]) documents.get(1).getMetadata().get(MilvusClientVectorStore.EMBEDDING_METADATA_KEY);
		List<Hit> hits = client.search(Search.in(store.options().collectionName())
			.vector(own)
			.topK(1)
			.outputFields("metadata")
			.consistency(dev.milvusboot.client.schema.ConsistencyLevel.STRONG)
			.build()).first();
		assertThat(hits.get(0).id()).isEqualTo(documents.get(1).getId());
		assertThat(hits.get(0).score()).isCloseTo(1.0f, within(1e-4f));
		assertThat(hits.get(0).get("metadata").toString()).doesNotContain(MilvusClientVectorStore.EMBEDDING_METADATA_KEY);
	}

	@Test
	void anAddLargerThanTheRequestLimitIsSentInSeveralRequestsAndAllDocumentsArrive() {
		List<String> operations = new CopyOnWriteArrayList<>();
		MilvusCallListener listener = (context) -> {
			operations.add(context.operation());
			return new MilvusCallListener.Call() {
			};
		};
		int limit = 256 * 1024;
		try (MilvusClient small = MilvusClient
			.create(MilvusClientOptions.builder().uri(uri).maxRequestSize(limit).listener(listener).build())) {
			MilvusClientVectorStore store = store(small, new WordHashEmbeddingModel(), options("batched"));
			String text = "x".repeat(10_000);
			List<Document> documents = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				documents.add(new Document("big-" + i, text + i, Map.of("i", i)));
			}
			operations.clear();

			store.add(documents);

			long inserts = operations.stream().filter((op) -> op.toLowerCase().contains("insert")).count();
			assertThat(inserts).as("insert requests for ~1 MB under a 256 KiB limit: " + operations)
				.isGreaterThanOrEqualTo(4);
			assertThat(small.count(store.options().collectionName(), "")).isEqualTo(100);
		}
	}

	/** Counts the texts it embeds. */
	static final class CountingModel implements EmbeddingModel {

		final List<String> texts = new CopyOnWriteArrayList<>();

		private final WordHashEmbeddingModel delegate = new WordHashEmbeddingModel();

		@Override
		public EmbeddingResponse call(EmbeddingRequest request) {
			this.texts.addAll(request.getInstructions());
			return this.delegate.call(request);
		}

		@Override
		public float[] embed(Document document) {
			this.texts.add(document.getText());
			return this.delegate.embed(document);
		}

		@Override
		public int dimensions() {
			return DIM;
		}

	}

}
