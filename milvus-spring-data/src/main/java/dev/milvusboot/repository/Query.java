package dev.milvusboot.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Milvus filter expression for a repository method, instead of one derived from its name:
 * <pre>
 * &#64;Query("year &gt; {min} and topic in {topics}")
 * List&lt;Article&gt; recent(&#64;Param("min") int min, List&lt;String&gt; topics);
 *
 * &#64;Query("year &gt; ?0")
 * List&lt;Article&gt; after(int year);
 * </pre>
 * {@code {name}} refers to a parameter by its name ({@code @Param} or, compiled with {@code -parameters}, its Java
 * name), {@code ?0}, {@code ?1}, ... by its position. Values are always sent as filter parameters, never spliced.
 * The method returns entities ({@code List}, {@code Page}, {@code Slice}, one entity or {@code Optional}), or,
 * with {@link #count()}, {@link #exists()} or {@link #delete()}, a count, a boolean or the number deleted.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Query {

	/** The filter expression, with {@code {name}} and {@code ?n} parameters. */
	String value();

	/** Counts the matching entities instead of reading them. */
	boolean count() default false;

	/** Tells whether any entity matches. */
	boolean exists() default false;

	/** Deletes the matching entities. */
	boolean delete() default false;

}
