package dev.milvusboot.repository.support;

import java.util.Optional;

import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.repository.query.MilvusQueryLookupStrategy;

import org.springframework.data.repository.core.EntityInformation;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.ValueExpressionDelegate;

/**
 * Creates Milvus repositories on a {@link MilvusTemplate}: {@link SimpleMilvusRepository} for the CRUD, paging and
 * sorting methods, and a query for each other method, checked when the repository is created.
 */
public class MilvusRepositoryFactory extends RepositoryFactorySupport {

	private final MilvusTemplate template;

	private final MilvusEntities entities;

	/**
	 * A factory on a template.
	 * @param template the template
	 */
	public MilvusRepositoryFactory(MilvusTemplate template) {
		this.template = template;
		this.entities = new MilvusEntities(template.getEntityMapper());
	}

	@Override
	public EntityInformation<?, ?> getEntityInformation(RepositoryMetadata metadata) {
		return entity(metadata.getDomainType(), metadata.getRepositoryInterface());
	}

	@Override
	protected Object getTargetRepository(RepositoryInformation information) {
		return getTargetRepositoryViaReflection(information,
				entity(information.getDomainType(), information.getRepositoryInterface()), this.template);
	}

	@Override
	protected Class<?> getRepositoryBaseClass(RepositoryMetadata metadata) {
		return SimpleMilvusRepository.class;
	}

	@Override
	protected Optional<QueryLookupStrategy> getQueryLookupStrategy(QueryLookupStrategy.Key key,
			ValueExpressionDelegate delegate) {
		return Optional.of(new MilvusQueryLookupStrategy(this.template, (type) -> entity(type, type)));
	}

	private MilvusEntityInformation<?, ?> entity(Class<?> type, Class<?> repository) {
		return this.entities.get(type, repository);
	}

}
