package dev.milvusboot.core;

/**
 * A search hit mapped to an entity, with its score.
 *
 * @param <T> the entity type
 * @param entity the entity
 * @param score the distance (L2) or similarity (IP, COSINE) of a vector search, the server's BM25 score of a text
 * search, or the ranker's score of a hybrid search
 */
public record ScoredEntity<T>(T entity, float score) {

}
