/**
 * {@link dev.milvusboot.repository.config.EnableMilvusRepositories @EnableMilvusRepositories}: registers a bean
 * for each Milvus repository interface found.
 */
package dev.milvusboot.repository.config;
