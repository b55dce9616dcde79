package dev.milvusboot.springai;

import org.junit.jupiter.api.Test;

import java.util.Map;

import dev.milvusboot.client.data.rank.BoostRanker;
import dev.milvusboot.client.data.rank.Ranker;
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
		assertThat(options.hybridSearch()).isFalse();
		assertThat(options.sparseFieldName()).isEqualTo("sparse");
		assertThat(options.analyzerParameters()).isEmpty();
		assertThat(options.hybridRanker()).isEqualTo(Ranker.rrf(60));
		assertThat(options.hybridSubSearchTopK()).isZero();
	}

	@Test
	void hybridOptionsAreKept() {
		MilvusVectorStoreOptions options = MilvusVectorStoreOptions.builder()
			.hybridSearch(true)
			.sparseFieldName("bm25")
			.analyzerParameters(Map.of("type", "english"))
			.hybridRanker(Ranker.weighted(0.7, 0.3))
			.hybridSubSearchTopK(50)
			.build();

		assertThat(options.hybridSearch()).isTrue();
		assertThat(options.sparseFieldName()).isEqualTo("bm25");
		assertThat(options.analyzerParameters()).isEqualTo(Map.of("type", "english"));
		assertThat(options.hybridRanker()).isEqualTo(Ranker.weighted(0.7, 0.3));
		assertThat(options.hybridSubSearchTopK()).isEqualTo(50);
		assertThat(options).hasToString("MilvusVectorStoreOptions[collection=vector_store, database=null, "
				+ "partition=null, metric=COSINE, index=AUTOINDEX, dimension=0, hybrid=WeightedRanker[weights=[0.7,"
				+ " 0.3], normalize=true] on bm25]");
	}

	@Test
	void badHybridOptionsAreRefusedNamingTheOption() {
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> MilvusVectorStoreOptions.builder().hybridRanker(Ranker.weighted(1)).build())
			.withMessageContaining("hybridRanker")
			.withMessageContaining("two weights");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> MilvusVectorStoreOptions.builder()
				.hybridRanker(BoostRanker.builder().filter("year > 2000").weight(2).build())
				.build())
			.withMessageContaining("hybridRanker must fuse");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> MilvusVectorStoreOptions.builder().hybridRanker(null).build())
			.withMessageContaining("hybridRanker");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> MilvusVectorStoreOptions.builder().hybridSubSearchTopK(-1).build())
			.withMessageContaining("hybridSubSearchTopK");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> MilvusVectorStoreOptions.builder().sparseFieldName(" ").build())
			.withMessageContaining("sparseFieldName");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> MilvusVectorStoreOptions.builder().hybridSearch(true).sparseFieldName("content").build())
			.withMessageContaining("'content' is given twice");
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
