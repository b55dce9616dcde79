package dev.milvusboot.repository.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.repository.support.MilvusEntityInformation;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Sort;

/**
 * Reads the entities a filter matches in primary key order, the only order Milvus can give (its queries have no
 * {@code ORDER BY}). A read with an offset or a limit first reads the matching keys alone, orders and slices them,
 * then fetches the slice's entities by key: so offsets past Milvus' offset + limit window of 16,384 work, at the
 * cost of reading every matching key.
 *
 * @param <T> the entity type
 */
public final class KeyOrderedReads<T> {

	private final MilvusTemplate template;

	private final MilvusEntityInformation<T, ?> entity;

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
		boolean descending = false;
		String id = this.entity.idProperty().javaName();
		for (Sort.Order order : sort) {
			if (!order.getProperty().equals(id) && !order.getProperty().equals(this.entity.idProperty().milvusName())) {
				throw new InvalidDataAccessApiUsageException("Cannot sort " + this.entity.getJavaType().getSimpleName()
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
		String collection = this.entity.collection();
		String idField = this.entity.idProperty().milvusName();
		if (offset == 0 && limit == 0) {
			List<Row> rows = this.template.query(
					Query.in(collection).filter(matching).outputFields(this.entity.metadata().fieldNames()).build());
			List<T> entities = new ArrayList<>(rows.stream().map(this.entity.metadata()::fromRow).toList());
			entities.sort(order(descending));
			return new Chunk<>(entities, entities.size());
		}
		List<Row> keyRows = this.template.query(Query.in(collection).filter(matching).outputFields(idField).build());
		List<Object> keys = new ArrayList<>(keyRows.size());
		keyRows.forEach((row) -> keys.add(row.get(idField)));
		Comparator<Object> keyOrder = KeyOrderedReads::compareKeys;
		keys.sort(descending ? keyOrder.reversed() : keyOrder);
		int from = (int) Math.min(offset, keys.size());
		int to = (limit == 0) ? keys.size() : (int) Math.min(keys.size(), from + limit);
		if (from >= to) {
			return new Chunk<>(List.of(), keys.size());
		}
		List<T> entities = new ArrayList<>(this.template.findByIds(this.entity.getJavaType(), keys.subList(from, to)));
		entities.sort(order(descending));
		return new Chunk<>(entities, keys.size());
	}

	private Comparator<T> order(boolean descending) {
		Comparator<T> ascending = (a, b) -> compareKeys(this.entity.getId(a), this.entity.getId(b));
		return descending ? ascending.reversed() : ascending;
	}

	@SuppressWarnings("unchecked")
	private static int compareKeys(Object a, Object b) {
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
