package dev.milvusboot.core.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;

/**
 * Marks a {@link dev.milvusboot.client.data.SparseVector} component or field as a sparse float vector the
 * application writes (for example learned sparse embeddings), with its metric and index. The sparse output of a
 * full-text field is declared by {@link MilvusFullText#output()} instead, and never written.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT })
public @interface MilvusSparseVector {

	/** How similarity is measured; sparse vectors support inner product. */
	MetricType metric() default MetricType.IP;

	/** The index built when the collection is created from the entity. */
	IndexType indexType() default IndexType.SPARSE_INVERTED_INDEX;

}
