package dev.milvusboot.client;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.internal.codec.Json;
import dev.milvusboot.client.schema.CollectionDescription;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.client.schema.SchemaFunction;
import dev.milvusboot.local.junit.MilvusLiteTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Schemas as Milvus has them, on a real Milvus Lite 3.2, with pymilvus as the independent client: BM25 functions
 * and analyzer settings described as created (by either client), a collection made by pymilvus written by us (the
 * server fills the function output, pymilvus finds our rows by text), a description turned back into a collection
 * giving the same schema, and nullable and default values on write.
 */
@MilvusLiteTest
class SchemaFunctionsTest extends PymilvusTestSupport {

	static final Map<String, Object> ANALYZER = Map.of("tokenizer", "standard", "filter", List.of("lowercase"));

	/** pymilvus creates a BM25 collection with an analyzer, indexes and loads it, inserts one row. */
	static void pymilvusCreatesBm25Collection(String name) {
		pymilvus(name, """
				schema = client.create_schema(auto_id=False, enable_dynamic_field=True)
				schema.add_field("id", DataType.INT64, is_primary=True)
				schema.add_field("text", DataType.VARCHAR, max_length=1000, enable_analyzer=True, enable_match=True,
				                 analyzer_params={"tokenizer": "standard", "filter": ["lowercase"]})
				schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
				schema.add_field("dense", DataType.FLOAT_VECTOR, dim=4)
				schema.add_field("year", DataType.INT64, is_partition_key=False)
				schema.add_function(Function(name="text_bm25", function_type=FunctionType.BM25,
				                             input_field_names=["text"], output_field_names=["sparse"]))
				index = client.prepare_index_params()
				index.add_index(field_name="dense", index_type="FLAT", metric_type="L2")
				index.add_index(field_name="sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25")
				client.create_collection(NAME, schema=schema, index_params=index)
				client.insert(NAME, [{"id": 1, "text": "A lazy dog sleeps", "dense": [0.1, 0.2, 0.3, 0.4], "year": 1999}])
				out({})
				""");
	}

	/** The ids pymilvus finds searching the BM25 field by text. */
	@SuppressWarnings("unchecked")
	static List<Long> pymilvusSearchesByText(String name, String text) {
		List<Object> ids = (List<Object>) pymilvus(name, """
				client.load_collection(NAME)
				hits = client.search(NAME, data=[%s], anns_field="sparse", limit=5, search_params={"metric_type": "BM25"},
				                     consistency_level="Strong")
				out([hit["id"] for hit in hits[0]])
				""".formatted(Json.write(text, "text")));
		return ids.stream().map((id) -> ((Number) id).longValue()).toList();
	}

