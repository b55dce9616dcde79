package dev.milvusboot.core.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} component or field as full text: a VARCHAR field the server tokenizes with an analyzer
 * and a BM25 function whose output, a sparse vector field named {@link #output()}, the server fills and indexes
 * ({@code SPARSE_INVERTED_INDEX}, metric BM25) for text search. The output field is never written: an entity may
 * declare a {@link dev.milvusboot.client.data.SparseVector} member of that name, which must stay {@code null}
 * (writing it is refused) and is never read back (Milvus does not return BM25 outputs). The maximum length comes
 * from {@link MilvusField#maxLength()}.
 * <p>
 * The analyzer is, from the first that is set: {@link #analyzerParams()} (JSON), {@link #analyzer()} (a built-in
 * analyzer type), else {@link #tokenizer()} with {@link #filters()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT })
public @interface MilvusFullText {

	/** The name of the BM25 output field (sparse vector); {@code <field>_sparse} when empty. */
	String output() default "";

	/** The name of the BM25 function; {@code <field>_bm25} when empty. */
	String function() default "";

	/** A built-in analyzer type, such as {@code "standard"}, {@code "english"} or {@code "chinese"}; none if empty. */
	String analyzer() default "";

	/** The tokenizer, when neither {@link #analyzerParams()} nor {@link #analyzer()} is set. */
	String tokenizer() default "standard";

	/** The token filters applied after the {@link #tokenizer()}. */
	String[] filters() default { "lowercase" };

	/** The analyzer settings as JSON, for example {@code {"type": "english"}}; wins over the others when set. */
	String analyzerParams() default "";

	/** Whether the server keeps an index of the terms for {@code TEXT_MATCH} filters ({@code enable_match}). */
	boolean enableMatch() default false;

}
