package dev.milvusboot.core;

/**
 * A search hit mapped to an entity, with its score.
 *
 * @param <T> the entity type
 * @param entity the entity
 * @param score the distance (L2) or similarity (IP, COSINE)
 */
public record ScoredEntity<T>(T entity, float score) {

}
