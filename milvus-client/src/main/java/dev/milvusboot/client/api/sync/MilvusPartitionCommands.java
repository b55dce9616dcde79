package dev.milvusboot.client.api.sync;

import java.util.List;

import dev.milvusboot.codegen.CommandForms;

/**
 * Partitions: create, check, list, drop, load and release.
 */
@CommandForms
public interface MilvusPartitionCommands {

	/**
	 * Creates a partition.
	 * @param collection the collection
	 * @param partition the partition name
	 */
	void createPartition(String collection, String partition);

	/**
	 * Drops a partition and its data; it must be released first.
	 * @param collection the collection
	 * @param partition the partition name
	 */
	void dropPartition(String collection, String partition);

	/**
	 * Whether a partition exists.
	 * @param collection the collection
	 * @param partition the partition name
	 * @return whether it exists
	 */
	boolean hasPartition(String collection, String partition);

	/**
	 * The names of the partitions of a collection, {@code _default} included.
	 * @param collection the collection
	 * @return the partition names
	 */
	List<String> listPartitions(String collection);

	/**
	 * Loads partitions and waits (within the deadline) until they are loaded.
	 * @param collection the collection
	 * @param partitions the partitions, at least one
	 * @throws dev.milvusboot.client.exception.MilvusUnsupportedException on Milvus Lite, which loads whole
	 * collections only
	 */
	void loadPartitions(String collection, String... partitions);

	/**
	 * Releases partitions from memory.
	 * @param collection the collection
	 * @param partitions the partitions, at least one
	 * @throws dev.milvusboot.client.exception.MilvusUnsupportedException on Milvus Lite, which releases whole
	 * collections only
	 */
	void releasePartitions(String collection, String... partitions);

}
