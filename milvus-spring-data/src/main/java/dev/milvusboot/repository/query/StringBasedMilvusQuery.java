package dev.milvusboot.repository.query;

import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.repository.Query;
import dev.milvusboot.repository.support.MilvusEntityInformation;

import org.springframework.data.domain.Sort;

/**
 * A method with a {@link Query @Query} filter: {@code {name}} parameters refer to parameters by name, {@code ?n}
 * ones by position; the values are always bound as filter parameters.
 */
final class StringBasedMilvusQuery extends AbstractMilvusQuery {

	private final AnnotatedFilter filter;

	StringBasedMilvusQuery(MilvusQueryMethod method, MilvusTemplate template, MilvusEntityInformation<?, ?> entity) {
		super(method, template, entity);
		this.filter = new AnnotatedFilter(method, entity);
	}

	@Override
	public Object execute(Object[] args) {
		return run(this.filter.action(), this.filter.bind(args), args, Sort.unsorted(), null);
	}

}
