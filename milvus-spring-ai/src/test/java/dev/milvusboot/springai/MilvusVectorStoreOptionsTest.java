package dev.milvusboot.springai;

import org.junit.jupiter.api.Test;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.MetricType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The options' defaults and the messages of bad options. */
class MilvusVectorStoreOptionsTest {

	@Test
	void defaultsAreSpringAisLayout() {
		MilvusVectorStoreOptions options = MilvusVectorStoreOptions.builder().build();

		assertThat(options.collectionName()).isEqualTo("vector_store");
		assertThat(options.idFieldName()).isEqualTo("doc_id");
		assertThat(options.contentFieldName()).isEqualTo("content");
		assertThat(options.metadataFieldName()).isEqualTo("metadata");
		assertThat(options.embeddingFieldName()).isEqualTo("embedding");
		assertThat(options.metricType()).isEqualTo(MetricType.COSINE);
	}

	@Test
	void blankNamesNegativeDimensionsAndBm25AreRefusedNamingTheOption() {
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> MilvusVectorStoreOptions.builder().collectionName(" ").build())
			.withMessageContaining("collectionName");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> MilvusVectorStoreOptions.builder().embeddingDimension(-1).build())
			.withMessageContaining("embeddingDimension");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> MilvusVectorStoreOptions.builder().metricType(MetricType.BM25).build())
			.withMessageContaining("metricType");
	}

	@Test
	void aBlankDatabaseOrPartitionMeansNone() {
		MilvusVectorStoreOptions options = MilvusVectorStoreOptions.builder().databaseName("").partitionName(" ").build();

		assertThat(options.databaseName()).isNull();
		assertThat(options.partitionName()).isNull();
	}

}
