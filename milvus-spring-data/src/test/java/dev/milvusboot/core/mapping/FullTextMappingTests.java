package dev.milvusboot.core.mapping;

import java.util.List;
import java.util.Map;

import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.data.SparseVector;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.MetricType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The mapping of full-text fields, sparse vectors, several dense vectors, arrays and JSON (maps and records) to
 * schemas, indexes and rows, and the mistakes it refuses, naming the entity and member.
 */
class FullTextMappingTests {

	private final EntityMapper mapper = new EntityMapper();

	record Address(String city, int zip, List<String> lines) {
	}

	@MilvusCollection("papers")
	record Paper(@MilvusId long id,
			@MilvusFullText(output = "body_sparse", enableMatch = true) @MilvusField(maxLength = 2000) String body,
			@MilvusVector(dimension = 4, metric = MetricType.L2) float[] titleVector,
			@MilvusVector(dimension = 2) float[] bodyVector, @MilvusSparseVector SparseVector learned,
			@MilvusField(maxCapacity = 8, maxLength = 20) List<String> tags, List<Short> scores,
			Map<String, Object> meta, Address address, SparseVector body_sparse) {
	}

	static class Post {

		@MilvusId(autoId = true)
		Long id;

		@MilvusFullText
		String body;

		@MilvusVector(dimension = 2)
		float[] vector;

		List<Double> weights;

		Address address;

		SparseVector body_sparse;

	}

	record EnglishText(@MilvusId String id, @MilvusFullText(analyzer = "english") String text,
			@MilvusFullText(analyzerParams = "{\"tokenizer\": \"jieba\"}", function = "zh_fn") String chinese) {
	}

	record UnannotatedSparse(@MilvusId long id, @MilvusVector(dimension = 2) float[] v, SparseVector loose) {
	}

	record OutputNameTaken(@MilvusId long id, @MilvusFullText(output = "words") String text, String words) {
	}

	record TwoRoles(@MilvusId long id, @MilvusVector(dimension = 2) @MilvusFullText String both) {
	}

	record ListOfObjects(@MilvusId long id, @MilvusVector(dimension = 2) float[] v, List<Object> things) {
	}

	record BadAnalyzer(@MilvusId long id, @MilvusFullText(analyzerParams = "[1, 2]") String text) {
	}

