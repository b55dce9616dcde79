package dev.milvusboot.autoconfigure.springai;

import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.embedding.BatchingStrategy;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.ai.vectorstore.observation.VectorStoreObservationConvention;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.autoconfigure.MilvusAutoConfiguration;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.data.rank.Ranker;
import dev.milvusboot.springai.MilvusClientVectorStore;
import dev.milvusboot.springai.MilvusVectorStoreOptions;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of a Spring AI {@link VectorStore} on the application's single
 * {@link MilvusClient}: a {@link MilvusClientVectorStore}, when {@code dev.milvusboot:milvus-spring-ai} is on the
 * classpath, the application has one {@link EmbeddingModel} and no {@link VectorStore} of its own, and
 * {@code spring.ai.vectorstore.type} is unset or {@code milvus}. It runs before Spring AI's own Milvus
 * auto-configuration, which then backs off: one store, never two by accident.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = MilvusAutoConfiguration.class,
		beforeName = "org.springframework.ai.vectorstore.milvus.autoconfigure.MilvusVectorStoreAutoConfiguration")
@ConditionalOnClass({ VectorStore.class, MilvusClientVectorStore.class, MilvusClient.class })
@ConditionalOnSingleCandidate(MilvusClient.class)
@ConditionalOnProperty(name = "spring.ai.vectorstore.type", havingValue = "milvus", matchIfMissing = true)
@EnableConfigurationProperties(MilvusVectorStoreProperties.class)
public final class MilvusVectorStoreAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(VectorStore.class)
	@ConditionalOnSingleCandidate(EmbeddingModel.class)
	MilvusClientVectorStore milvusClientVectorStore(MilvusClient client, EmbeddingModel embeddingModel,
			MilvusVectorStoreProperties properties, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<VectorStoreObservationConvention> convention, ObjectProvider<BatchingStrategy> batching) {
		MilvusClientVectorStore.Builder builder = MilvusClientVectorStore.builder(client, embeddingModel)
			.options(options(properties))
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP));
		convention.ifAvailable(builder::customObservationConvention);
		batching.ifAvailable(builder::batchingStrategy);
		return builder.build();
	}

	static MilvusVectorStoreOptions options(MilvusVectorStoreProperties properties) {
		Integer dimension = properties.getEmbeddingDimension();
		MilvusVectorStoreProperties.Hybrid hybrid = properties.getHybrid();
		return MilvusVectorStoreOptions.builder()
			.databaseName(properties.getDatabaseName())
			.collectionName(properties.getCollectionName())
			.partitionName(properties.getPartitionName())
			.embeddingDimension((dimension != null) ? dimension : 0)
			.indexType(properties.getIndexType())
			.metricType(properties.getMetricType())
			.indexParameters(indexParameters(properties.getIndexParameters()))
			.idFieldName(properties.getIdFieldName())
			.autoId(properties.isAutoId())
			.contentFieldName(properties.getContentFieldName())
			.metadataFieldName(properties.getMetadataFieldName())
			.embeddingFieldName(properties.getEmbeddingFieldName())
			.initializeSchema(properties.isInitializeSchema())
			.consistency(properties.getConsistency())
			.hybridSearch(hybrid.isEnabled())
			.sparseFieldName(hybrid.getSparseFieldName())
			.analyzerParameters(jsonObject("hybrid.analyzer-parameters", "{\"type\":\"english\"}",
					hybrid.getAnalyzerParameters()))
			.hybridRanker(ranker(hybrid))
			.hybridSubSearchTopK(hybrid.getSubSearchTopK())
			.build();
	}

	private static Ranker ranker(MilvusVectorStoreProperties.Hybrid hybrid) {
		if (hybrid.getRanker() == MilvusVectorStoreProperties.RankerType.WEIGHTED) {
			List<Double> weights = hybrid.getWeights();
			if (weights == null || weights.size() != 2 || weights.contains(null)) {
				throw new MilvusInvalidArgumentException("spring.ai.vectorstore.milvus.hybrid.weights must hold two"
						+ " weights, the dense search's then the text search's, such as 0.7,0.3, but was " + weights);
			}
			return Ranker.weighted(weights.get(0), weights.get(1));
		}
		return Ranker.rrf(hybrid.getRrfK());
	}

	private static Map<String, Object> indexParameters(String json) {
		return jsonObject("index-parameters", "{\"nlist\":1024}", json);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> jsonObject(String property, String example, String json) {
		if (json == null || json.isBlank()) {
			return Map.of();
		}
		try {
			return JsonMapper.builder().build().readValue(json, Map.class);
		}
		catch (RuntimeException ex) {
			throw new MilvusInvalidArgumentException("spring.ai.vectorstore.milvus." + property
					+ " must be a JSON object such as " + example + ", but was " + json);
		}
	}

}
