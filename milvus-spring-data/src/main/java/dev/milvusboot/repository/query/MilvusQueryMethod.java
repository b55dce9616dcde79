package dev.milvusboot.repository.query;

import java.lang.reflect.Method;

import dev.milvusboot.repository.Query;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.projection.ProjectionFactory;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.query.QueryMethod;

/**
 * A query method of a Milvus repository, with its {@link Query @Query} annotation if any.
 */
public final class MilvusQueryMethod extends QueryMethod {

	private final Method method;

	private final Query query;

	/**
	 * Reads a method.
	 * @param method the method
	 * @param metadata the repository
	 * @param factory the projection factory
	 */
	public MilvusQueryMethod(Method method, RepositoryMetadata metadata, ProjectionFactory factory) {
		super(method, metadata, factory);
		this.method = method;
		this.query = AnnotatedElementUtils.findMergedAnnotation(method, Query.class);
	}

	/** The method. */
	public Method getMethod() {
		return this.method;
	}

	/** The {@code @Query} annotation, or {@code null}. */
	public Query getQueryAnnotation() {
		return this.query;
	}

}
