package dev.milvusboot.client.schema;

/**
 * How fresh the data seen by a search or query must be.
 */
public enum ConsistencyLevel {

	STRONG, SESSION, BOUNDED, EVENTUALLY

}
