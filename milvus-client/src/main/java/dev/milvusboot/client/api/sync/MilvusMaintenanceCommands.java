package dev.milvusboot.client.api.sync;

import dev.milvusboot.client.admin.CompactionResult;
import dev.milvusboot.codegen.CommandForms;

/**
 * Maintenance: flushing recent writes and compacting collections.
 */
@CommandForms
public interface MilvusMaintenanceCommands {

	/**
	 * Persists the recent writes of collections and waits (within the deadline) until the server says they are
	 * flushed.
	 * @param collections the collections, at least one
	 */
	void flush(String... collections);

	/**
	 * Compacts a collection (merging small segments, purging deleted rows) and waits (within the deadline) until
	 * the compaction has completed.
	 * @param collection the collection
	 * @return the state of the completed compaction
	 */
	CompactionResult compact(String collection);

	/**
	 * Starts compacting a collection without waiting.
	 * @param collection the collection
	 * @return the compaction's id, to pass to {@link #compactionState(long)}
	 */
	long startCompaction(String collection);

	/**
	 * The state of a compaction started by {@link #startCompaction(String)}.
	 * @param compactionId the compaction's id
	 * @return its state
	 */
	CompactionResult compactionState(long compactionId);

}
