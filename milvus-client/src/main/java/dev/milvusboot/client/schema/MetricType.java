package dev.milvusboot.client.schema;

/**
 * How vector similarity is measured.
 */
public enum MetricType {

	/** Euclidean distance: smaller is closer. */
	L2,
	/** Inner product: larger is closer. */
	IP,
	/** Cosine similarity: larger is closer. */
	COSINE,
	/** Hamming distance, for binary vectors. */
	HAMMING,
	/** Jaccard distance, for binary vectors. */
	JACCARD,
	/** BM25 relevance, for sparse vectors produced from text. */
	BM25;

	/** Whether a smaller score means a closer match. */
	public boolean smallerIsCloser() {
		return this == L2 || this == HAMMING || this == JACCARD;
	}

}
