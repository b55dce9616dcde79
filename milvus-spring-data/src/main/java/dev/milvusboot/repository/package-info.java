/**
 * Spring Data repositories for Milvus: {@link dev.milvusboot.repository.MilvusRepository} and its reactive
 * counterpart {@link dev.milvusboot.repository.ReactiveMilvusRepository}, methods derived from their names,
 * {@link dev.milvusboot.repository.Query @Query} filters and vector search methods in Spring Data's own terms
 * ({@code Vector}, {@code Score}, {@code Similarity}, {@code SearchResults}).
 */
package dev.milvusboot.repository;
