package dev.milvusboot.repository.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.repository.support.MilvusEntityInformation;

import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Sort;

/**
 * Reads the entities a filter matches in primary key order, the only order Milvus can give (its queries have no
 * {@code ORDER BY}). A read with an offset or a limit first reads the matching keys alone, orders and slices them,
 * then fetches the slice's entities by key: so offsets past Milvus' offset + limit window of 16,384 work, at the
 * cost of reading every matching key. The first entities in ascending key order ({@link #first}, what a window
 * forward needs) are read with only their own keys when the server returns the lowest keys to a limited query.
 *
 * @param <T> the entity type
 */
public final class KeyOrderedReads<T> {

	/** How many keys one range read asks for: below the row cap of every server. */
	static final int RANGE = 10_000;

	/** Reads without limit of at least this many rows are checked against a count. */
	static final int VERIFIED_ABOVE = 1_000;

	/** The parameter of the key after which a range of keys is read. */
	private static final String AFTER_KEY = "afterKeyOfRange";

	/** The parameter of the greatest key of a limited read, to count the matches up to it. */
	private static final String UP_TO_KEY = "upToKeyOfRange";

	private final MilvusTemplate template;

	private final MilvusEntityInformation<T, ?> entity;

	/** Whether {@link #first} still tries a limited query, until the server once returns other keys than the lowest. */
	private volatile boolean limitedQueriesReturnLowestKeys = true;

	/**
	 * Reads of one entity type.
	 * @param template the template
	 * @param entity the entity
	 */
	public KeyOrderedReads(MilvusTemplate template, MilvusEntityInformation<T, ?> entity) {
		this.template = template;
		this.entity = entity;
	}

	/**
	 * Checks that a sort can be honoured: unsorted, or by the id property alone, without ignoring case.
	 * @param sort the sort
	 * @return whether the order is descending
	 * @throws InvalidDataAccessApiUsageException naming the property that cannot be sorted by
	 */
	public boolean descending(Sort sort) {
		return descending(this.entity, sort);
	}

	/**
	 * Checks that a sort of an entity type can be honoured: unsorted, or by the id property alone, without ignoring
	 * case.
	 * @param entity the entity
	 * @param sort the sort
	 * @return whether the order is descending
	 * @throws InvalidDataAccessApiUsageException naming the property that cannot be sorted by
	 */
	static boolean descending(MilvusEntityInformation<?, ?> entity, Sort sort) {
		boolean descending = false;
		String id = entity.idProperty().javaName();
		for (Sort.Order order : sort) {
			if (!order.getProperty().equals(id) && !order.getProperty().equals(entity.idProperty().milvusName())) {
				throw new InvalidDataAccessApiUsageException("Cannot sort " + entity.getJavaType().getSimpleName()
						+ " by '" + order.getProperty() + "': Milvus queries have no ORDER BY, so repositories sort"
						+ " only by the id property '" + id + "' (reading in primary key order)");
			}
			if (order.isIgnoreCase()) {
				throw new InvalidDataAccessApiUsageException(
						"Cannot sort by '" + order.getProperty() + "' ignoring case: Milvus orders keys as stored");
			}
			descending = order.isDescending();
		}
		return descending;
	}

	/**
	 * Reads all matching entities.
	 * @param filter the filter, {@link Filter#NONE} for all
	 * @param sort the order (by id only)
	 * @return the entities in order
	 */
	public List<T> all(Filter filter, Sort sort) {
		return read(filter, sort, 0, 0).content();
	}

	/**
	 * Reads a slice of the matching entities.
	 * @param filter the filter, {@link Filter#NONE} for all
	 * @param sort the order (by id only)
	 * @param offset how many to skip
	 * @param limit how many at most, {@code 0} for all
	 * @return the entities of the slice and how many match in all
	 */
	public Chunk<T> read(Filter filter, Sort sort, long offset, long limit) {
		boolean descending = descending(sort);
		Filter matching = filter.isEmpty() ? Filter.of(this.entity.matchAll()) : filter;
		if (offset == 0 && limit == 0) {
			List<Row> rows = this.template.query(Query.in(this.entity.collection())
				.filter(matching)
				.outputFields(this.entity.metadata().fieldNames())
				.build());
			if (complete(rows.size(), matching)) {
				List<T> entities = new ArrayList<>(rows.stream().map(this.entity.metadata()::fromRow).toList());
				entities.sort(order(descending));
				return new Chunk<>(entities, entities.size());
			}
		}
		List<Object> keys = keys(matching);
		Comparator<Object> keyOrder = KeyOrderedReads::compareKeys;
		keys.sort(descending ? keyOrder.reversed() : keyOrder);
		int from = (int) Math.min(offset, keys.size());
		int to = (limit == 0) ? keys.size() : (int) Math.min(keys.size(), from + limit);
		List<T> entities = new ArrayList<>(to - from);
		for (int start = from; start < to; start += RANGE) {
			List<Object> batch = keys.subList(start, Math.min(to, start + RANGE));
			entities.addAll(this.template.findByIds(this.entity.getJavaType(), batch));
		}
		entities.sort(order(descending));
		return new Chunk<>(entities, keys.size());
	}

