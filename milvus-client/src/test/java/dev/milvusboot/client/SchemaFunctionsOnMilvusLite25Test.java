package dev.milvusboot.client;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.exception.MilvusUnsupportedException;
import dev.milvusboot.client.schema.CollectionDescription;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.SchemaFunction;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link SchemaFunctionsTest} against Milvus Lite 2.5 (Milvus's own C++ engine): it describes no functions, only
 * the {@code is_function_output} flag of their output fields, which is what our writes then go by.
 */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class SchemaFunctionsOnMilvusLite25Test extends SchemaFunctionsTest {

	@RegisterExtension
	static final BeforeAllCallback PYMILVUS = pymilvusOfMilvusLite3();

	@Override
	void assertFunctionAndAnalyzer(CollectionSchema schema) {
		assertThat(schema.functions()).isEmpty();
		assertThat(schema.field("sparse").isFunctionOutput()).isTrue();
		assertThat(schema.field("text").enableAnalyzer()).isTrue();
		assertThat(schema.field("text").enableMatch()).isTrue();
		assertThat(schema.field("text").analyzerParams()).isEqualTo(ANALYZER);
	}

	@Override
	void assertDescribedAsCreated(CollectionSchema created, CollectionSchema described) {
		assertThat(described.functions()).isEmpty();
		assertThat(described.fields()).isEqualTo(created.fields());
	}

	/** Milvus Lite 2.5 keeps the clustering key but reports no number of partitions (and has no ShowPartitions). */
	@Override
	void assertPartitionsAndClusteringKey(CollectionDescription description, int asked) {
		assertThat(description.schema().field("year").isClusteringKey()).isTrue();
		assertThat(description.numPartitions()).isZero();
	}

	/**
	 * The description lacks the function, and a function output no function fills is refused before anything is
	 * sent; with the function added back the copy describes as the original.
	 */
	@Override
	CollectionSchema copyable(CollectionSchema described, String copy) {
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.createCollection(described.withName(copy)))
			.withMessageContaining("field 'sparse' is a function output, but no function of the schema fills it");
		assertThat(client.hasCollection(copy)).isFalse();
		return described.toBuilder(copy).function(SchemaFunction.bm25("text_bm25", "text", "sparse")).build();
	}

	@Test
	@Override
	void aRowWithoutANullableFieldReadsBackNullAndWithoutADefaultedFieldTheDefault() {
		ServerLacks.skip(ServerLacks.LITE_25, "nullable fields",
				() -> client.createCollection(nullableAndDefault(names.collection("nullable"))));
	}

	/**
	 * Milvus Lite 2.5 keeps default values but crashes (segmentation fault) on a row that leaves such a field out:
	 * the client refuses that row before sending, and the server keeps answering.
	 */
	@Test
	void aRowLeavingOutADefaultedFieldIsRefusedBeforeItCanCrashTheServer() {
		String name = names.collection("defaults");
		CollectionSchema schema = CollectionSchema.builder(name)
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.floatVector("dense", 4))
			.field(FieldSchema.builder("year", DataType.INT64).defaultValue(2000L).build())
			.build();
		client.createCollection(schema);
		assertThat(client.describeCollection(name).schema()).isEqualTo(schema);

		assertThatExceptionOfType(MilvusUnsupportedException.class)
			.isThrownBy(() -> client.insert(name, List.of(Map.of("id", 1L, "dense", new float[4]))))
			.withMessageContaining("row 0 leaves out field 'year', which has a default value");
		client.insert(name, List.of(Map.of("id", 2L, "dense", new float[4], "year", 1990L)));
		assertThat(client.hasCollection(name)).isTrue();
	}

}
