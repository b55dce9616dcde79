package dev.milvusboot.client.api.sync;

import java.util.List;
import java.util.Map;

import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.data.MutationResult;
import dev.milvusboot.codegen.CommandForms;

/**
 * Writing entities: inserts, upserts and deletes. Rows are maps of field names to values (vectors as
 * {@code float[]}); every row is checked against the collection's schema before anything is sent, and rows beyond
 * the request size limit are sent in several batches, in order, each once the previous one was answered.
 */
@CommandForms
public interface MilvusWriteCommands {

	/**
	 * Inserts rows (maps of field names to values; vectors as {@code float[]}). Every row is checked before
	 * anything is sent; rows beyond the request size limit are sent in several batches, in order.
	 * @param collection the collection
	 * @param rows the rows
	 * @return the primary keys written and the count
	 * @throws dev.milvusboot.client.exception.MilvusInvalidArgumentException naming the row and field at fault
	 * @throws dev.milvusboot.client.exception.MilvusPartialWriteException if a later batch failed after earlier
	 * ones were written
	 */
	MutationResult insert(String collection, List<? extends Map<String, ?>> rows);

	/**
	 * Inserts rows into a partition.
	 * @param collection the collection
	 * @param partition the partition
	 * @param rows the rows
	 * @return the primary keys written and the count
	 */
	MutationResult insert(String collection, String partition, List<? extends Map<String, ?>> rows);

	/**
	 * Inserts bare vectors, the classic way, into a collection with one vector field and automatic ids.
	 * @param collection the collection
	 * @param vectors the vectors
	 * @return the generated ids
	 */
	MutationResult insertVectors(String collection, List<float[]> vectors);

	/**
	 * Inserts bare vectors with their ids into a collection with one vector field and an int64 key.
	 * @param collection the collection
	 * @param ids the ids, one per vector
	 * @param vectors the vectors
	 * @return the ids written
	 */
	MutationResult insertVectors(String collection, List<Long> ids, List<float[]> vectors);

	/**
	 * Inserts bare vectors with automatic ids into a partition.
	 * @param collection the collection
	 * @param partition the partition
	 * @param vectors the vectors
	 * @return the generated ids
	 */
	MutationResult insertVectors(String collection, String partition, List<float[]> vectors);

	/**
	 * Inserts rows, or replaces the rows with the same primary keys.
	 * @param collection the collection
	 * @param rows the rows, each with its primary key
	 * @return the primary keys written and the count
	 */
	MutationResult upsert(String collection, List<? extends Map<String, ?>> rows);

	/**
	 * Upserts rows into a partition.
	 * @param collection the collection
	 * @param partition the partition
	 * @param rows the rows, each with its primary key
	 * @return the primary keys written and the count
	 */
	MutationResult upsert(String collection, String partition, List<? extends Map<String, ?>> rows);

	/**
	 * Deletes entities by primary key.
	 * @param collection the collection
	 * @param ids the primary keys ({@code Long} or {@code String})
	 * @return the delete count
	 */
	MutationResult delete(String collection, List<?> ids);

	/**
	 * Deletes entities of a partition by primary key.
	 * @param collection the collection
	 * @param partition the partition
	 * @param ids the primary keys ({@code Long} or {@code String})
	 * @return the delete count
	 */
	MutationResult delete(String collection, String partition, List<?> ids);

	/**
	 * Deletes the entities a boolean expression matches, e.g. {@code "year < 2000"}.
	 * @param collection the collection
	 * @param filter the expression
	 * @return the delete count
	 */
	MutationResult deleteWhere(String collection, String filter);

	/**
	 * Deletes the entities a filter with parameters matches, e.g.
	 * {@code deleteWhere("docs", Filter.of("year < {year}", Map.of("year", year)))}.
	 * @param collection the collection
	 * @param filter the filter
	 * @return the delete count
	 */
	MutationResult deleteWhere(String collection, Filter filter);

	/**
	 * Deletes the entities of one partition a filter matches.
	 * @param collection the collection
	 * @param partition the partition
	 * @param filter the filter
	 * @return the delete count
	 */
	MutationResult deleteWhere(String collection, String partition, Filter filter);

}