	/**
	 * The first entities a filter matches in ascending key order, reading only as many keys as asked for: the server
	 * is asked for that many matching keys, and a count of the matches up to the greatest of them shows whether they
	 * are the lowest (Milvus does not promise which rows a limited query returns: Milvus 2.3 returns the lowest,
	 * Milvus Lite 3.2 the first stored). If they are not, or more than {@value #RANGE} are asked for, every matching
	 * key is read as by {@link #read}; after one such miss, these reads no longer ask for the lowest keys first.
	 * @param filter the filter, {@link Filter#NONE} for all
	 * @param limit how many at most, more than {@code 0}
	 * @return the entities in ascending key order
	 */
	public List<T> first(Filter filter, long limit) {
		Filter matching = filter.isEmpty() ? Filter.of(this.entity.matchAll()) : filter;
		if (this.limitedQueriesReturnLowestKeys && limit > 0 && limit <= RANGE) {
			List<Object> keys = keyRange(matching, null, (int) limit);
			if (lowest(matching, keys, limit)) {
				List<T> entities = new ArrayList<>(
						keys.isEmpty() ? List.of() : this.template.findByIds(this.entity.getJavaType(), keys));
				entities.sort(order(false));
				return entities;
			}
			this.limitedQueriesReturnLowestKeys = false;
		}
		return read(matching, Sort.unsorted(), 0, limit).content();
	}

	/** Whether keys a limited query returned are the lowest that match: as many match up to the greatest of them. */
	private boolean lowest(Filter matching, List<Object> keys, long limit) {
		if (keys.size() < limit) {
			return keys.size() == this.template.count(this.entity.collection(), matching);
		}
		Object greatest = keys.stream().max(KeyOrderedReads::compareKeys).orElseThrow();
		Map<String, Object> params = new LinkedHashMap<>(matching.params());
		params.put(UP_TO_KEY, greatest);
		Filter upTo = Filter.of("(" + matching.expression() + ") and " + this.entity.idProperty().milvusName()
				+ " <= {" + UP_TO_KEY + "}", params);
		return keys.size() == this.template.count(this.entity.collection(), upTo);
	}

	/**
	 * The keys a filter matches. Some servers (Milvus Lite 2.5) return at most 16,383 rows to a query without a
	 * limit: when many come back and a count says there are more, the keys are read again in ranges of ascending
	 * keys ({@code id > last}, {@value #RANGE} at a time).
	 * @throws DataRetrievalFailureException if the server's answers do not add up to its count
	 */
	private List<Object> keys(Filter matching) {
		List<Object> keys = keyRange(matching, null, 0);
		if (complete(keys.size(), matching)) {
			return keys;
		}
		keys = new ArrayList<>();
		List<Object> range = keyRange(matching, null, RANGE);
		while (!range.isEmpty()) {
			range.sort(KeyOrderedReads::compareKeys);
			keys.addAll(range);
			range = (range.size() < RANGE) ? List.of() : keyRange(matching, range.get(range.size() - 1), RANGE);
		}
		return checkedKeys(this.entity, matching, keys, this.template.count(this.entity.collection(), matching));
	}

	/**
	 * The keys read by ranges, once they add up to the count of matches.
	 * @throws DataRetrievalFailureException if they do not
	 */
	static List<Object> checkedKeys(MilvusEntityInformation<?, ?> entity, Filter matching, List<Object> keys,
			long total) {
		if (keys.size() != total) {
			throw new DataRetrievalFailureException("Cannot read the " + total + " keys of collection '"
					+ entity.collection() + "' matching " + matching + " in order: the server returned "
					+ keys.size() + " (it caps the rows of a query and does not return the lowest keys first)");
		}
		return keys;
	}

	/** Whether a read without limit got every match: small reads are taken as whole, large ones are counted. */
	private boolean complete(int read, Filter matching) {
		return read < VERIFIED_ABOVE || read == this.template.count(this.entity.collection(), matching);
	}

	/** The matching keys: all the server returns ({@code limit} 0), or the first after a key. */
	private List<Object> keyRange(Filter matching, Object after, int limit) {
		String idField = this.entity.idProperty().milvusName();
		List<Row> rows = this.template.query(keyQuery(this.entity, matching, after, limit));
		List<Object> keys = new ArrayList<>(rows.size());
		rows.forEach((row) -> keys.add(row.get(idField)));
		return keys;
	}

	/**
	 * The query of the keys a filter matches: all the server returns ({@code limit} 0), or the first after a key.
	 * @param entity the entity
	 * @param matching the filter
	 * @param after the key the range starts after, or {@code null}
	 * @param limit how many keys, 0 for all
	 * @return the query
	 */
	static Query keyQuery(MilvusEntityInformation<?, ?> entity, Filter matching, Object after, int limit) {
		String idField = entity.idProperty().milvusName();
		Query.Builder query = Query.in(entity.collection()).outputFields(idField).limit(limit);
		if (after == null) {
			query.filter(matching);
		}
		else {
			Map<String, Object> params = new LinkedHashMap<>(matching.params());
			params.put(AFTER_KEY, after);
			query.filter(Filter.of("(" + matching.expression() + ") and " + idField + " > {" + AFTER_KEY + "}", params));
		}
		return query.build();
	}

	private Comparator<T> order(boolean descending) {
		Comparator<T> ascending = (a, b) -> compareKeys(this.entity.getId(a), this.entity.getId(b));
		return descending ? ascending.reversed() : ascending;
	}

	@SuppressWarnings("unchecked")
	static int compareKeys(Object a, Object b) {
		return ((Comparable<Object>) a).compareTo(b);
	}

	/**
	 * Entities read and how many matched in all.
	 *
	 * @param <T> the entity type
	 * @param content the entities, in order
	 * @param total how many entities matched
	 */
	public record Chunk<T>(List<T> content, long total) {

	}

}
