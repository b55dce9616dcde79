package dev.milvusboot.repository.query;

import dev.milvusboot.core.ReactiveMilvusTemplate;
import dev.milvusboot.repository.Query;
import dev.milvusboot.repository.support.MilvusEntityInformation;

import org.springframework.data.domain.Sort;

/**
 * A reactive method with a {@link Query @Query} filter, read as for blocking repositories ({@link AnnotatedFilter}:
 * parameters by name or position, always bound), run on a {@link ReactiveMilvusTemplate}.
 */
final class ReactiveStringBasedMilvusQuery extends ReactiveMilvusQuery {

	private final AnnotatedFilter filter;

	ReactiveStringBasedMilvusQuery(MilvusQueryMethod method, ReactiveMilvusTemplate template,
			MilvusEntityInformation<?, ?> entity) {
		super(method, template, entity);
		this.filter = new AnnotatedFilter(method, entity);
	}

	@Override
	public Object execute(Object[] args) {
		return deferred(() -> run(this.filter.action(), this.filter.bind(args), args, Sort.unsorted(), null));
	}

}
