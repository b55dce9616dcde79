package dev.milvusboot.client.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.data.AnalyzerRun;
import dev.milvusboot.client.data.Hit;
import dev.milvusboot.client.data.HybridSearch;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.data.SubSearch;
import dev.milvusboot.client.data.rank.BoostRanker;
import dev.milvusboot.client.data.rank.DecayRanker;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusUnsupportedException;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.MilvusStandalone;
import dev.milvusboot.local.junit.MilvusStandaloneTest;
import dev.milvusboot.local.junit.TestNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Milvus 2.3 (standalone), which has no hybrid search, BM25 or analyzers and ignores function rankers and
 * grouping: our client reports the missing operations as {@link MilvusUnsupportedException} and, where the server
 * ignores a parameter, returns exactly the server's plain results.
 */
@MilvusStandaloneTest
class SearchRankersOnMilvusStandaloneTest {

	private static final int DOCS = 12;

	private static MilvusClient client;

	private static String collection;

	private static final List<float[]> vectors = new ArrayList<>();

	@BeforeAll
	static void create(MilvusStandalone milvus, TestNames names) {
		client = MilvusClient.create(milvus.uri());
		collection = names.collection("rankers");
		client.createCollection(CollectionSchema.builder(collection)
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.floatVector("dense", 4))
			.field(FieldSchema.scalar("year", DataType.INT64))
			.field(FieldSchema.varchar("cat", 8))
			.build());
		client.createIndex(
				IndexParams.builder(collection, "dense").indexType(IndexType.FLAT).metric(MetricType.COSINE).build());
		client.loadCollection(collection);
		Random random = new Random(5);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (long id = 1; id <= DOCS; id++) {
			float[] vector = { random.nextFloat() + 0.05f, random.nextFloat(), random.nextFloat(), random.nextFloat() };
			vectors.add(vector);
			rows.add(Map.of("id", id, "dense", vector, "year", 2014 + id, "cat",
					(id % 3 == 0) ? "a" : "b"));
		}
		client.insert(collection, rows);
	}

	@AfterAll
	static void close() {
		client.close();
	}

	private static Search.Builder near(int index) {
		return Search.in(collection).annsField("dense").vector(vectors.get(index)).topK(DOCS)
			.consistency(ConsistencyLevel.STRONG);
	}

	private static List<Object> ids(List<Hit> hits) {
		return hits.stream().map(Hit::id).toList();
	}

	private static List<Float> scores(List<Hit> hits) {
		return hits.stream().map(Hit::score).toList();
	}

	@Test
	void aHybridSearchIsUnsupported() {
		assertThatExceptionOfType(MilvusUnsupportedException.class).isThrownBy(() -> client.hybridSearch(
				HybridSearch.in(collection)
					.add(SubSearch.field("dense").vector(vectors.get(0)).build())
					.add(SubSearch.field("dense").vector(vectors.get(1)).build())
					.build()));
	}

	@Test
	void boostAndDecayRankersAreIgnored() {
		List<Hit> plain = client.search(near(2).build()).first();
		List<Hit> boosted = client.search(near(2).ranker(BoostRanker.builder().filter("year > 2020").weight(5).build())
			.build()).first();
		List<Hit> decayed = client.search(near(2).ranker(DecayRanker.gauss("year").origin(2026).scale(3).build())
			.build()).first();
		assertThat(ids(boosted)).isEqualTo(ids(plain));
		assertThat(scores(boosted)).isEqualTo(scores(plain));
		assertThat(ids(decayed)).isEqualTo(ids(plain));
		assertThat(scores(decayed)).isEqualTo(scores(plain));
	}

	@Test
	void groupingIsIgnored() {
		List<Hit> plain = client.search(near(4).topK(3).build()).first();
		List<Hit> grouped = client.search(near(4).topK(3).groupBy("cat").groupSize(2).strictGroupSize(true).build())
			.first();
		assertThat(ids(grouped)).isEqualTo(ids(plain));
		grouped.forEach((hit) -> assertThat(hit.groupValue()).isNull());
	}

	@Test
	void aSearchByPrimaryKeysIsAnsweredWithTheServersError() {
		assertThatExceptionOfType(MilvusException.class)
			.isThrownBy(() -> client.search(Search.in(collection).annsField("dense").ids(3L, 5L).topK(3).build()))
			.withMessageContaining("(code ");
	}

	@Test
	void runAnalyzerIsUnsupported() {
		assertThatExceptionOfType(MilvusUnsupportedException.class)
			.isThrownBy(() -> client.runAnalyzer(AnalyzerRun.of("The Quick Foxes").analyzerParam("type", "english")
				.build()));
	}

}
