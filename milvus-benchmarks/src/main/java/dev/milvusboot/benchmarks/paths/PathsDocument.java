package dev.milvusboot.benchmarks.paths;

import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.core.mapping.MilvusCollection;
import dev.milvusboot.core.mapping.MilvusField;
import dev.milvusboot.core.mapping.MilvusId;
import dev.milvusboot.core.mapping.MilvusVector;

/**
 * The entity of the repository and reactive parts: an id, a title and a 128-dim embedding (COSINE, AUTOINDEX: an
 * HNSW index without parameters, which the mapping cannot give, is refused by Milvus 2.3).
 */
@MilvusCollection(PathsDocument.COLLECTION)
record PathsDocument(@MilvusId long id, @MilvusField(maxLength = 128) String title,
		@MilvusVector(dimension = PathsData.TEXT_DENSE_DIM, metric = MetricType.COSINE,
				indexType = IndexType.AUTOINDEX) float[] embedding) {

	static final String COLLECTION = "paths_documents";

}
