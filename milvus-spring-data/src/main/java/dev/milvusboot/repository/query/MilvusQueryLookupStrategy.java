package dev.milvusboot.repository.query;

import java.lang.reflect.Method;
import java.util.function.Function;

import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.repository.support.MilvusEntityInformation;

import org.springframework.data.projection.ProjectionFactory;
import org.springframework.data.repository.core.NamedQueries;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.RepositoryQuery;

/**
 * Creates the query of each repository method: the {@link dev.milvusboot.repository.Query @Query} filter if the
 * method has one, otherwise the query its name describes.
 */
public final class MilvusQueryLookupStrategy implements QueryLookupStrategy {

	private final MilvusTemplate template;

	private final Function<Class<?>, MilvusEntityInformation<?, ?>> entities;

	/**
	 * A strategy on a template.
	 * @param template the template
	 * @param entities the entity information of a domain type
	 */
	public MilvusQueryLookupStrategy(MilvusTemplate template,
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
			return new StringBasedMilvusQuery(queryMethod, this.template, entity);
		}
		return new PartTreeMilvusQuery(queryMethod, this.template, entity);
	}

}
