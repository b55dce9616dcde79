package dev.milvusboot.repository.query;

import dev.milvusboot.core.ReactiveMilvusTemplate;
import dev.milvusboot.repository.support.MilvusEntityInformation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.SearchResult;
import org.springframework.data.domain.SearchResults;

/**
 * A reactive query method derived from its name, as {@link PartTreeMilvusQuery} derives blocking ones (the same
 * keywords, checks and start-up failures), run on a {@link ReactiveMilvusTemplate}: {@code Flux<T>} streams the
 * matches by key, {@code Mono<T>} holds at most one, {@code Mono<Long>} counts, {@code Mono<Boolean>} tests
 * existence, and a vector search gives {@code Mono<SearchResults<T>>}, {@code Flux<SearchResult<T>>} or
 * {@code Flux<T>}.
 */
final class ReactivePartTreeMilvusQuery extends ReactiveMilvusQuery {

	private final DerivedQuery query;

	ReactivePartTreeMilvusQuery(MilvusQueryMethod method, ReactiveMilvusTemplate template,
			MilvusEntityInformation<?, ?> entity) {
		super(method, template, entity);
		this.query = new DerivedQuery(method, entity);
		boolean hits = SearchResults.class.isAssignableFrom(element()) || SearchResult.class.isAssignableFrom(element());
		this.query.check(hits, returnsMany(), "Mono<SearchResults<" + method.getReturnedObjectType().getSimpleName()
				+ ">>, a Flux of SearchResult or a Flux of entities");
	}

	@Override
	public Object execute(Object[] args) {
		if (this.query.vector() == null) {
			return deferred(() -> run(this.query.action(), this.query.bind(args), args, this.query.tree().getSort(),
					this.query.tree().getMaxResults()));
		}
		Mono<SearchResults<?>> results = Mono.defer(() -> {
			VectorSearch.Call call = VectorSearch.prepare(entity(), this.query.vector(), this.query.bind(args), args,
					this.query.parameters(), this.query.topK(args), getQueryMethod().getName());
			return template().search(call.search(), entity().getJavaType()).map((hits) -> call.results(hits.get(0)));
		});
		if (!returnsMany()) {
			return results;
		}
		Flux<SearchResult<?>> hits = results.flatMapIterable(SearchResults::getContent);
		return SearchResult.class.isAssignableFrom(element()) ? hits : hits.map(SearchResult::getContent);
	}

}
