package dev.milvusboot.core.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the collection a record or class is stored in; without it, the simple class name in snake case is used.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MilvusCollection {

	/** The collection name. */
	String value();

	/** Whether rows may carry fields beyond the mapped ones (the dynamic field). */
	boolean dynamicField() default false;

}
