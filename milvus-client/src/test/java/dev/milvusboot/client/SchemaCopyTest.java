package dev.milvusboot.client;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.milvusboot.client.admin.CreateCollectionOptions;
import dev.milvusboot.client.internal.codec.Json;
import dev.milvusboot.client.schema.CollectionDescription;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.local.junit.MilvusLiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A collection made by pymilvus with everything a schema can hold (a BM25 function, analyzer settings, a
 * multi-analyzer field, {@code enable_match}, a clustering key, a partition key with its number of partitions,
 * nullable and default values, arrays, JSON, the dynamic field), described by our client and created again from
 * that description: pymilvus then describes both collections, and the descriptions are equal apart from names,
 * ids and timestamps. Run on Milvus Lite 3.2; the Milvus Lite 2.5 subclass leaves out what that server lacks.
 */
@MilvusLiteTest
class SchemaCopyTest extends PymilvusTestSupport {

	/** Whether the server has nullable fields (Milvus Lite 2.5 refuses them). */
	boolean nullableFields() {
		return true;
	}

	/** pymilvus creates the collection with every schema feature the server takes. */
	void pymilvusCreates(String name) {
		pymilvus(name, "NULLABLE = " + (nullableFields() ? "True" : "False") + "\n" + """
				schema = client.create_schema(auto_id=False, enable_dynamic_field=True, description="made by pymilvus")
				schema.add_field("id", DataType.INT64, is_primary=True, description="the key")
				schema.add_field("dense", DataType.FLOAT_VECTOR, dim=4)
				schema.add_field("text", DataType.VARCHAR, max_length=1000, enable_analyzer=True, enable_match=True,
				                 analyzer_params={"tokenizer": "standard", "filter": ["lowercase"]})
				schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
				schema.add_field("lang", DataType.VARCHAR, max_length=16)
				schema.add_field("body", DataType.VARCHAR, max_length=1000, enable_analyzer=True,
				                 multi_analyzer_params={
				                     "analyzers": {"english": {"type": "english"}, "default": {"tokenizer": "standard"}},
				                     "by_field": "lang", "alias": {"en": "english"}})
				schema.add_field("tenant", DataType.VARCHAR, max_length=32, is_partition_key=True)
				schema.add_field("year", DataType.INT64, is_clustering_key=True)
				schema.add_field("rating", DataType.INT64, default_value=3)
				schema.add_field("label", DataType.VARCHAR, max_length=16, default_value="none")
				schema.add_field("tags", DataType.ARRAY, element_type=DataType.VARCHAR, max_capacity=8, max_length=16)
				schema.add_field("meta", DataType.JSON)
				if NULLABLE:
				    schema.add_field("note", DataType.VARCHAR, max_length=64, nullable=True)
				    schema.add_field("score", DataType.DOUBLE, nullable=True, default_value=0.5)
				schema.add_function(Function(name="text_bm25", function_type=FunctionType.BM25,
				                             input_field_names=["text"], output_field_names=["sparse"]))
				client.create_collection(NAME, schema=schema, num_partitions=16)
				out({})
				""");
	}

	/**
	 * What pymilvus describes of both collections, each without its name, ids and timestamps; JSON-valued field
	 * parameters (analyzer settings) are parsed, so that their spacing does not count.
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> pymilvusDescribes(String original, String copy) {
		return (Map<String, Object>) PymilvusScript.run(python, lite.uri(), "ORIGINAL = "
				+ Json.write(original, "original") + "\nCOPY = " + Json.write(copy, "copy") + "\n" + """
				IDS = {"collection_name", "collection_id", "created_timestamp", "update_timestamp", "field_id", "id",
				       "input_field_ids", "output_field_ids"}
				def strip(value):
				    if isinstance(value, dict):
				        return {k: strip(v) for k, v in value.items() if k not in IDS}
				    if isinstance(value, list):
				        return [strip(v) for v in value]
				    if isinstance(value, str) and value[:1] in "{[":
				        try:
				            return json.loads(value)
				        except ValueError:
				            return value
				    return value
				def plain(value):
				    if hasattr(value, "ListFields"):
				        return msg(value)
				    try:
				        return list(value)
				    except TypeError:
				        return str(value)
				def describe(name):
				    return strip(json.loads(json.dumps(client.describe_collection(name), default=plain)))
				out({"original": describe(ORIGINAL), "copy": describe(COPY)})
				""");
	}

	/** The schema to create from our description: as described (Milvus Lite 3.2 describes the functions). */
	CollectionSchema copyable(CollectionSchema described, String copy) {
		return described.toBuilder(copy).build();
	}

