package dev.milvusboot.core.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.internal.codec.Json;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.core.mapping.MappedTypes.Address;
import dev.milvusboot.core.mapping.MappedTypes.Chosen;
import dev.milvusboot.core.mapping.MappedTypes.Event;
import dev.milvusboot.core.mapping.MappedTypes.Kind;
import dev.milvusboot.core.mapping.MappedTypes.Memo;
import dev.milvusboot.core.mapping.MappedTypes.Money;
import dev.milvusboot.core.mapping.MappedTypes.Reading;
import dev.milvusboot.core.mapping.MappedTypes.TwoVectors;
import org.junit.jupiter.api.Test;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.annotation.Id;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.domain.Vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The mapping on Spring Data's infrastructure: the Milvus type of each kind of member, the conversions of values
 * both ways (rows as Milvus returns them), the forms of classes that are read, and the mistakes refused with the
 * class and member named.
 */
class MilvusMappingTests {

	private final EntityMapper mapper = new EntityMapper(MappedTypes.conversions());

	private final MappingMilvusConverter converter = this.mapper.converter();

	static final Instant AT = Instant.parse("2026-12-06T10:15:30.123Z");

	static Event event() {
		return new Event(7, Kind.ALERT, AT, LocalDate.of(2026, 12, 6), LocalDateTime.of(2026, 1, 2, 3, 4, 5),
				UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), new Money(1234, "EUR"),
				new Address("Oslo", 150, Kind.NOTICE, AT.minusSeconds(60), List.of("a", "b")), List.of("x", "y"),
				Set.of(Kind.ALERT, Kind.DEBUG), List.of(AT, AT.plusMillis(1)), Map.of("stars", 4, "name", "n"),
				Vector.of(1f, 2f, 3f));
	}

	/** A row as Milvus returns it: JSON as text, INT16/INT32 as Integers, INT64 as Longs. */
	static Row asMilvusReturns(Map<String, Object> written, String... jsonFields) {
		Map<String, Object> row = new LinkedHashMap<>(written);
		for (String field : jsonFields) {
			row.put(field, Json.write(row.get(field), field));
		}
		return Row.of(row);
	}

	@Test
	void whenMembersNeedConversionsThenTheirMilvusTypesFollowThem() {
		CollectionSchema schema = this.mapper.metadata(Event.class).schema();
		assertThat(schema.field("kind").dataType()).isEqualTo(DataType.VARCHAR);
		assertThat(schema.field("at").dataType()).isEqualTo(DataType.INT64);
		assertThat(schema.field("day").dataType()).isEqualTo(DataType.INT64);
		assertThat(schema.field("local").dataType()).isEqualTo(DataType.INT64);
		assertThat(schema.field("ref").dataType()).isEqualTo(DataType.VARCHAR);
		assertThat(schema.field("price").dataType()).isEqualTo(DataType.VARCHAR);
		assertThat(schema.field("price").maxLength()).isEqualTo(64);
		assertThat(schema.field("address").dataType()).isEqualTo(DataType.JSON);
		assertThat(schema.field("tags").elementType()).isEqualTo(DataType.VARCHAR);
		assertThat(schema.field("kinds").dataType()).isEqualTo(DataType.ARRAY);
		assertThat(schema.field("kinds").elementType()).isEqualTo(DataType.VARCHAR);
		assertThat(schema.field("kinds").maxCapacity()).isEqualTo(4);
		assertThat(schema.field("times").elementType()).isEqualTo(DataType.INT64);
		assertThat(schema.field("extra").dataType()).isEqualTo(DataType.JSON);
		assertThat(schema.field("embedding").dataType()).isEqualTo(DataType.FLOAT_VECTOR);
		assertThat(schema.field("embedding").dimension()).isEqualTo(3);
		MilvusPersistentEntity<Event> entity = this.converter.getPersistentEntity(Event.class);
		assertThat(entity.getCollectionName()).isEqualTo("mapping_events");
		assertThat(entity.getRequiredPersistentProperty("kinds").getElementType()).isEqualTo(DataType.VARCHAR);
		assertThat(entity.getRequiredIdProperty().getFieldName()).isEqualTo("id");
	}

	@Test
	@SuppressWarnings("unchecked")
	void whenARecordIsWrittenThenEachValueIsItsMilvusValueAndItReadsBackEqual() {
		Event event = event();
		Map<String, Object> row = this.mapper.metadata(Event.class).toRow(event);
		assertThat(row.get("kind")).isEqualTo("ALERT");
		assertThat(row.get("at")).isEqualTo(AT.toEpochMilli());
		assertThat(row.get("day")).isEqualTo(LocalDate.of(2026, 12, 6).toEpochDay());
		assertThat(row.get("local")).isEqualTo(LocalDateTime.of(2026, 1, 2, 3, 4, 5).toInstant(ZoneOffset.UTC).toEpochMilli());
		assertThat(row.get("ref")).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
		assertThat(row.get("price")).isEqualTo("1234 EUR");
		assertThat(row.get("address")).isEqualTo(Map.of("city", "Oslo", "zip", 150, "kind", "NOTICE", "since",
				AT.minusSeconds(60).toEpochMilli(), "lines", List.of("a", "b")));
		assertThat((List<Object>) row.get("kinds")).containsExactlyInAnyOrder("ALERT", "DEBUG");
		assertThat(row.get("times")).isEqualTo(List.of(AT.toEpochMilli(), AT.toEpochMilli() + 1));
		assertThat(row.get("embedding")).isEqualTo(new float[] { 1, 2, 3 });
		Event back = this.mapper.metadata(Event.class).fromRow(asMilvusReturns(row, "address", "extra"));
		assertThat(back).usingRecursiveComparison().isEqualTo(event);
		assertThat(back.kinds()).isInstanceOf(Set.class);
		assertThat(back.embedding().toFloatArray()).containsExactly(1, 2, 3);
	}

	@Test
	void whenAClassHasAConstructorAndASetterThenBothAreUsedAndTransientMembersAreLeftOut() {
		Reading reading = new Reading(new UUID(3, 4), AT, Kind.NOTICE, new float[] { 1, 0 });
		reading.setNote("checked");
		EntityMetadata<Reading> metadata = this.mapper.metadata(Reading.class);
		assertThat(metadata.fieldNames()).containsExactly("id", "at", "kind", "vector", "note");
		Map<String, Object> row = metadata.toRow(reading);
		assertThat(row).containsEntry("id", new UUID(3, 4).toString())
			.containsEntry("at", AT.toEpochMilli())
			.containsEntry("kind", "NOTICE")
			.doesNotContainKey("scratch");
		assertThat(metadata.schema().primaryKey().dataType()).isEqualTo(DataType.VARCHAR);
		Reading back = metadata.fromRow(Row.of(row));
		assertThat(back).usingRecursiveComparison().isEqualTo(reading);
	}

	@Test
	void whenAClassHasSettersOnlyThenItIsReadThroughThemAndItsGeneratedIdIsSet() {
		Memo memo = new Memo();
		memo.setDue(LocalDate.of(2027, 3, 1));
		memo.setBudget(new Money(99, "NOK"));
		memo.setKinds(List.of(Kind.DEBUG, Kind.ALERT));
		memo.setVector(Vector.of(0.5f, 0.25f));
		EntityMetadata<Memo> metadata = this.mapper.metadata(Memo.class);
		Map<String, Object> row = metadata.toRow(memo);
		assertThat(row).doesNotContainKey("id").containsEntry("kinds", List.of("DEBUG", "ALERT"));
		metadata.setGeneratedId(memo, 41L);
		assertThat(memo.getId()).isEqualTo(41L);
		Map<String, Object> answer = new LinkedHashMap<>(row);
		answer.put("id", 41L);
		assertThat(metadata.fromRow(Row.of(answer))).usingRecursiveComparison().isEqualTo(memo);
	}

	@Test
	void whenAClassHasSeveralConstructorsThenThePersistenceCreatorIsUsed() {
		Chosen read = this.mapper.metadata(Chosen.class)
			.fromRow(Row.of("id", "c1", "vector", new float[] { 1, 2 }, "kind", "ALERT"));
		assertThat(read.kind).isEqualTo(Kind.ALERT);
		assertThat(read.vector).containsExactly(1, 2);
	}

	@Test
	void whenAnEntityHasTwoVectorsThenEachIsAVectorFieldWithItsIndex() {
		EntityMetadata<TwoVectors> metadata = this.mapper.metadata(TwoVectors.class);
		assertThat(metadata.vectorFields()).containsExactly("first", "second");
		assertThat(metadata.indexes()).extracting((index) -> index.metricType()).containsExactly("COSINE", "L2");
		assertThat(metadata.schema().primaryKey().dataType()).isEqualTo(DataType.VARCHAR);
	}

	@Test
	void whenValuesAreGivenForAFilterThenTheyAreConvertedAsRowsHoldThem() {
		assertThat(this.converter.toMilvusValue(Kind.ALERT)).isEqualTo("ALERT");
		assertThat(this.converter.toMilvusValue(AT)).isEqualTo(AT.toEpochMilli());
		assertThat(this.converter.toMilvusValue(new Money(5, "USD"))).isEqualTo("5 USD");
		assertThat(this.converter.toMilvusValue(List.of(Kind.ALERT, Kind.NOTICE))).isEqualTo(List.of("ALERT", "NOTICE"));
		assertThat(this.converter.toMilvusValue(new Kind[] { Kind.DEBUG })).isEqualTo(List.of("DEBUG"));
		assertThat(this.converter.toMilvusValue(Vector.of(1f, 2f))).isEqualTo(new float[] { 1, 2 });
		assertThat(this.converter.toMilvusValue("text")).isEqualTo("text");
		assertThat(this.converter.toMilvusValue(null)).isNull();
		MilvusPersistentProperty kind = this.converter.getPersistentEntity(Event.class).getRequiredPersistentProperty("kind");
		assertThat(this.converter.toMilvusValue(Kind.DEBUG, kind)).isEqualTo("DEBUG");
		Filter filter = this.converter.filter("kind == {k} and at >= {from} and kind in {ks}",
				Map.of("k", Kind.ALERT, "from", AT, "ks", Set.of(Kind.NOTICE)));
		assertThat(filter.params()).containsEntry("k", "ALERT").containsEntry("from", AT.toEpochMilli())
			.containsEntry("ks", List.of("NOTICE"));
	}

	@Test
	void whenAStoredEnumNameIsUnknownThenReadingNamesTheMember() {
		assertThatExceptionOfType(MappingException.class)
			.isThrownBy(() -> this.mapper.metadata(Chosen.class)
				.fromRow(Row.of("id", "c1", "vector", new float[] { 1, 2 }, "kind", "GONE")))
			.withMessageContaining("'GONE'")
			.withMessageContaining("'kind'");
	}

	record WithTransient(@MilvusId long id, @MilvusVector(dimension = 2) float[] v,
			@org.springframework.data.annotation.Transient String cache, @MilvusField(ignore = true) int hits) {
	}

	@Test
	void whenARecordComponentIsTransientThenItIsNeitherWrittenNorReadAndGetsItsDefault() {
		EntityMetadata<WithTransient> metadata = this.mapper.metadata(WithTransient.class);
		assertThat(metadata.fieldNames()).containsExactly("id", "v");
		assertThat(metadata.toRow(new WithTransient(1, new float[] { 1, 2 }, "cached", 5))).containsOnlyKeys("id", "v");
		WithTransient read = metadata.fromRow(Row.of("id", 1L, "v", new float[] { 1, 2 }, "cache", "x", "hits", 9));
		assertThat(read.cache()).isNull();
		assertThat(read.hits()).isZero();
	}

	record BigPrice(@MilvusId long id, @MilvusVector(dimension = 2) float[] v, Money price) {
	}

	@WritingConverter
	enum MoneyToBigDecimal implements Converter<Money, BigDecimal> {

		INSTANCE;

		@Override
		public BigDecimal convert(Money source) {
			return BigDecimal.valueOf(source.cents(), 2);
		}

	}

	record IdAndMilvusId(@Id long id, @MilvusId long other, @MilvusVector(dimension = 2) float[] v) {
	}

	record WithOptional(@MilvusId long id, @MilvusVector(dimension = 2) float[] v, Optional<String> maybe) {
	}

	record NoVector(@MilvusId long id, Kind kind) {
	}

	static final class Ambiguous {

		@MilvusId
		long id;

		@MilvusVector(dimension = 2)
		float[] v;

		Ambiguous(long id) {
			this.id = id;
		}

		Ambiguous(long id, float[] v) {
			this.id = id;
			this.v = v;
		}

	}

	@Test
	void whenAMemberCannotBeStoredThenTheMappingIsRefusedNamingTheClassAndMember() {
		EntityMapper withBigDecimal = new EntityMapper(new MilvusCustomConversions(List.of(MoneyToBigDecimal.INSTANCE)));
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> withBigDecimal.metadata(BigPrice.class))
			.withMessageContaining(BigPrice.class.getName())
			.withMessageContaining("'price'")
			.withMessageContaining("java.math.BigDecimal");
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> this.mapper.metadata(IdAndMilvusId.class))
			.withMessageContaining(IdAndMilvusId.class.getName())
			.withMessageContaining("two @MilvusId members: 'id' and 'other'");
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> this.mapper.metadata(WithOptional.class))
			.withMessageContaining("'maybe'")
			.withMessageContaining("java.util.Optional");
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> this.mapper.metadata(NoVector.class))
			.withMessageContaining(NoVector.class.getName())
			.withMessageContaining("needs a vector");
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> this.mapper.metadata(Ambiguous.class))
			.withMessageContaining(Ambiguous.class.getName())
			.withMessageContaining("@PersistenceCreator");
	}

	@Test
	void vectorIndexParametersAreParsedCompletedWithDefaultsAndCheckedNamingTheMember() {
		assertThat(VectorIndexDefaults.params(IndexType.HNSW, new String[] { "M = 32", "ef_note=fast" }, "member 'v'"))
			.containsExactly(Map.entry("M", 32), Map.entry("ef_note", "fast"), Map.entry("efConstruction", 200));
		assertThat(VectorIndexDefaults.params(IndexType.IVF_FLAT, new String[0], "member 'v'"))
			.containsExactly(Map.entry("nlist", 128));
		assertThat(VectorIndexDefaults.params(IndexType.AUTOINDEX, new String[0], "member 'v'")).isEmpty();
		assertThatExceptionOfType(MappingException.class)
			.isThrownBy(() -> VectorIndexDefaults.params(IndexType.HNSW, new String[] { "M" }, "member 'v'"))
			.withMessageContaining("'M'")
			.withMessageContaining("member 'v'")
			.withMessageContaining("name=value");
		assertThatExceptionOfType(MappingException.class)
			.isThrownBy(() -> VectorIndexDefaults.params(IndexType.HNSW, new String[] { "M=8", "M=16" }, "member 'v'"))
			.withMessageContaining("given twice");
	}

}
