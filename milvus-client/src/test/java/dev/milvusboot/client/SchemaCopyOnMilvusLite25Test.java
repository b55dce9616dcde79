package dev.milvusboot.client;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.SchemaFunction;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SchemaCopyTest} against Milvus Lite 2.5 (Milvus's own C++ engine), without the nullable fields it refuses
 * ("MilvusLite doesn't support nullable"). It describes no functions (only the {@code is_function_output} flag of
 * their output fields), so the copy adds the BM25 function back; it keeps the multi-analyzer settings and the
 * clustering key, and the descriptions of the collection and its fields.
 */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class SchemaCopyOnMilvusLite25Test extends SchemaCopyTest {

	@RegisterExtension
	static final BeforeAllCallback PYMILVUS = pymilvusOfMilvusLite3();

	@Override
	boolean nullableFields() {
		return false;
	}

	@Override
	CollectionSchema copyable(CollectionSchema described, String copy) {
		assertThat(described.functions()).isEmpty();
		return described.toBuilder(copy).function(SchemaFunction.bm25("text_bm25", "text", "sparse")).build();
	}

	@Override
	@SuppressWarnings("unchecked")
	void assertWhatTheServerKept(Map<String, Object> description) {
		assertThat(description).containsEntry("enable_dynamic_field", true)
			.containsEntry("description", "made by pymilvus");
		Map<String, Map<String, Object>> fields = fields(description);
		assertThat((Map<String, Object>) fields.get("text").get("params")).containsEntry("enable_analyzer", "true")
			.containsEntry("enable_match", "true")
			.containsEntry("analyzer_params", Map.of("tokenizer", "standard", "filter", List.of("lowercase")));
		assertThat((Map<String, Object>) fields.get("body").get("params")).containsEntry("multi_analyzer_params",
				Map.of("analyzers", Map.of("english", Map.of("type", "english"), "default",
						Map.of("tokenizer", "standard")), "by_field", "lang", "alias", Map.of("en", "english")));
		assertThat(fields.get("id")).containsEntry("description", "the key");
		assertThat(fields.get("sparse")).containsEntry("is_function_output", true);
		assertThat(fields.get("tenant")).containsEntry("is_partition_key", true);
		assertThat(fields.get("year")).containsEntry("is_clustering_key", true);
		assertThat(fields.get("rating")).containsEntry("default_value", Map.of("long_data", "3"));
		assertThat(fields.get("label")).containsEntry("default_value", Map.of("string_data", "none"));
		assertThat((List<Object>) description.get("functions")).isEmpty();
		// It reports no number of partitions (and has no ShowPartitions).
		assertThat(description.get("num_partitions")).isEqualTo(0L);
	}

}
