/**
 * {@link dev.milvusboot.core.MilvusTemplate}, the API applications inject: one call per everyday Milvus operation,
 * typed mapping of records and classes, and Milvus errors translated into Spring's {@code DataAccessException}
 * hierarchy. {@link dev.milvusboot.core.ReactiveMilvusTemplate} is its reactive counterpart for applications that
 * use Reactor (optional dependency).
 */
package dev.milvusboot.core;
