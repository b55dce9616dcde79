package dev.milvusboot.client.admin;

/**
 * Where a compaction is.
 */
public enum CompactionState {

	/** The server does not know the compaction (or has forgotten it). */
	UNDEFINED,
	/** Plans are still running. */
	EXECUTING,
	/** Every plan has finished. */
	COMPLETED

}
