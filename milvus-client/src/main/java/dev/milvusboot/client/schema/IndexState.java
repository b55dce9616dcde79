package dev.milvusboot.client.schema;

/**
 * The build state of an index.
 */
public enum IndexState {

	NONE, UNISSUED, IN_PROGRESS, FINISHED, FAILED, RETRY

}
