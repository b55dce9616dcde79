package dev.milvusboot.client.internal.codec;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.internal.proto.FunctionType;
import dev.milvusboot.client.internal.proto.InsertRequest;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.SchemaFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Schema functions, analyzer settings and key flags on the wire, and what writes do with function outputs; the
 * servers' own answers are in the {@code SchemaFunctions*Test} classes.
 */
class SchemaCodecFunctionsTest {

	static final Map<String, Object> ANALYZER = Map.of("tokenizer", "standard", "filter", List.of("lowercase"));

	static CollectionSchema bm25Schema(String name) {
		return CollectionSchema.builder(name)
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.builder("text", DataType.VARCHAR).maxLength(1000)
				.enableAnalyzer(true).analyzerParams(ANALYZER).enableMatch(true).build())
			.field(FieldSchema.sparseVector("sparse"))
			.field(FieldSchema.floatVector("dense", 4))
			.function(SchemaFunction.bm25("text_bm25", "text", "sparse"))
			.build();
	}

	@Test
	void theOutputOfAFunctionIsMarkedAndNotWritable() {
		CollectionSchema schema = bm25Schema("docs");
		assertThat(schema.field("sparse").isFunctionOutput()).isTrue();
		assertThat(schema.field("text").isFunctionOutput()).isFalse();
		assertThat(schema.writableFields()).extracting(FieldSchema::name).containsExactly("id", "text", "dense");
		assertThat(schema.functionFilling("sparse")).isEqualTo(SchemaFunction.bm25("text_bm25", "text", "sparse"));
	}

	@Test
	void fieldsAndFunctionsTravelAsPymilvusSendsThem() {
		dev.milvusboot.client.internal.proto.CollectionSchema proto = SchemaCodec.toProto(bm25Schema("docs"));
		dev.milvusboot.client.internal.proto.FieldSchema text = proto.getFields(1);
		assertThat(SchemaCodec.toMap(text.getTypeParamsList())).containsEntry("max_length", "1000")
			.containsEntry("enable_analyzer", "true")
			.containsEntry("enable_match", "true");
		assertThat(Json.parse(SchemaCodec.toMap(text.getTypeParamsList()).get("analyzer_params"))).isEqualTo(ANALYZER);
		assertThat(proto.getFields(2).getIsFunctionOutput()).isTrue();
		assertThat(proto.getFunctions(0).getType()).isEqualTo(FunctionType.BM25);
		assertThat(proto.getFunctions(0).getInputFieldNamesList()).containsExactly("text");
		assertThat(proto.getFunctions(0).getOutputFieldNamesList()).containsExactly("sparse");
		assertThat(SchemaCodec.fromProto(proto, "docs")).isEqualTo(bm25Schema("docs"));
	}

	@Test
	void aFunctionOfAnotherTypePassesThroughWithItsParameters() {
		CollectionSchema schema = CollectionSchema.builder("docs")
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.varchar("text", 100))
			.field(FieldSchema.floatVector("dense", 4))
			.function(SchemaFunction.builder("embed", "TextEmbedding").inputField("text").outputField("dense")
				.param("provider", "openai").param("model_name", "text-embedding-3-small").build())
			.build();
		dev.milvusboot.client.internal.proto.CollectionSchema proto = SchemaCodec.toProto(schema);
		assertThat(proto.getFunctions(0).getType()).isEqualTo(FunctionType.TextEmbedding);
		assertThat(SchemaCodec.toMap(proto.getFunctions(0).getParamsList()))
			.containsExactly(Map.entry("provider", "openai"), Map.entry("model_name", "text-embedding-3-small"));
		assertThat(SchemaCodec.fromProto(proto, "docs")).isEqualTo(schema);
		assertThat(SchemaCodec.fromProto(proto.toBuilder().setFunctions(0,
				proto.getFunctions(0).toBuilder().setTypeValue(99)).build(), "docs").functions().get(0).type())
			.isEqualTo("99");
	}

	@Test
	void aServerThatDescribesNoFunctionsStillMarksTheOutputField() throws Exception {
		// Milvus Lite 2.5: no functions, the output field flagged is_function_output.
		dev.milvusboot.client.internal.proto.CollectionSchema proto = SchemaCodec.toProto(bm25Schema("docs"))
			.toBuilder().clearFunctions().build();
		CollectionSchema schema = SchemaCodec.fromProto(proto, "docs");
		assertThat(schema.functions()).isEmpty();
		assertThat(schema.field("sparse").isFunctionOutput()).isTrue();
		List<EncodedWrite> write = RowEncoder.encode(false, null, schema,
				List.of(Map.of("id", 1L, "text", "a fox", "dense", new float[4])), 1 << 20);
		assertThat(fieldNames(write)).containsExactlyInAnyOrder("id", "text", "dense");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> RowEncoder.encode(false, null, schema, List.of(Map.of("id", 1L, "text", "a",
					"dense", new float[4], "sparse", new dev.milvusboot.client.data.SparseVector(new int[] { 1 },
							new float[] { 1 }))), 1 << 20))
			.withMessageContaining("field 'sparse'")
			.withMessageContaining("is_function_output");
	}

	@Test
	void writesSkipTheFunctionOutputAndRefuseARowThatGivesIt() throws Exception {
		CollectionSchema schema = bm25Schema("docs");
		List<EncodedWrite> write = RowEncoder.encode(false, null, schema,
				List.of(Map.of("id", 1L, "text", "a fox", "dense", new float[4])), 1 << 20);
		assertThat(fieldNames(write)).containsExactlyInAnyOrder("id", "text", "dense");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> RowEncoder.encode(false, null, schema, List.of(Map.of("id", 1L, "text", "a",
					"dense", new float[4], "sparse", "anything")), 1 << 20))
			.withMessageContaining("row 0 gives a value for field 'sparse'")
			.withMessageContaining("'text_bm25' (BM25)");
	}

	@Test
	void functionsNamingMissingOrWrongFieldsAreRefusedNamingThem() {
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> CollectionSchema.builder("docs").field(FieldSchema.int64Id("id", false))
				.field(FieldSchema.sparseVector("sparse"))
				.function(SchemaFunction.bm25("f", "body", "sparse")).build())
			.withMessageContaining("input field 'body'");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> CollectionSchema.builder("docs").field(FieldSchema.int64Id("id", false))
				.field(FieldSchema.varchar("text", 10)).field(FieldSchema.sparseVector("sparse"))
				.function(SchemaFunction.bm25("f", "text", "sparse")).build())
			.withMessageContaining("input field 'text' must be a VARCHAR field with the analyzer enabled");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> CollectionSchema.builder("docs").field(FieldSchema.int64Id("id", false))
				.field(FieldSchema.analyzedText("text", 10, Map.of())).field(FieldSchema.floatVector("v", 4))
				.function(SchemaFunction.bm25("f", "text", "v")).build())
			.withMessageContaining("output field 'v' must be a SPARSE_FLOAT_VECTOR field");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> FieldSchema.builder("n", DataType.INT64).enableAnalyzer(true).build())
			.withMessageContaining("Field 'n' of type INT64 cannot have analyzer");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> SchemaFunction.builder("f", "BM25").inputField("a").inputField("b").outputField("c")
				.build())
			.withMessageContaining("BM25 function 'f' needs exactly one input");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> SchemaCodec.toProto(CollectionSchema.builder("docs")
				.field(FieldSchema.int64Id("id", false)).field(FieldSchema.varchar("t", 9))
				.field(FieldSchema.floatVector("v", 4))
				.function(SchemaFunction.builder("f", "NoSuchType").inputField("t").outputField("v").build())
				.build()))
			.withMessageContaining("Function 'f' has type 'NoSuchType'");
	}

	private static List<String> fieldNames(List<EncodedWrite> write) throws Exception {
		return InsertRequest.parseFrom(write.get(0).toByteArray()).getFieldsDataList().stream()
			.map(dev.milvusboot.client.internal.proto.FieldData::getFieldName).toList();
	}

}
