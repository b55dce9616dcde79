package dev.milvusboot.benchmarks.paths;

import java.util.List;

import dev.milvusboot.repository.MilvusRepository;

/** The repository of the repository part: one derived vector search. */
interface PathsDocumentRepository extends MilvusRepository<PathsDocument, Long> {

	List<PathsDocument> findTop10ByEmbeddingNear(float[] vector);

}
