package dev.milvusboot.core.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.domain.Vector;

/** Entities and converters of the mapping tests: every kind of member the mapping knows, in each form of class. */
final class MappedTypes {

	private MappedTypes() {
	}

	/** The conversions of the tests: Milvus' own and the Money converters. */
	static MilvusCustomConversions conversions() {
		return new MilvusCustomConversions(List.of(MoneyToString.INSTANCE, StringToMoney.INSTANCE));
	}

	enum Kind {

		ALERT, NOTICE, DEBUG

	}

	/** A value object the application stores as a VARCHAR through its own converters. */
	record Money(long cents, String currency) {

	}

	@WritingConverter
	enum MoneyToString implements Converter<Money, String> {

		INSTANCE;

		@Override
		public String convert(Money source) {
			return source.cents() + " " + source.currency();
		}

	}

	@ReadingConverter
	enum StringToMoney implements Converter<String, Money> {

		INSTANCE;

		@Override
		public Money convert(String source) {
			String[] parts = source.split(" ");
			return new Money(Long.parseLong(parts[0]), parts[1]);
		}

	}

	/** Nested in a JSON field, with members that are converted too. */
	record Address(String city, int zip, Kind kind, Instant since, List<String> lines) {

	}

	/** A record with every kind of converted member and a Spring Data Vector. */
	@MilvusCollection("mapping_events")
	record Event(@MilvusId long id, Kind kind, Instant at, LocalDate day, LocalDateTime local, UUID ref,
			@MilvusField(maxLength = 64) Money price, Address address,
			@MilvusField(maxCapacity = 8, maxLength = 32) List<String> tags,
			@MilvusField(maxCapacity = 4, maxLength = 16) Set<Kind> kinds, List<Instant> times,
			Map<String, Object> extra,
			@MilvusVector(dimension = 3, metric = MetricType.L2, indexType = IndexType.FLAT) Vector embedding) {

	}

	/** Two dense vectors, one a float[] and one a Vector. */
	@MilvusCollection("mapping_two_vectors")
	record TwoVectors(@MilvusId String id, @MilvusVector(dimension = 2, indexType = IndexType.FLAT) float[] first,
			@MilvusVector(dimension = 3, metric = MetricType.L2, indexType = IndexType.FLAT) Vector second,
			Kind kind) {

	}

	/** An HNSW index with one parameter of its own: the defaults complete the other. */
	@MilvusCollection("mapping_hnsw")
	record Hnsw(@MilvusId long id, @MilvusVector(dimension = 2, metric = MetricType.L2, indexType = IndexType.HNSW,
			indexParams = { "efConstruction=100" }) float[] embedding) {

	}

	/**
	 * An immutable class read through its constructor, with one member set afterwards by a setter; its key is a
	 * UUID (a VARCHAR in Milvus) marked with Spring Data's {@code @Id}.
	 */
	@MilvusCollection("mapping_readings")
	static final class Reading {

		@Id
		private final UUID id;

		private final Instant at;

		private final Kind kind;

		@MilvusVector(dimension = 2, indexType = IndexType.FLAT)
		private final float[] vector;

		private String note;

		@Transient
		private String scratch = "not stored";

		Reading(UUID id, Instant at, Kind kind, float[] vector) {
			this.id = id;
			this.at = at;
			this.kind = kind;
			this.vector = vector;
		}

		UUID getId() {
			return this.id;
		}

		Instant getAt() {
			return this.at;
		}

		Kind getKind() {
			return this.kind;
		}

		float[] getVector() {
			return this.vector;
		}

		String getNote() {
			return this.note;
		}

		void setNote(String note) {
			this.note = note;
		}

		String getScratch() {
			return this.scratch;
		}

		void setScratch(String scratch) {
			this.scratch = scratch;
		}

	}

	/** A class with setters only. */
	@MilvusCollection("mapping_memos")
	static class Memo {

		@MilvusId(autoId = true)
		private Long id;

		private LocalDate due;

		private Money budget;

		private List<Kind> kinds;

		@MilvusVector(dimension = 2, indexType = IndexType.FLAT)
		private Vector vector;

		public Long getId() {
			return this.id;
		}

		public void setId(Long id) {
			this.id = id;
		}

		public LocalDate getDue() {
			return this.due;
		}

		public void setDue(LocalDate due) {
			this.due = due;
		}

		public Money getBudget() {
			return this.budget;
		}

		public void setBudget(Money budget) {
			this.budget = budget;
		}

		public List<Kind> getKinds() {
			return this.kinds;
		}

		public void setKinds(List<Kind> kinds) {
			this.kinds = kinds;
		}

		public Vector getVector() {
			return this.vector;
		}

		public void setVector(Vector vector) {
			this.vector = vector;
		}

	}

	/** A class with several constructors, one chosen by {@code @PersistenceCreator}. */
	static final class Chosen {

		@MilvusId
		final String id;

		@MilvusVector(dimension = 2)
		final float[] vector;

		final Kind kind;

		Chosen(String id) {
			this(id, new float[] { 0, 0 }, Kind.DEBUG);
		}

		@PersistenceCreator
		Chosen(String id, float[] vector, Kind kind) {
			this.id = id;
			this.vector = vector;
			this.kind = kind;
		}

	}

}
