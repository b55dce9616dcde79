package dev.milvusboot.client.schema;

import java.util.Map;

/**
 * An index as the server describes it.
 *
 * @param indexName the index name
 * @param fieldName the indexed field
 * @param indexType the index type name, for example {@code HNSW}
 * @param metricType the metric type name, or {@code null} for a scalar index
 * @param params the build parameters, values as text (for example {@code M=16})
 * @param state the build state
 * @param indexedRows the rows indexed so far
 * @param totalRows the rows to index
 * @param pendingRows the rows waiting to be indexed
 * @param failureReason why the build failed, or an empty string
 */
public record IndexDescription(String indexName, String fieldName, String indexType, String metricType,
		Map<String, String> params, IndexState state, long indexedRows, long totalRows, long pendingRows,
		String failureReason) {

	public IndexDescription {
		params = Map.copyOf(params);
		failureReason = (failureReason != null) ? failureReason : "";
	}

	/** Whether the index is built and covers every row. */
	public boolean isBuilt() {
		return this.state == IndexState.FINISHED && this.pendingRows == 0;
	}

}