	@Test
	void whenAnEntityDeclaresFullTextThenItsSchemaHasTheAnalyzedTextTheBm25FunctionAndItsSparseOutput() {
		EntityMetadata<Paper> metadata = this.mapper.metadata(Paper.class);
		CollectionSchema schema = metadata.schema();
		FieldSchema body = schema.field("body");
		assertThat(body.dataType()).isEqualTo(DataType.VARCHAR);
		assertThat(body.maxLength()).isEqualTo(2000);
		assertThat(body.enableAnalyzer()).isTrue();
		assertThat(body.enableMatch()).isTrue();
		assertThat(body.analyzerParams()).isEqualTo(Map.of("tokenizer", "standard", "filter", List.of("lowercase")));
		assertThat(schema.field("body_sparse").dataType()).isEqualTo(DataType.SPARSE_FLOAT_VECTOR);
		assertThat(schema.field("body_sparse").isFunctionOutput()).isTrue();
		assertThat(schema.functions()).singleElement().satisfies((function) -> {
			assertThat(function.isBm25()).isTrue();
			assertThat(function.name()).isEqualTo("body_bm25");
			assertThat(function.inputFields()).containsExactly("body");
			assertThat(function.outputFields()).containsExactly("body_sparse");
		});
		assertThat(schema.field("learned").dataType()).isEqualTo(DataType.SPARSE_FLOAT_VECTOR);
		assertThat(schema.field("tags").dataType()).isEqualTo(DataType.ARRAY);
		assertThat(schema.field("tags").elementType()).isEqualTo(DataType.VARCHAR);
		assertThat(schema.field("tags").maxCapacity()).isEqualTo(8);
		assertThat(schema.field("tags").maxLength()).isEqualTo(20);
		assertThat(schema.field("scores").elementType()).isEqualTo(DataType.INT16);
		assertThat(schema.field("scores").maxCapacity()).isEqualTo(64);
		assertThat(schema.field("meta").dataType()).isEqualTo(DataType.JSON);
		assertThat(schema.field("address").dataType()).isEqualTo(DataType.JSON);
		assertThat(metadata.indexes()).extracting(IndexParams::fieldName, IndexParams::indexType,
				IndexParams::metricType)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("body_sparse", "SPARSE_INVERTED_INDEX", "BM25"),
					org.assertj.core.groups.Tuple.tuple("titleVector", "AUTOINDEX", "L2"),
					org.assertj.core.groups.Tuple.tuple("bodyVector", "AUTOINDEX", "COSINE"),
					org.assertj.core.groups.Tuple.tuple("learned", "SPARSE_INVERTED_INDEX", "IP"));
		assertThat(metadata.vectorFields()).containsExactly("titleVector", "bodyVector", "learned");
		assertThat(metadata.textSearchField()).isEqualTo("body_sparse");
		assertThat(metadata.textSearchField("body")).isEqualTo("body_sparse");
		assertThat(metadata.fieldNames()).doesNotContain("body_sparse").contains("body", "learned", "address");
	}

	@Test
	void whenAMutableClassHasFullTextAListAndARecordThenItIsMappedAndReadBackLikeARecord() {
		EntityMetadata<Post> metadata = this.mapper.metadata(Post.class);
		assertThat(metadata.textSearchField()).isEqualTo("body_sparse");
		assertThat(metadata.vectorField()).isEqualTo("vector");
		assertThat(metadata.schema().field("weights").elementType()).isEqualTo(DataType.DOUBLE);
		Post post = new Post();
		post.body = "words";
		post.vector = new float[] { 1, 2 };
		post.weights = List.of(0.5);
		post.address = new Address("Rome", 100, List.of());
		assertThat(metadata.toRow(post)).containsOnlyKeys("body", "vector", "weights", "address");
		Post back = metadata.fromRow(Row.of("id", 9L, "body", "words", "vector", new float[] { 1, 2 }, "weights",
				List.of(0.5), "address", "{\"city\": \"Rome\", \"zip\": 100, \"lines\": []}"));
		assertThat(back.id).isEqualTo(9L);
		assertThat(back.address).isEqualTo(post.address);
		assertThat(back.weights).containsExactly(0.5);
		post.body_sparse = new SparseVector(new int[] { 2 }, new float[] { 1 });
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> metadata.toRow(post))
			.withMessageContaining("'body_sparse'");
	}

	@Test
	void whenTheAnalyzerIsNamedOrGivenAsJsonThenTheSchemaCarriesIt() {
		CollectionSchema schema = this.mapper.metadata(EnglishText.class).schema();
		assertThat(schema.field("text").analyzerParams()).isEqualTo(Map.of("type", "english"));
		assertThat(schema.field("chinese").analyzerParams()).isEqualTo(Map.of("tokenizer", "jieba"));
		assertThat(schema.functions()).extracting((function) -> function.name()).containsExactly("text_bm25", "zh_fn");
		assertThatExceptionOfType(MappingException.class)
			.isThrownBy(() -> this.mapper.metadata(EnglishText.class).textSearchField())
			.withMessageContaining(EnglishText.class.getName())
			.withMessageContaining("several @MilvusFullText members [text, chinese]");
		assertThat(this.mapper.metadata(EnglishText.class).textSearchField("chinese_sparse")).isEqualTo("chinese_sparse");
	}

	@Test
	void whenAnEntityGoesToARowAndBackThenArraysJsonRecordsAndSparseVectorsKeepTheirTypes() {
		EntityMetadata<Paper> metadata = this.mapper.metadata(Paper.class);
		SparseVector learned = new SparseVector(new int[] { 3, 9 }, new float[] { 0.5f, 0.25f });
		Paper paper = new Paper(1, "text", new float[] { 1, 2, 3, 4 }, new float[] { 1, 0 }, learned,
				List.of("a", "b"), List.of((short) 7), Map.of("k", 1), new Address("Oslo", 150, List.of("x")), null);
		Map<String, Object> row = metadata.toRow(paper);
		assertThat(row).doesNotContainKey("body_sparse");
		assertThat(row.get("learned")).isSameAs(learned);
		assertThat(row.get("tags")).isEqualTo(List.of("a", "b"));
		assertThat(row.get("address")).isEqualTo(Map.of("city", "Oslo", "zip", 150, "lines", List.of("x")));
		// as Milvus answers: JSON as text, INT16 array elements as Integers
		Row answer = Row.of("id", 1L, "body", "text", "titleVector", new float[] { 1, 2, 3, 4 }, "bodyVector",
				new float[] { 1, 0 }, "learned", learned, "tags", List.of("a", "b"), "scores", List.of(7), "meta",
				"{\"k\": 1}", "address", "{\"city\": \"Oslo\", \"zip\": 150, \"lines\": [\"x\"]}");
		Paper back = metadata.fromRow(answer);
		assertThat(back.address()).isEqualTo(paper.address());
		assertThat(back.scores()).containsExactly((short) 7);
		assertThat(back.meta()).isEqualTo(Map.of("k", 1));
		assertThat(back.learned()).isEqualTo(learned);
		assertThat(back.body_sparse()).isNull();
	}

	@Test
	void whenTheBm25OutputMemberHoldsAValueThenWritingIsRefusedNamingTheField() {
		EntityMetadata<Paper> metadata = this.mapper.metadata(Paper.class);
		Paper paper = new Paper(1, "text", new float[] { 1, 2, 3, 4 }, new float[] { 1, 0 }, null, List.of(),
				List.of(), Map.of(), null, new SparseVector(new int[] { 1 }, new float[] { 1 }));
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> metadata.toRow(paper))
			.withMessageContaining("'body_sparse'")
			.withMessageContaining(Paper.class.getName())
			.withMessageContaining("BM25");
	}

	@Test
	void whenAMemberCannotBeMappedThenTheMessageNamesTheEntityAndTheMember() {
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> this.mapper.metadata(UnannotatedSparse.class))
			.withMessageContaining("'loose'")
			.withMessageContaining("@MilvusSparseVector");
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> this.mapper.metadata(OutputNameTaken.class))
			.withMessageContaining("'words'")
			.withMessageContaining("BM25 output");
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> this.mapper.metadata(TwoRoles.class))
			.withMessageContaining("'both'")
			.withMessageContaining("@MilvusVector and @MilvusFullText");
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> this.mapper.metadata(ListOfObjects.class))
			.withMessageContaining("'things'")
			.withMessageContaining("ARRAY");
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> this.mapper.metadata(BadAnalyzer.class))
			.withMessageContaining("'text'")
			.withMessageContaining("JSON object");
	}

}
