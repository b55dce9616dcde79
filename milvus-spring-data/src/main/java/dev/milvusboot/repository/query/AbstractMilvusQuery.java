package dev.milvusboot.repository.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.repository.support.MilvusEntityInformation;

import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;

/**
 * What derived and {@code @Query} methods share: a filter built from the arguments, then a find (in primary key
 * order, paged or limited by key), count, exists or delete with it.
 */
abstract class AbstractMilvusQuery implements RepositoryQuery {

	/** The parameter of the key a window starts after. */
	private static final String AFTER_KEY = "afterKeyOfWindow";

	private final QueryMethod method;

	private final MilvusTemplate template;

	private final MilvusEntityInformation<?, ?> entity;

	private final KeyOrderedReads<?> reads;

	AbstractMilvusQuery(MilvusQueryMethod method, MilvusTemplate template, MilvusEntityInformation<?, ?> entity) {
		this.method = method;
		this.template = template;
		this.entity = entity;
		this.reads = new KeyOrderedReads<>(template, entity);
	}

	@Override
	public QueryMethod getQueryMethod() {
		return this.method;
	}

	MilvusTemplate template() {
		return this.template;
	}

	MilvusEntityInformation<?, ?> entity() {
		return this.entity;
	}

	/** What the method does with the entities its filter matches. */
	enum Action {
		FIND, COUNT, EXISTS, DELETE
	}

	/**
	 * The filter of one call, its values bound as parameters.
	 * @param template the expression with {@code {name}} parameters
	 * @param values the values by name
	 * @return the filter
	 * @throws InvalidDataAccessApiUsageException naming a value Milvus has no literal for (such as {@code null})
	 */
	Filter filter(String template, Map<String, Object> values) {
		return filter(this.method.getName(), template, values);
	}

