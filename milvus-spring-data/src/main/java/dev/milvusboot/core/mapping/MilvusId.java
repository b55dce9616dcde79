package dev.milvusboot.core.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the primary key: a {@code long}/{@code Long} (INT64) or a {@code String} (VARCHAR) component or field.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT })
public @interface MilvusId {

	/** Whether Milvus generates the ids (INT64 keys only); generated ids are set on mutable entities. */
	boolean autoId() default false;

	/** The maximum length of a VARCHAR key. */
	int maxLength() default 256;

}
