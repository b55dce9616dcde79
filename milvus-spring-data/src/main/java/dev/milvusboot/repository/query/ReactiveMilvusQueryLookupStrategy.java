package dev.milvusboot.repository.query;

import java.lang.reflect.Method;
import java.util.function.Function;

import dev.milvusboot.core.ReactiveMilvusTemplate;
import dev.milvusboot.repository.support.MilvusEntityInformation;

import org.springframework.data.projection.ProjectionFactory;
import org.springframework.data.repository.core.NamedQueries;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.RepositoryQuery;

/**
 * Creates the query of each reactive repository method: the {@link dev.milvusboot.repository.Query @Query} filter
 * if the method has one, otherwise the query its name describes; both checked as for blocking repositories.
 */
public final class ReactiveMilvusQueryLookupStrategy implements QueryLookupStrategy {

	private final ReactiveMilvusTemplate template;

	private final Function<Class<?>, MilvusEntityInformation<?, ?>> entities;

	/**
	 * A strategy on a reactive template.
	 * @param template the template
	 * @param entities the entity information of a domain type
	 */
	public ReactiveMilvusQueryLookupStrategy(ReactiveMilvusTemplate template,
			Function<Class<?>, MilvusEntityInformation<?, ?>> entities) {
		this.template = template;
		this.entities = entities;
	}

	@Override
	public RepositoryQuery resolveQuery(Method method, RepositoryMetadata metadata, ProjectionFactory factory,
			NamedQueries namedQueries) {
		MilvusQueryMethod queryMethod = new MilvusQueryMethod(method, metadata, factory);
		MilvusEntityInformation<?, ?> entity = this.entities.apply(metadata.getDomainType());
		if (queryMethod.getQueryAnnotation() != null) {
			return new ReactiveStringBasedMilvusQuery(queryMethod, this.template, entity);
		}
		return new ReactivePartTreeMilvusQuery(queryMethod, this.template, entity);
	}

}
