package dev.milvusboot.client.api.sync;

import java.util.Iterator;
import java.util.List;

import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.codegen.CommandForms;

/**
 * Reading entities by primary key or filter: gets, queries, counts, and paging through every match. Reads see this
 * client's own writes unless a query asks for another consistency.
 */
@CommandForms
public interface MilvusQueryCommands {

	/**
	 * Gets entities by primary key, in the order of the ids; ids not found are left out.
	 * @param collection the collection
	 * @param ids the primary keys
	 * @param outputFields the fields to return (none: the primary key only; {@code "*"}: all)
	 * @return the entities found
	 */
	List<Row> get(String collection, List<?> ids, String... outputFields);

	/**
	 * Gets entities of one partition by primary key, in the order of the ids; ids not found there are left out.
	 * @param collection the collection
	 * @param partition the partition
	 * @param ids the primary keys
	 * @param outputFields the fields to return (none: the primary key only; {@code "*"}: all)
	 * @return the entities found
	 */
	List<Row> get(String collection, String partition, List<?> ids, String... outputFields);

	/**
	 * Runs a query.
	 * @param query the query
	 * @return the matching entities
	 */
	List<Row> query(Query query);

	/**
	 * Counts entities.
	 * @param collection the collection
	 * @param filter a boolean expression, or empty for all entities
	 * @return the count
	 */
	long count(String collection, String filter);

	/**
	 * Counts the entities a filter with parameters matches.
	 * @param collection the collection
	 * @param filter the filter
	 * @return the count
	 */
	long count(String collection, Filter filter);

	/**
	 * Pages through every entity a query matches, in primary key order, however many there are. The reactive
	 * form is a {@code Flux} fetching pages on demand.
	 * @param query the query; its limit, if any, caps the total
	 * @param batchSize the entities per page (1 to 16384)
	 * @return the pages
	 */
	@CommandForms.BlockingOnly
	Iterator<List<Row>> queryIterator(Query query, int batchSize);

}
