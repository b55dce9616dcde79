package dev.milvusboot.core.mapping;

import java.util.List;

import org.springframework.data.convert.CustomConversions;

/**
 * The conversions between entity members and Milvus values: the application's {@code @ReadingConverter} and
 * {@code @WritingConverter} converters (for example a {@code Money} value object to a VARCHAR and back) over
 * Milvus' own ({@code Instant} and {@code LocalDateTime} as INT64 epoch milliseconds, {@code LocalDate} as INT64
 * epoch days, {@code UUID} as VARCHAR, Spring Data's {@code Vector} as a float vector). A writing converter must
 * produce a type Milvus stores ({@link MilvusSimpleTypes}); the mapping of a member whose converter does not is
 * refused, naming the member. Spring Data's default JSR-310 converters are not registered: the dates above have
 * Milvus conversions of their own.
 */
public class MilvusCustomConversions extends CustomConversions {

	private static final StoreConversions STORE_CONVERSIONS = StoreConversions.of(MilvusSimpleTypes.HOLDER,
			MilvusConverters.converters());

	/** Milvus' conversions only. */
	public MilvusCustomConversions() {
		this(List.of());
	}

	/**
	 * The application's converters over Milvus' own.
	 * @param converters {@code Converter}s, {@code ConverterFactory}s or {@code GenericConverter}s, annotated with
	 * {@code @ReadingConverter} or {@code @WritingConverter} where the direction is not obvious
	 */
	public MilvusCustomConversions(List<?> converters) {
		super(new ConverterConfiguration(STORE_CONVERSIONS, converters, (pair) -> false));
	}

}
