package dev.milvusboot.client.schema;

/**
 * Well-known Milvus index types. Any other type can be given by name in {@link IndexParams}.
 */
public enum IndexType {

	FLAT, IVF_FLAT, IVF_SQ8, IVF_PQ, HNSW, HNSW_SQ, DISKANN, SCANN, AUTOINDEX, BIN_FLAT, BIN_IVF_FLAT,
	SPARSE_INVERTED_INDEX, SPARSE_WAND, INVERTED, STL_SORT, TRIE, BITMAP

}
