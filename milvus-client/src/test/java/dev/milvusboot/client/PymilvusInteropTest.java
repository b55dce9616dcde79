package dev.milvusboot.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.milvusboot.client.data.Hit;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.data.SearchResults;
import dev.milvusboot.client.internal.codec.Json;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.junit.MilvusLiteTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Our client and pymilvus, an independent client, on one real Milvus Lite: each reads back exactly what the other
 * wrote, and both get the same search results.
 */
@MilvusLiteTest
class PymilvusInteropTest extends PymilvusTestSupport {

	private static final int DIM = 16;

	/** Runs the pymilvus peer script with a JSON command and returns its JSON answer. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> pymilvus(Map<String, Object> command) throws IOException, InterruptedException {
		Path script = Files.createTempFile("pymilvus_peer", ".py");
		try (InputStream in = PymilvusInteropTest.class.getResourceAsStream("/interop/pymilvus_peer.py")) {
			Files.write(script, in.readAllBytes());
		}
		Map<String, Object> full = new LinkedHashMap<>(command);
		full.put("uri", lite.uri());
		Process process = new ProcessBuilder(python.toString(), script.toString()).start();
		process.getOutputStream().write(Json.write(full, "command").getBytes(StandardCharsets.UTF_8));
		process.getOutputStream().close();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(err).isZero();
		Files.deleteIfExists(script);
		return (Map<String, Object>) Json.parse(out);
	}

	private static float[] vector(Random random) {
		float[] vector = new float[DIM];
		for (int i = 0; i < DIM; i++) {
			vector[i] = (random.nextFloat() - 0.5f) * 10;
		}
		return vector;
	}

	private static void assertSameVector(Object fromPython, float[] expected) {
		List<?> values = (List<?>) fromPython;
		assertThat(values).hasSize(expected.length);
		for (int i = 0; i < expected.length; i++) {
			assertThat(((Number) values.get(i)).floatValue()).isEqualTo(expected[i]);
		}
	}

	@Test
	void whenOurClientWritesThenPymilvusReadsTheSameValues() throws Exception {
		String name = names.collection("ours_to_py");
		client.createCollection(CollectionSchema.builder(name)
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.floatVector("vector", DIM))
			.field(FieldSchema.varchar("title", 200))
			.field(FieldSchema.scalar("score", DataType.DOUBLE))
			.build());
		client.createIndex(IndexParams.builder(name, "vector").indexType(IndexType.FLAT).metric(MetricType.L2).build());
		client.loadCollection(name);
		Random random = new Random(21);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (long id = 100; id < 120; id++) {
			rows.add(Map.of("id", id, "vector", vector(random), "title", "títle \"" + id + "\" ✓", "score",
					id * 1.000001));
		}
		client.insert(name, rows);
		Map<String, Object> answer = pymilvus(Map.of("op", "get", "collection", name, "ids", List.of(100, 107, 119),
				"fields", List.of("id", "vector", "title", "score")));
		List<?> read = (List<?>) answer.get("rows");
		assertThat(read).hasSize(3);
		for (Object each : read) {
			Map<?, ?> row = (Map<?, ?>) each;
			long id = ((Number) row.get("id")).longValue();
			Map<String, Object> written = rows.get((int) (id - 100));
			assertSameVector(row.get("vector"), (float[]) written.get("vector"));
			assertThat(row.get("title")).isEqualTo(written.get("title"));
			assertThat(((Number) row.get("score")).doubleValue()).isEqualTo((Double) written.get("score"));
		}
	}

	@Test
	void whenPymilvusWritesThenOurClientReadsTheSameValuesAndBothSearchAlike() throws Exception {
		String name = names.collection("py_to_ours");
		Random random = new Random(22);
		List<Map<String, Object>> rows = new ArrayList<>();
		List<float[]> vectors = new ArrayList<>();
		for (int id = 1; id <= 30; id++) {
			float[] vector = vector(random);
			vectors.add(vector);
			List<Double> values = new ArrayList<>();
			for (float value : vector) {
				values.add((double) value);
			}
			rows.add(Map.of("id", id, "vector", values, "title", "doc " + id + " ünïcode", "score", id / 7.0));
		}
		Map<String, Object> inserted = pymilvus(Map.of("op", "insert", "collection", name, "dim", DIM, "rows", rows));
		assertThat((List<?>) inserted.get("ids")).hasSize(30);

		List<Row> read = client.get(name, List.of(3L, 17L), "vector", "title", "score");
		assertThat(read).hasSize(2);
		assertThat(read.get(0).getFloatVector("vector")).containsExactly(vectors.get(2));
		assertThat(read.get(0).getString("title")).isEqualTo("doc 3 ünïcode");
		assertThat(read.get(1).getDouble("score")).isEqualTo(17 / 7.0);

		List<float[]> queries = List.of(vectors.get(4), vector(random), vector(random));
		SearchResults ours = client.search(Search.in(name).vectors(queries).topK(5).metric(MetricType.L2).build());
		List<List<Double>> queryLists = new ArrayList<>();
		for (float[] query : queries) {
			List<Double> values = new ArrayList<>();
			for (float value : query) {
				values.add((double) value);
			}
			queryLists.add(values);
		}
		Map<String, Object> theirs = pymilvus(
				Map.of("op", "search", "collection", name, "vectors", queryLists, "limit", 5));
		List<?> theirHits = (List<?>) theirs.get("hits");
		assertThat(ours.size()).isEqualTo(theirHits.size());
		for (int q = 0; q < queries.size(); q++) {
			List<Hit> ourHits = ours.hits(q);
			List<?> their = (List<?>) theirHits.get(q);
			assertThat(ourHits).hasSize(their.size());
			for (int i = 0; i < ourHits.size(); i++) {
				Map<?, ?> hit = (Map<?, ?>) their.get(i);
				assertThat(ourHits.get(i).longId()).isEqualTo(((Number) hit.get("id")).longValue());
				assertThat(ourHits.get(i).score()).isCloseTo(((Number) hit.get("distance")).floatValue(), within(1e-4f));
			}
		}
		assertThat(ours.hits(0).get(0).longId()).isEqualTo(5L);
	}

}
