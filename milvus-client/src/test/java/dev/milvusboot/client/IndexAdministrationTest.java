package dev.milvusboot.client;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.milvusboot.client.exception.MilvusAlreadyExistsException;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.exception.MilvusNotFoundException;
import dev.milvusboot.client.exception.MilvusNotFoundException.ResourceType;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexDescription;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexState;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Creating, describing, listing and dropping indexes on a real Milvus Lite.
 */
class IndexAdministrationTest extends AdminTestSupport {

	static final int DIM = 8;

	static String collectionWithRows(String prefix, int rows) {
		String name = names.collection(prefix);
		client.createCollection(CollectionSchema.builder(name)
			.field(FieldSchema.int64Id("id", true))
			.field(FieldSchema.floatVector("vector", DIM))
			.field(FieldSchema.scalar("year", DataType.INT32))
			.build());
		List<Map<String, Object>> data = AdminFixtures.rows(rows, DIM, 3).stream()
			.map((row) -> Map.<String, Object>of("vector", row.get("vector"), "year", 2000))
			.toList();
		client.insert(name, data);
		return name;
	}

	@Test
	void buildsAnIndexWithItsParametersAndDescribesIt() {
		String name = collectionWithRows("hnsw", 30);

		client.createIndex(IndexParams.builder(name, "vector")
			.indexType(IndexType.HNSW)
			.metric(MetricType.L2)
			.param("M", 8)
			.param("efConstruction", 64)
			.build());

		IndexDescription index = client.describeIndex(name, "vector");
		assertThat(index.indexName()).isEqualTo("vector");
		assertThat(index.fieldName()).isEqualTo("vector");
		assertThat(index.indexType()).isEqualTo("HNSW");
		assertThat(index.metricType()).isEqualTo("L2");
		assertThat(index.params()).containsEntry("M", "8").containsEntry("efConstruction", "64");
		assertThat(index.state()).isEqualTo(IndexState.FINISHED);
		assertThat(index.isBuilt()).isTrue();
		assertThat(index.totalRows()).isEqualTo(30);
		assertThat(index.indexedRows()).isEqualTo(30);
		assertThat(index.pendingRows()).isZero();
		assertThat(index.failureReason()).isEmpty();
	}

	@Test
	void indexTypesCanBeGivenByName() {
		String name = collectionWithRows("by_name", 5);

		client.createIndex(IndexParams.builder(name, "vector").indexType("IVF_FLAT").metric("IP").param("nlist", 4)
			.build());

		IndexDescription index = client.describeIndex(name, "vector");
		assertThat(index.indexType()).isEqualTo("IVF_FLAT");
		assertThat(index.metricType()).isEqualTo("IP");
		assertThat(index.params()).containsEntry("nlist", "4");
	}

	@Test
	void listsTheIndexesOfACollection() {
		String name = collectionWithRows("listed", 5);
		assertThat(client.listIndexes(name)).isEmpty();

		client.createIndex(IndexParams.of(name, "vector", IndexType.FLAT, MetricType.COSINE));
		client.createIndex(IndexParams.of(name, "year", IndexType.INVERTED, null));

		assertThat(client.listIndexes(name)).containsExactlyInAnyOrder("vector", "year");
		assertThat(client.describeIndex(name, "year").metricType()).isNull();
	}

	@Test
	void dropsAnIndexOnceTheCollectionIsReleased() {
		String name = collectionWithRows("dropped", 5);
		client.createIndex(IndexParams.of(name, "vector", IndexType.FLAT, MetricType.L2));
		client.loadCollection(name);

		assertThatExceptionOfType(MilvusException.class).isThrownBy(() -> client.dropIndex(name, "vector"))
			.withMessageContaining("'vector'")
			.withMessageContaining("'" + name + "'")
			.withMessageContaining("release");

		client.releaseCollection(name);
		client.dropIndex(name, "vector");

		assertThat(client.listIndexes(name)).isEmpty();
	}

	@Test
	void unknownIndexIsReportedAsNotFoundNamingIt() {
		String name = collectionWithRows("no_index", 1);

		assertThatExceptionOfType(MilvusNotFoundException.class).isThrownBy(() -> client.describeIndex(name, "vector"))
			.withMessageContaining("'vector'")
			.withMessageContaining("'" + name + "'")
			.satisfies((ex) -> assertThat(ex.resourceType()).isEqualTo(ResourceType.INDEX));
		assertThatExceptionOfType(MilvusNotFoundException.class).isThrownBy(() -> client.dropIndex(name, "vector"))
			.withMessageContaining("'vector'");
	}

	@Test
	void indexesOfAnUnknownCollectionAreReportedAsNotFound() {
		String name = names.collection("no_such");

		assertThatExceptionOfType(MilvusNotFoundException.class).isThrownBy(() -> client.listIndexes(name))
			.withMessageContaining("'" + name + "'")
			.satisfies((ex) -> assertThat(ex.resourceType()).isEqualTo(ResourceType.COLLECTION));
		assertThatExceptionOfType(MilvusNotFoundException.class)
			.isThrownBy(() -> client.createIndex(IndexParams.of(name, "vector", IndexType.FLAT, MetricType.L2)))
			.withMessageContaining("'" + name + "'");
	}

	@Test
	void aSecondIndexOnTheSameFieldIsRefused() {
		String name = collectionWithRows("second", 1);
		client.createIndex(IndexParams.of(name, "vector", IndexType.FLAT, MetricType.L2));

		assertThatExceptionOfType(MilvusAlreadyExistsException.class)
			.isThrownBy(() -> client.createIndex(IndexParams.of(name, "vector", IndexType.HNSW, MetricType.L2)))
			.withMessageContaining("'vector'")
			.withMessageContaining("'" + name + "'");
	}

	@Test
	void invalidIndexParametersAreRejectedBeforeAnythingIsSent() {
		calls.clear();

		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> IndexParams.builder("books", "vector").indexName("my-index").build())
			.withMessageContaining("'my-index'");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> IndexParams.builder("books", "vector").indexType(" ").build())
			.withMessageContaining("index type");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> IndexParams.builder("books", "vector").param("nlist", new Object()).build())
			.withMessageContaining("'nlist'");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.describeIndex("books", "a.b"))
			.withMessageContaining("'a.b'");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.dropIndex("9books", "vector"))
			.withMessageContaining("'9books'");

		assertThat(calls.operations()).isEmpty();
	}

	@Test
	void indexParamsAreImmutableValues() {
		Map<String, Object> build = new java.util.HashMap<>(Map.of("nlist", 128));
		IndexParams params = IndexParams.builder("books", "vector").indexType(IndexType.IVF_FLAT).metric(MetricType.L2)
			.params(build)
			.build();
		build.put("nlist", 1);

		assertThat(params.params()).containsExactly(Map.entry("nlist", 128));
		assertThat(params.indexName()).isEqualTo("vector");
		assertThat(params).isEqualTo(IndexParams.builder("books", "vector").indexType("IVF_FLAT").metric("L2")
			.param("nlist", 128)
			.build());
		assertThat(IndexParams.builder("books", "vector").build().indexType())
			.isEqualTo(IndexParams.DEFAULT_INDEX_TYPE.name());
	}

}
