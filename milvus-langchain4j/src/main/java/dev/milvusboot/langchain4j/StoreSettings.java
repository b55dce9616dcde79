package dev.milvusboot.langchain4j;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.client.schema.Names;

/**
 * What a {@link MilvusClientEmbeddingStore} was built with; checked once, then immutable.
 */
record StoreSettings(String databaseName, String collectionName, String partitionName, Integer dimension,
		MetricType metric, IndexType indexType, Map<String, Object> indexParameters, String idFieldName,
		String textFieldName, String metadataFieldName, String metadataTypesFieldName, String vectorFieldName,
		boolean createCollection, ConsistencyLevel consistency, boolean retrieveEmbeddingsOnSearch) {

	StoreSettings {
		indexParameters = Map.copyOf(indexParameters);
		if (databaseName != null) {
			Names.requireValid(databaseName, "database name");
		}
		Names.requireValid(collectionName, "collection name");
		if (partitionName != null) {
			Names.requireValid(partitionName, "partition name");
		}
		for (String field : new String[] { idFieldName, textFieldName, metadataFieldName, metadataTypesFieldName,
				vectorFieldName }) {
			Names.requireValid(field, "field name");
		}
		if (dimension != null && dimension < 1) {
			throw new MilvusInvalidArgumentException("The dimension must be at least 1, but was " + dimension);
		}
		if (metric == null || indexType == null) {
			throw new MilvusInvalidArgumentException("The metric and the index type must not be null");
		}
		if (metric == MetricType.BM25 || metric == MetricType.HAMMING || metric == MetricType.JACCARD) {
			throw new MilvusInvalidArgumentException(
					"The metric must be COSINE, IP or L2 for float vectors, but was " + metric);
		}
	}

	static Map<String, Object> copy(Map<String, ?> parameters) {
		return (parameters == null) ? Map.of() : new LinkedHashMap<>(parameters);
	}

}
