package dev.milvusboot.core.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Optional settings of a scalar component or field; fields without it are mapped with their Java name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT })
public @interface MilvusField {

	/** The field name in Milvus; the Java name when empty. */
	String name() default "";

	/** The maximum length of a {@code String} (VARCHAR) field. */
	int maxLength() default 1024;

	/** Whether the field may hold null (Milvus 2.5+ and Milvus Lite). */
	boolean nullable() default false;

	/** Leaves the component or field out of the mapping. */
	boolean ignore() default false;

}
