package dev.milvusboot.core.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.domain.Vector;

/**
 * The conversions Milvus needs for common Java types, registered by {@link MilvusCustomConversions} before the
 * application's own (which win for the same source type). Dates and times become INT64 numbers, so that range
 * filters ({@code >}, {@code <=}, {@code Between}) and ordering compare them as time: {@link Instant} and
 * {@link LocalDateTime} (read as UTC) as epoch milliseconds, {@link LocalDate} as epoch days. {@link UUID} becomes
 * its VARCHAR text, Spring Data's {@link Vector} a {@code float[]}.
 */
final class MilvusConverters {

	private MilvusConverters() {
	}

	static List<Converter<?, ?>> converters() {
		return List.of(InstantToLong.INSTANCE, LongToInstant.INSTANCE, LocalDateToLong.INSTANCE,
				LongToLocalDate.INSTANCE, LocalDateTimeToLong.INSTANCE, LongToLocalDateTime.INSTANCE,
				UuidToString.INSTANCE, StringToUuid.INSTANCE, VectorToFloats.INSTANCE, FloatsToVector.INSTANCE);
	}

	/** Epoch milliseconds (finer parts of a second are dropped). */
	@WritingConverter
	enum InstantToLong implements Converter<Instant, Long> {

		INSTANCE;

		@Override
		public Long convert(Instant source) {
			return source.toEpochMilli();
		}

	}

	@ReadingConverter
	enum LongToInstant implements Converter<Long, Instant> {

		INSTANCE;

		@Override
		public Instant convert(Long source) {
			return Instant.ofEpochMilli(source);
		}

	}

	/** Epoch days. */
	@WritingConverter
	enum LocalDateToLong implements Converter<LocalDate, Long> {

		INSTANCE;

		@Override
		public Long convert(LocalDate source) {
			return source.toEpochDay();
		}

	}

	@ReadingConverter
	enum LongToLocalDate implements Converter<Long, LocalDate> {

		INSTANCE;

		@Override
		public LocalDate convert(Long source) {
			return LocalDate.ofEpochDay(source);
		}

	}

	/** Epoch milliseconds of the date and time read as UTC. */
	@WritingConverter
	enum LocalDateTimeToLong implements Converter<LocalDateTime, Long> {

		INSTANCE;

		@Override
		public Long convert(LocalDateTime source) {
			return source.toInstant(ZoneOffset.UTC).toEpochMilli();
		}

	}

	@ReadingConverter
	enum LongToLocalDateTime implements Converter<Long, LocalDateTime> {

		INSTANCE;

		@Override
		public LocalDateTime convert(Long source) {
			return LocalDateTime.ofInstant(Instant.ofEpochMilli(source), ZoneOffset.UTC);
		}

	}

	@WritingConverter
	enum UuidToString implements Converter<UUID, String> {

		INSTANCE;

		@Override
		public String convert(UUID source) {
			return source.toString();
		}

	}

	@ReadingConverter
	enum StringToUuid implements Converter<String, UUID> {

		INSTANCE;

		@Override
		public UUID convert(String source) {
			return UUID.fromString(source);
		}

	}

	@WritingConverter
	enum VectorToFloats implements Converter<Vector, float[]> {

		INSTANCE;

		@Override
		public float[] convert(Vector source) {
			return source.toFloatArray();
		}

	}

	@ReadingConverter
	enum FloatsToVector implements Converter<float[], Vector> {

		INSTANCE;

		@Override
		public Vector convert(float[] source) {
			return Vector.unsafe(source);
		}

	}

}
