package dev.milvusboot.client.schema;

/**
 * Whether a collection or partition is loaded into memory for search and query.
 */
public enum LoadState {

	NOT_EXIST, NOT_LOADED, LOADING, LOADED

}
