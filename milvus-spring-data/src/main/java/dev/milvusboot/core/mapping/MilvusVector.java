package dev.milvusboot.core.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;

/**
 * Marks a {@code float[]} component or field as a dense vector, with its dimension, metric and index. An entity may
 * have several; searches then name the field they search.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT })
public @interface MilvusVector {

	/** The dimension. */
	int dimension();

	/** How similarity is measured. */
	MetricType metric() default MetricType.COSINE;

	/** The index built when the collection is created from the entity. */
	IndexType indexType() default IndexType.AUTOINDEX;

	/**
	 * The index's build parameters as {@code name=value} pairs (e.g. {@code "M=32"}, {@code "efConstruction=256"});
	 * whole numbers are sent as numbers. Parameters an index type needs and that are not given get the usual
	 * defaults ({@link VectorIndexDefaults}: HNSW {@code M=16, efConstruction=200}; IVF {@code nlist=128}), so that
	 * servers which require them (Milvus 2.3) build the index.
	 */
	String[] indexParams() default {};

}
