/**
 * {@link dev.milvusboot.core.MilvusTemplate}, the API applications inject: one call per everyday Milvus operation,
 * typed mapping of records and classes, and Milvus errors translated into Spring's {@code DataAccessException}
 * hierarchy.
 */
package dev.milvusboot.core;