	/** The options of the copy, taken from the description. */
	static CreateCollectionOptions options(CollectionDescription description) {
		CreateCollectionOptions.Builder options = CreateCollectionOptions.builder()
			.numPartitions((int) description.numPartitions())
			.properties(description.properties());
		if (description.shards() > 0) {
			options.shards(description.shards());
		}
		if (description.consistencyLevel() != null) {
			options.consistencyLevel(description.consistencyLevel());
		}
		return options.build();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aCollectionCreatedFromOurDescriptionOfAPymilvusCollectionIsDescribedIdenticallyByPymilvus() {
		String original = names.collection("py_full");
		pymilvusCreates(original);
		CollectionDescription described = client.describeCollection(original);

		String copy = names.collection("py_full_copy");
		client.createCollection(copyable(described.schema(), copy), options(described));

		Map<String, Object> descriptions = pymilvusDescribes(original, copy);
		Map<String, Object> theirs = (Map<String, Object>) descriptions.get("original");
		assertThat(descriptions.get("copy")).isEqualTo(theirs);
		assertThat(client.describeCollection(copy).schema()).isEqualTo(described.schema().withName(copy));
		assertWhatTheServerKept(theirs);
	}

	/** The description is not trivially equal: it holds what the server keeps of pymilvus' schema. */
	@SuppressWarnings("unchecked")
	void assertWhatTheServerKept(Map<String, Object> description) {
		// Milvus Lite 3.2 drops the descriptions of the collection and its fields.
		assertThat(description).containsEntry("enable_dynamic_field", true).containsEntry("description", "");
		Map<String, Map<String, Object>> fields = fields(description);
		assertThat(fields.get("text").get("params")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("enable_analyzer", "true")
			.containsEntry("enable_match", "true")
			.containsEntry("analyzer_params", Map.of("tokenizer", "standard", "filter", List.of("lowercase")));
		assertThat(fields.get("sparse")).containsEntry("is_function_output", true);
		assertThat(fields.get("tenant")).containsEntry("is_partition_key", true);
		assertThat(fields.get("rating")).containsEntry("default_value", Map.of("long_data", "3"));
		assertThat(fields.get("label")).containsEntry("default_value", Map.of("string_data", "none"));
		assertThat(fields.get("id")).containsEntry("description", "");
		assertThat(fields.get("note")).containsEntry("nullable", true);
		assertThat(fields.get("score")).containsEntry("nullable", true)
			.containsEntry("default_value", Map.of("double_data", 0.5));
		assertThat((List<Map<String, Object>>) description.get("functions")).singleElement()
			.satisfies((function) -> assertThat(function).containsEntry("name", "text_bm25")
				.containsEntry("input_field_names", List.of("text"))
				.containsEntry("output_field_names", List.of("sparse")));
		// Milvus Lite 3.2 keeps neither the multi-analyzer settings nor the clustering key (see docs/compatibility.md).
		assertThat((Map<String, Object>) fields.get("body").get("params")).doesNotContainKey("multi_analyzer_params");
		assertThat(fields.get("year")).doesNotContainKey("is_clustering_key");
		// It makes 16 partition-key partitions whatever is asked and counts its _default one among them.
		assertThat(description.get("num_partitions")).isEqualTo(17L);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Map<String, Object>> fields(Map<String, Object> description) {
		Map<String, Map<String, Object>> fields = new java.util.LinkedHashMap<>();
		for (Object field : (List<Object>) description.get("fields")) {
			Map<String, Object> map = (Map<String, Object>) field;
			fields.put((String) map.get("name"), map);
		}
		return fields;
	}

}
