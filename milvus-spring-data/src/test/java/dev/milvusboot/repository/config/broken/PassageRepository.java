package dev.milvusboot.repository.config.broken;

import dev.milvusboot.repository.MilvusRepository;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.SearchResults;
import org.springframework.data.domain.Vector;

/** A vector search on an entity without a dense vector field. */
public interface PassageRepository extends MilvusRepository<Passage, Long> {

	SearchResults<Passage> searchByBodyNear(Vector vector, Limit limit);

}
