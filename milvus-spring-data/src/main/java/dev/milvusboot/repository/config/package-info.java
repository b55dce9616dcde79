/**
 * {@link dev.milvusboot.repository.config.EnableMilvusRepositories @EnableMilvusRepositories} and
 * {@link dev.milvusboot.repository.config.EnableReactiveMilvusRepositories @EnableReactiveMilvusRepositories}: register a bean
 * for each Milvus repository interface found.
 */
package dev.milvusboot.repository.config;
