package dev.milvusboot.core.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Optional settings of a scalar component or field; fields without it are mapped with their Java name. Java types
 * map to Milvus types as: numbers and booleans to their scalar types, {@code String}, enums and {@code UUID} to
 * VARCHAR, {@code Instant}, {@code LocalDateTime} (epoch milliseconds) and {@code LocalDate} (epoch days) to INT64, a
 * type with a converter to the type of its converter's result, a {@code List} or {@code Set} of those to an ARRAY
 * of them, a {@code Map}, a record or class to JSON (see {@link MilvusCustomConversions}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT })
public @interface MilvusField {

	/** The field name in Milvus; the Java name when empty. */
	String name() default "";

	/** The maximum length of a {@code String} (VARCHAR) field, or of each string of a {@code List<String>}. */
	int maxLength() default 1024;

	/** The most elements a {@code List} (ARRAY) field holds. */
	int maxCapacity() default 64;

	/** Whether the field may hold null (Milvus 2.5+ and Milvus Lite). */
	boolean nullable() default false;

	/** Leaves the component or field out of the mapping. */
	boolean ignore() default false;

}
