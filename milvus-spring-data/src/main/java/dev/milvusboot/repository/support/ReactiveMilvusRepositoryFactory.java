package dev.milvusboot.repository.support;

import java.util.Optional;

import dev.milvusboot.core.ReactiveMilvusTemplate;
import dev.milvusboot.repository.query.ReactiveMilvusQueryLookupStrategy;

import org.springframework.data.repository.core.EntityInformation;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.core.support.ReactiveRepositoryFactorySupport;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.ValueExpressionDelegate;

/**
 * Creates reactive Milvus repositories on a {@link ReactiveMilvusTemplate}: {@link SimpleReactiveMilvusRepository}
 * for the CRUD and sorting methods, and a query for each other method, checked when the repository is created as
 * for blocking repositories.
 */
public class ReactiveMilvusRepositoryFactory extends ReactiveRepositoryFactorySupport {

	private final ReactiveMilvusTemplate template;

	private final MilvusEntities entities;

	/**
	 * A factory on a reactive template.
	 * @param template the template
	 */
	public ReactiveMilvusRepositoryFactory(ReactiveMilvusTemplate template) {
		this.template = template;
		this.entities = new MilvusEntities(template.getEntityMapper());
	}

	@Override
	public EntityInformation<?, ?> getEntityInformation(RepositoryMetadata metadata) {
		return this.entities.get(metadata.getDomainType(), metadata.getRepositoryInterface());
	}

	@Override
	protected Object getTargetRepository(RepositoryInformation information) {
		return getTargetRepositoryViaReflection(information,
				this.entities.get(information.getDomainType(), information.getRepositoryInterface()), this.template);
	}

	@Override
	protected Class<?> getRepositoryBaseClass(RepositoryMetadata metadata) {
		return SimpleReactiveMilvusRepository.class;
	}

	@Override
	protected Optional<QueryLookupStrategy> getQueryLookupStrategy(QueryLookupStrategy.Key key,
			ValueExpressionDelegate delegate) {
		return Optional.of(new ReactiveMilvusQueryLookupStrategy(this.template, (type) -> this.entities.get(type, type)));
	}

}
