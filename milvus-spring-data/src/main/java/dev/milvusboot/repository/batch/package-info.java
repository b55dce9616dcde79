/**
 * Spring Batch support for Milvus repositories (needs {@code spring-batch-infrastructure} on the class path):
 * {@link dev.milvusboot.repository.batch.KeysetItemReader} reads a repository's key-based windows. Writing needs
 * nothing of its own: Spring Batch's {@code RepositoryItemWriter} saves each chunk with {@code saveAll}.
 */
package dev.milvusboot.repository.batch;
