/**
 * The implementation of Milvus repositories: the entity information, {@link SimpleMilvusRepository} on
 * {@code MilvusTemplate}, {@link SimpleReactiveMilvusRepository} on {@code ReactiveMilvusTemplate}, and the
 * factories that create repository proxies.
 */
package dev.milvusboot.repository.support;
