/**
 * The implementation of Milvus repositories: the entity information, {@link SimpleMilvusRepository} on
 * {@code MilvusTemplate}, and the factory that creates repository proxies.
 */
package dev.milvusboot.repository.support;