	static CollectionSchema ourBm25Schema(String name) {
		return CollectionSchema.builder(name)
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.builder("text", DataType.VARCHAR).maxLength(1000).enableAnalyzer(true)
				.analyzerParams(ANALYZER).enableMatch(true).build())
			.field(FieldSchema.sparseVector("sparse"))
			.field(FieldSchema.floatVector("dense", 4))
			.function(SchemaFunction.bm25("text_bm25", "text", "sparse"))
			.build();
	}

	static void indexAndLoad(String name) {
		client.createIndex(IndexParams.builder(name, "dense").indexType(IndexType.FLAT).metric(MetricType.L2).build());
		client.createIndex(IndexParams.builder(name, "sparse").indexType(IndexType.SPARSE_INVERTED_INDEX)
			.metric(MetricType.BM25).build());
		client.loadCollection(name);
	}

	@Test
	void describesThePymilvusBm25CollectionWithItsFunctionAndAnalyzer() {
		String name = names.collection("py_bm25");
		pymilvusCreatesBm25Collection(name);

		CollectionSchema schema = client.describeCollection(name).schema();
		assertFunctionAndAnalyzer(schema);
		assertThat(schema.isDynamicFieldEnabled()).isTrue();
	}

	/** What every server describes of the BM25 collection (the function list aside: see the Lite 2.5 test). */
	void assertFunctionAndAnalyzer(CollectionSchema schema) {
		FieldSchema text = schema.field("text");
		assertThat(text.enableAnalyzer()).isTrue();
		assertThat(text.enableMatch()).isTrue();
		assertThat(text.analyzerParams()).isEqualTo(ANALYZER);
		assertThat(text.maxLength()).isEqualTo(1000);
		assertThat(schema.field("sparse").isFunctionOutput()).isTrue();
		assertThat(schema.field("dense").isFunctionOutput()).isFalse();
		assertThat(schema.functions()).containsExactly(SchemaFunction.bm25("text_bm25", "text", "sparse"));
	}

	@Test
	void writesTextRowsIntoThePymilvusBm25CollectionAndPymilvusFindsThemByText() {
		String name = names.collection("py_bm25_write");
		pymilvusCreatesBm25Collection(name);

		client.insert(name, List.of(Map.of("id", 2L, "text", "The quick brown FOX jumps", "dense", new float[4],
				"year", 2020L), Map.of("id", 3L, "text", "foxes and hounds", "dense", new float[4], "year", 2021L)));

		assertThat(pymilvusSearchesByText(name, "fox")).first().isEqualTo(2L);
		assertThat(pymilvusSearchesByText(name, "lazy dog")).first().isEqualTo(1L);
	}

	@Test
	void refusesARowThatGivesTheFunctionOutputNamingTheField() {
		String name = names.collection("py_bm25_refuse");
		pymilvusCreatesBm25Collection(name);

		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.insert(name, List.of(Map.of("id", 4L, "text", "x", "dense", new float[4],
					"year", 1L, "sparse", new dev.milvusboot.client.data.SparseVector(new int[] { 3 },
							new float[] { 0.5f })))))
			.withMessageContaining("field 'sparse'");
	}

	@Test
	void ourBm25CollectionIsDescribedAsCreatedAndPymilvusFindsOurRowsByText() {
		String name = names.collection("ours_bm25");
		CollectionSchema schema = ourBm25Schema(name);
		client.createCollection(schema);
		indexAndLoad(name);
		client.insert(name, List.of(Map.of("id", 7L, "text", "Milvus stores vectors", "dense", new float[4]),
				Map.of("id", 8L, "text", "a fox in the forest", "dense", new float[4])));

		assertDescribedAsCreated(schema, client.describeCollection(name).schema());
		assertThat(pymilvusSearchesByText(name, "forest fox")).first().isEqualTo(8L);
	}

	/** Milvus Lite 3.2 describes the schema as created. */
	void assertDescribedAsCreated(CollectionSchema created, CollectionSchema described) {
		assertThat(described).isEqualTo(created);
	}

	@Test
	void aCollectionCreatedFromThePymilvusDescriptionHasTheSameSchema() {
		String original = names.collection("py_round");
		pymilvusCreatesBm25Collection(original);
		CollectionSchema described = client.describeCollection(original).schema();

		String copy = names.collection("py_round_copy");
		client.createCollection(copyable(described, copy));

		assertThat(client.describeCollection(copy).schema()).isEqualTo(described.withName(copy));
		indexAndLoad(copy);
		client.insert(copy, List.of(Map.of("id", 1L, "text", "copied fox", "dense", new float[4], "year", 1L)));
		assertThat(pymilvusSearchesByText(copy, "fox")).containsExactly(1L);
	}

	/** The description as a schema to create: as it is (Milvus Lite 3.2 describes the functions). */
	CollectionSchema copyable(CollectionSchema described, String copy) {
		return described.withName(copy);
	}

	@Test
	void partitionKeyWithItsNumberOfPartitionsAndClusteringKeyAreDescribed() {
		String name = names.collection("keys");
		CollectionSchema schema = CollectionSchema.builder(name)
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.floatVector("dense", 4))
			.field(FieldSchema.builder("tenant", DataType.VARCHAR).maxLength(32).partitionKey(true).build())
			.field(FieldSchema.builder("year", DataType.INT64).clusteringKey(true).build())
			.build();
		client.createCollection(schema,
				dev.milvusboot.client.admin.CreateCollectionOptions.builder().numPartitions(8).build());

		CollectionDescription description = client.describeCollection(name);
		assertThat(description.schema().field("tenant").isPartitionKey()).isTrue();
		assertPartitionsAndClusteringKey(description, 8);
	}

	/**
	 * Milvus Lite 3.2 ignores the number asked (pymilvus' {@code num_partitions=8} gets the same): it always makes
	 * 16 partition-key partitions and counts its {@code _default} one among them; and it keeps no clustering key
	 * (describe drops {@code is_clustering_key}).
	 */
	void assertPartitionsAndClusteringKey(CollectionDescription description, int asked) {
		assertThat(description.schema().field("year").isClusteringKey()).isFalse();
		assertThat(description.numPartitions()).isNotEqualTo(asked).isEqualTo(16 + 1);
	}

	static CollectionSchema nullableAndDefault(String name) {
		return CollectionSchema.builder(name)
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.floatVector("dense", 4))
			.field(FieldSchema.builder("note", DataType.VARCHAR).maxLength(32).nullable(true).build())
			.field(FieldSchema.builder("year", DataType.INT64).defaultValue(2000L).build())
			.build();
	}

	@Test
	void aRowWithoutANullableFieldReadsBackNullAndWithoutADefaultedFieldTheDefault() {
		String name = names.collection("null_default");
		CollectionSchema schema = nullableAndDefault(name);
		client.createCollection(schema);
		assertThat(client.describeCollection(name).schema()).isEqualTo(schema);
		client.createIndex(IndexParams.builder(name, "dense").indexType(IndexType.FLAT).metric(MetricType.L2).build());
		client.loadCollection(name);

		client.insert(name, List.of(Map.of("id", 1L, "dense", new float[4]),
				Map.of("id", 2L, "dense", new float[4], "note", "given", "year", 1990L)));

		List<dev.milvusboot.client.data.Row> rows = client.get(name, List.of(1L, 2L), "note", "year");
		assertThat(rows).hasSize(2);
		dev.milvusboot.client.data.Row first = rows.stream().filter((row) -> row.getLong("id") == 1L).findFirst()
			.orElseThrow();
		dev.milvusboot.client.data.Row second = rows.stream().filter((row) -> row.getLong("id") == 2L).findFirst()
			.orElseThrow();
		assertThat(first.get("note")).isNull();
		assertThat(first.getLong("year")).isEqualTo(2000L);
		assertThat(second.getString("note")).isEqualTo("given");
		assertThat(second.getLong("year")).isEqualTo(1990L);
	}

}