	/**
	 * The filter of one call of a method, its values bound as parameters.
	 * @param method the method name, for messages
	 * @param template the expression with {@code {name}} parameters
	 * @param values the values by name
	 * @return the filter
	 * @throws InvalidDataAccessApiUsageException naming a value Milvus has no literal for (such as {@code null})
	 */
	static Filter filter(String method, String template, Map<String, Object> values) {
		try {
			return Filter.of(template, values);
		}
		catch (MilvusInvalidArgumentException ex) {
			throw new InvalidDataAccessApiUsageException(method + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Runs the action.
	 * @param action the action
	 * @param filter the filter
	 * @param args the arguments (for the sort, page and limit parameters)
	 * @param staticSort the order the method name gives
	 * @param maxResults the limit the method name gives ({@code Top}/{@code First}), or {@code null}
	 * @return the result
	 */
	Object run(Action action, Filter filter, Object[] args, Sort staticSort, Integer maxResults) {
		Filter matching = filter.isEmpty() ? Filter.of(this.entity.matchAll()) : filter;
		String collection = this.entity.collection();
		String idField = this.entity.idProperty().milvusName();
		return switch (action) {
			case COUNT -> this.template.count(collection, matching);
			case EXISTS -> !this.template
				.query(Query.in(collection).filter(matching).outputFields(idField).limit(1).build())
				.isEmpty();
			case DELETE -> delete(collection, matching, idField);
			case FIND -> find(matching, args, staticSort, maxResults);
		};
	}

	private Object delete(String collection, Filter matching, String idField) {
		List<Row> rows = this.template.query(Query.in(collection).filter(matching).outputFields(idField).build());
		List<Object> ids = rows.stream().map((row) -> row.get(idField)).toList();
		if (this.method.isCollectionQuery()) {
			List<?> entities = ids.isEmpty() ? List.of() : this.template.findByIds(this.entity.getJavaType(), ids);
			delete(collection, ids);
			return entities;
		}
		delete(collection, ids);
		return (long) ids.size();
	}

	private void delete(String collection, List<Object> ids) {
		if (!ids.isEmpty()) {
			this.template.delete(collection, ids);
		}
	}

	private Object find(Filter filter, Object[] args, Sort staticSort, Integer maxResults) {
		ParametersParameterAccessor accessor = new ParametersParameterAccessor(this.method.getParameters(), args);
		Sort sort = staticSort.and(accessor.getSort());
		// only a Pageable parameter pages (the accessor turns a Limit parameter into a Pageable too)
		Pageable pageable = this.method.getParameters().hasPageableParameter() ? accessor.getPageable()
				: Pageable.unpaged();
		long limit = limit(maxResults, accessor.getLimit());
		if (this.method.isScrollQuery()) {
			return scroll(filter, accessor.getScrollPosition(), sort, limit);
		}
		if (this.method.isPageQuery() || this.method.isSliceQuery()) {
			if (pageable.isUnpaged()) {
				List<?> all = this.reads.read(filter, sort, 0, limit).content();
				return this.method.isPageQuery() ? new PageImpl<>(all) : new SliceImpl<>(all);
			}
			KeyOrderedReads.Chunk<?> chunk = this.reads.read(filter, sort, pageable.getOffset(),
					pageable.getPageSize());
			if (this.method.isPageQuery()) {
				return new PageImpl<>(chunk.content(), pageable, chunk.total());
			}
			boolean more = chunk.total() > pageable.getOffset() + chunk.content().size();
			return new SliceImpl<>(chunk.content(), pageable, more);
		}
		if (pageable.isPaged()) {
			return this.reads.read(filter, sort, pageable.getOffset(), pageable.getPageSize()).content();
		}
		if (this.method.isCollectionQuery()) {
			return this.reads.read(filter, sort, 0, limit).content();
		}
		if (this.method.isStreamQuery()) {
			return this.reads.read(filter, sort, 0, limit).content().stream();
		}
		List<?> found = this.reads.read(filter, sort, 0, (limit == 0) ? 2 : Math.min(limit, 2)).content();
		if (found.size() > 1 && limit != 1) {
			throw new IncorrectResultSizeDataAccessException(this.method.getName() + " expects at most one "
					+ this.entity.getJavaType().getSimpleName() + ", but more match", 1);
		}
		return found.isEmpty() ? null : found.get(0);
	}

	/**
	 * A window of entities after a key: the keyset position holds the id of the last entity seen, so windows go on
	 * by key however far they reach.
	 */
	@SuppressWarnings("unchecked")
	private Window<?> scroll(Filter filter, ScrollPosition position, Sort sort, long limit) {
		String name = this.method.getName();
		if (limit == 0) {
			throw new InvalidDataAccessApiUsageException(
					name + ": a window needs a size: Top/First in the method name or a Limit parameter");
		}
		if (!(position instanceof KeysetScrollPosition keyset) || keyset.scrollsBackward()) {
			throw new InvalidDataAccessApiUsageException(name + ": Milvus repositories scroll forward by key only"
					+ " (ScrollPosition.keyset(), then the window's positions), not from " + position);
		}
		boolean descending = this.reads.descending(sort);
		String id = this.entity.idProperty().javaName();
		Filter window = filter;
		if (!keyset.isInitial()) {
			Object after = keyset.getKeys().get(id);
			if (after == null || keyset.getKeys().size() != 1) {
				throw new InvalidDataAccessApiUsageException(name + ": a keyset position holds the id property '" + id
						+ "' only, but has " + keyset.getKeys().keySet());
			}
			Map<String, Object> values = new LinkedHashMap<>(filter.params());
			values.put(AFTER_KEY, after);
			window = filter("(" + filter.expression() + ") and " + this.entity.idProperty().milvusName()
					+ (descending ? " < {" : " > {") + AFTER_KEY + "}", values);
		}
		List<Object> content = (List<Object>) (descending ? this.reads.read(window, sort, 0, limit + 1).content()
				: this.reads.first(window, limit + 1));
		boolean more = content.size() > limit;
		List<Object> items = more ? content.subList(0, (int) limit) : content;
		MilvusEntityInformation<Object, ?> entity = (MilvusEntityInformation<Object, ?>) this.entity;
		return Window.from(items, (index) -> ScrollPosition.forward(Map.of(id, entity.getId(items.get(index)))), more);
	}

	/** The smaller of the name's limit and the Limit parameter's, {@code 0} for none. */
	static long limit(Integer maxResults, Limit limit) {
		long fromName = (maxResults != null) ? maxResults : 0;
		long fromParameter = (limit != null && limit.isLimited()) ? limit.max() : 0;
		if (fromName == 0) {
			return fromParameter;
		}
		return (fromParameter == 0) ? fromName : Math.min(fromName, fromParameter);
	}

}
