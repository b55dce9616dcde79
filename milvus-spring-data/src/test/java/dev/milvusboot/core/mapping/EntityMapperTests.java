package dev.milvusboot.core.mapping;

import java.util.List;
import java.util.Map;

import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EntityMapperTests {

	private final EntityMapper mapper = new EntityMapper();

	@MilvusCollection("articles")
	record Article(@MilvusId long id, @MilvusField(maxLength = 200) String title, int year, double rating,
			boolean published, @MilvusVector(dimension = 4, metric = MetricType.L2, indexType = IndexType.HNSW) float[] embedding) {
	}

	static class Note {

		@MilvusId(autoId = true)
		Long id;

		@MilvusVector(dimension = 2)
		float[] vector;

		String text;

		@MilvusField(ignore = true)
		String scratch;

		Map<String, Object> extra;

	}

	record NoId(@MilvusVector(dimension = 2) float[] vector) {
	}

	record TwoVectors(@MilvusId long id, @MilvusVector(dimension = 2) float[] a, @MilvusVector(dimension = 2) float[] b) {
	}

	record WrongVector(@MilvusId long id, @MilvusVector(dimension = 2) double[] vector) {
	}

	record UnsupportedType(@MilvusId long id, @MilvusVector(dimension = 2) float[] vector, java.time.Duration when) {
	}

	@Test
	void whenARecordIsAnnotatedThenItsSchemaHasEveryComponentWithItsType() {
		EntityMetadata<Article> metadata = this.mapper.metadata(Article.class);
		CollectionSchema schema = metadata.schema();
		assertThat(schema.name()).isEqualTo("articles");
		assertThat(schema.primaryKey().name()).isEqualTo("id");
		assertThat(schema.primaryKey().isAutoId()).isFalse();
		assertThat(schema.field("title").dataType()).isEqualTo(DataType.VARCHAR);
		assertThat(schema.field("title").maxLength()).isEqualTo(200);
		assertThat(schema.field("year").dataType()).isEqualTo(DataType.INT32);
		assertThat(schema.field("rating").dataType()).isEqualTo(DataType.DOUBLE);
		assertThat(schema.field("published").dataType()).isEqualTo(DataType.BOOL);
		assertThat(schema.field("embedding").dimension()).isEqualTo(4);
		assertThat(metadata.index().metricType()).isEqualTo("L2");
		assertThat(metadata.index().indexType()).isEqualTo("HNSW");
	}

	@Test
	void whenARecordGoesToARowAndBackThenItIsEqualInValue() {
		EntityMetadata<Article> metadata = this.mapper.metadata(Article.class);
		Article article = new Article(7, "Vectors", 2024, 4.5, true, new float[] { 1, 2, 3, 4 });
		Map<String, Object> row = metadata.toRow(article);
		assertThat(row).containsKeys("id", "title", "year", "rating", "published", "embedding");
		Article back = metadata.fromRow(Row.of(row));
		assertThat(back.id()).isEqualTo(7);
		assertThat(back.title()).isEqualTo("Vectors");
		assertThat(back.embedding()).containsExactly(1, 2, 3, 4);
		assertThat(back.rating()).isEqualTo(4.5);
	}

	@Test
	void whenAClassHasAnAutoIdThenTheIdIsLeftOutOfRowsAndSetAfterwards() {
		EntityMetadata<Note> metadata = this.mapper.metadata(Note.class);
		assertThat(metadata.collection()).isEqualTo("note");
		Note note = new Note();
		note.vector = new float[] { 1, 2 };
		note.text = "hello";
		note.scratch = "not stored";
		assertThat(metadata.toRow(note)).containsOnlyKeys("vector", "text", "extra");
		metadata.setGeneratedId(note, 42L);
		assertThat(note.id).isEqualTo(42L);
		assertThat(metadata.schema().field("extra").dataType()).isEqualTo(DataType.JSON);
		Note read = metadata.fromRow(Row.of("id", 5L, "vector", new float[] { 3, 4 }, "text", "t", "extra", "{\"a\":1}"));
		assertThat(read.extra).containsEntry("a", 1);
	}

	@Test
	void whenATypeCannotBeMappedThenTheMessageNamesTheTypeAndMember() {
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> this.mapper.metadata(NoId.class))
			.withMessageContaining("NoId needs a @MilvusId");
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> this.mapper.metadata(WrongVector.class))
			.withMessageContaining("'vector'").withMessageContaining("must be a float[]");
		assertThatExceptionOfType(MappingException.class)
			.isThrownBy(() -> this.mapper.metadata(UnsupportedType.class))
			.withMessageContaining("'when'").withMessageContaining("java.time.Duration");
	}

	@Test
	void whenAnEntityHasTwoVectorsThenSearchesWithoutAFieldNameAreRefusedNamingTheEntity() {
		EntityMetadata<TwoVectors> metadata = this.mapper.metadata(TwoVectors.class);
		assertThat(metadata.vectorFields()).containsExactly("a", "b");
		assertThat(metadata.vectorField("b")).isEqualTo("b");
		assertThat(metadata.indexes()).extracting(IndexParams::fieldName).containsExactly("a", "b");
		assertThatExceptionOfType(MappingException.class).isThrownBy(metadata::vectorField)
			.withMessageContaining(TwoVectors.class.getName())
			.withMessageContaining("several @MilvusVector members [a, b]");
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> metadata.vectorField("c"))
			.withMessageContaining(TwoVectors.class.getName())
			.withMessageContaining("no vector field 'c'");
	}

	@Test
	void whenTheSameTypeIsMappedTwiceThenTheMetadataIsReused() {
		assertThat(this.mapper.metadata(Article.class)).isSameAs(this.mapper.metadata(Article.class));
		assertThat(List.of(this.mapper.metadata(Article.class).fieldNames()))
			.containsExactly(List.of("id", "title", "year", "rating", "published", "embedding"));
	}

}
