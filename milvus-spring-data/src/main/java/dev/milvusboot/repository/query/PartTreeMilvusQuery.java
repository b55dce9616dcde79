package dev.milvusboot.repository.query;

import dev.milvusboot.client.data.Filter;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.repository.support.MilvusEntityInformation;

import org.springframework.data.domain.SearchResult;
import org.springframework.data.domain.SearchResults;

/**
 * A query method derived from its name: {@code find/count/exists/delete...By...} with a filter, or
 * {@code search...By...Near/Within} with a vector search. Everything Milvus cannot express fails when the
 * repository is created, naming the method and the reason.
 */
final class PartTreeMilvusQuery extends AbstractMilvusQuery {

	private final DerivedQuery query;

	PartTreeMilvusQuery(MilvusQueryMethod method, MilvusTemplate template, MilvusEntityInformation<?, ?> entity) {
		super(method, template, entity);
		this.query = new DerivedQuery(method, entity);
		this.query.check(returnsHits(method), method.isCollectionQuery(), "SearchResults<"
				+ method.getReturnedObjectType().getSimpleName() + ">, a List of SearchResult or a List of entities");
	}

	private static boolean returnsHits(MilvusQueryMethod method) {
		Class<?> type = method.getMethod().getReturnType();
		return SearchResults.class.isAssignableFrom(type) || method.isSearchQuery();
	}

	@Override
	public Object execute(Object[] args) {
		Filter bound = this.query.bind(args);
		if (this.query.vector() == null) {
			return run(this.query.action(), bound, args, this.query.tree().getSort(),
					this.query.tree().getMaxResults());
		}
		SearchResults<?> results = VectorSearch.run(template(), entity(), this.query.vector(), bound, args,
				this.query.parameters(), this.query.topK(args), getQueryMethod().getName());
		Class<?> returnType = ((MilvusQueryMethod) getQueryMethod()).getMethod().getReturnType();
		if (SearchResults.class.isAssignableFrom(returnType)) {
			return results;
		}
		if (getQueryMethod().isSearchQuery()) {
			return results.getContent();
		}
		return results.getContent().stream().map(SearchResult::getContent).toList();
	}

}
