package dev.milvusboot.repository.query;

import java.util.List;
import java.util.function.Supplier;

import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.core.ReactiveMilvusTemplate;
import dev.milvusboot.repository.query.AbstractMilvusQuery.Action;
import dev.milvusboot.repository.support.MilvusEntityInformation;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;

/**
 * What reactive derived and {@code @Query} methods share: the filter and action are derived as for blocking
 * repositories ({@link DerivedQuery}, {@link AnnotatedFilter}); this runs them on a {@link ReactiveMilvusTemplate}.
 * A {@code Flux} streams the entities in primary key order ({@link ReactiveKeyOrderedReads}), a {@code Mono} holds
 * one entity, a count, a boolean or nothing. Bad arguments are error signals; nothing is sent before a
 * subscription.
 */
abstract class ReactiveMilvusQuery implements RepositoryQuery {

	private final MilvusQueryMethod method;

	private final ReactiveMilvusTemplate template;

	private final MilvusEntityInformation<?, ?> entity;

	private final ReactiveKeyOrderedReads<?> reads;

	private final boolean many;

	private final Class<?> element;

	ReactiveMilvusQuery(MilvusQueryMethod method, ReactiveMilvusTemplate template,
			MilvusEntityInformation<?, ?> entity) {
		this.method = method;
		this.template = template;
		this.entity = entity;
		this.reads = new ReactiveKeyOrderedReads<>(template, entity);
		Class<?> returnType = method.getMethod().getReturnType();
		if (returnType != Flux.class && returnType != Mono.class) {
			throw QueryFailure.of(method, "a reactive repository method returns a Mono or a Flux, not "
					+ returnType.getSimpleName());
		}
		if (method.isScrollQuery() || method.isPageQuery() || method.isSliceQuery()) {
			throw QueryFailure.of(method, "reactive repositories return a Flux, which streams by key however far"
					+ " it goes, instead of windows, pages or slices");
		}
		this.many = returnType == Flux.class;
		Class<?> resolved = ResolvableType.forMethodReturnType(method.getMethod()).getGeneric(0).resolve();
		this.element = (resolved != null) ? resolved : Object.class;
	}

	@Override
	public QueryMethod getQueryMethod() {
		return this.method;
	}

	/** Whether the method returns a {@code Flux}. */
	boolean returnsMany() {
		return this.many;
	}

	/** The type of the elements the method's {@code Mono} or {@code Flux} holds. */
	Class<?> element() {
		return this.element;
	}

	ReactiveMilvusTemplate template() {
		return this.template;
	}

	MilvusEntityInformation<?, ?> entity() {
		return this.entity;
	}

	/**
	 * The result of a call, made when subscribed: failures to bind the arguments become error signals.
	 * @param call makes the {@code Mono} or {@code Flux} of {@link #run}
	 * @return a {@code Flux} for a method returning one, else a {@code Mono}
	 */
	Object deferred(Supplier<Object> call) {
		Flux<Object> result = Flux.defer(() -> Flux.from(publisher(call.get())));
		return this.many ? result : result.singleOrEmpty();
	}

	@SuppressWarnings("unchecked")
	private static Publisher<Object> publisher(Object result) {
		return (Publisher<Object>) result;
	}

	/**
	 * Runs the action.
	 * @param action the action
	 * @param filter the filter
	 * @param args the arguments (for the sort, page and limit parameters)
	 * @param staticSort the order the method name gives
	 * @param maxResults the limit the method name gives ({@code Top}/{@code First}), or {@code null}
	 * @return the {@code Mono} or {@code Flux} of the result
	 */
	Object run(Action action, Filter filter, Object[] args, Sort staticSort, Integer maxResults) {
		Filter matching = filter.isEmpty() ? Filter.of(this.entity.matchAll()) : filter;
		String collection = this.entity.collection();
		String idField = this.entity.idProperty().milvusName();
		return switch (action) {
			case COUNT -> this.template.count(collection, matching).map(this::number);
			case EXISTS -> this.template
				.query(Query.in(collection).filter(matching).outputFields(idField).limit(1).build())
				.hasElements();
			case DELETE -> delete(collection, matching);
			case FIND -> find(matching, args, staticSort, maxResults);
		};
	}

	/**
	 * Deletes the matching entities by key, a page of keys per call: a {@code Flux} emits each page's entities
	 * once they are deleted, a {@code Mono} counts them.
	 */
	private Object delete(String collection, Filter matching) {
		Flux<List<Object>> pages = this.reads.keys(matching).flatMapIterable(ReactiveKeyOrderedReads::pages);
		if (this.many) {
			return pages.concatMap((ids) -> this.template.findByIds(this.entity.getJavaType(), ids)
				.collectList()
				.flatMapMany((entities) -> this.template.delete(collection, ids).thenMany(Flux.fromIterable(entities))));
		}
		Mono<Long> deleted = pages
			.concatMap((ids) -> this.template.delete(collection, ids).thenReturn((long) ids.size()))
			.reduce(0L, Long::sum);
		return (this.element == Void.class) ? deleted.then() : deleted.map(this::number);
	}

	private Object find(Filter filter, Object[] args, Sort staticSort, Integer maxResults) {
		ParametersParameterAccessor accessor = new ParametersParameterAccessor(this.method.getParameters(), args);
		Sort sort = staticSort.and(accessor.getSort());
		long limit = AbstractMilvusQuery.limit(maxResults, accessor.getLimit());
		if (this.many) {
			return this.reads.read(filter, sort, 0, limit);
		}
		return this.reads.read(filter, sort, 0, (limit == 0) ? 2 : Math.min(limit, 2))
			.collectList()
			.flatMap((found) -> {
				if (found.size() > 1 && limit != 1) {
					return Mono.error(new IncorrectResultSizeDataAccessException(this.method.getName()
							+ " expects at most one " + this.entity.getJavaType().getSimpleName() + ", but more match",
							1));
				}
				return Mono.justOrEmpty(found.isEmpty() ? null : found.get(0));
			});
	}

	/** A count as the number type the method returns. */
	private Object number(Long count) {
		return (this.element == Integer.class) ? (Object) count.intValue() : count;
	}

}
