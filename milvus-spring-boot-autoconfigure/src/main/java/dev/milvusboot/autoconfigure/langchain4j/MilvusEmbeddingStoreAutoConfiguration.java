package dev.milvusboot.autoconfigure.langchain4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.langchain4j.store.embedding.EmbeddingStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.milvusboot.autoconfigure.MilvusAutoConfiguration;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.langchain4j.MilvusClientEmbeddingStore;
import dev.milvusboot.springai.MilvusClientVectorStore;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of a LangChain4j {@link EmbeddingStore} on the application's
 * single {@link MilvusClient}: a {@link MilvusClientEmbeddingStore} configured by
 * {@link MilvusEmbeddingStoreProperties milvus.langchain4j.*}, created when
 * <ul>
 * <li>LangChain4j ({@code dev.langchain4j:langchain4j-core}) and {@code milvus-langchain4j} are on the classpath
 * (the starter brings the latter, not LangChain4j),</li>
 * <li>there is one {@link MilvusClient} (or a primary one),</li>
 * <li>the application has no {@link EmbeddingStore} of its own, and</li>
 * <li>{@code milvus.langchain4j.enabled} is not {@code false}.</li>
 * </ul>
 * Nothing is sent to Milvus at start-up: the collection is opened (and created) on first use. If a Spring AI
 * {@link MilvusClientVectorStore} on the same client uses the same collection in the same database, start-up fails
 * with a {@link MilvusStoreCollectionConflictException}: never two stores with different schemas on one collection
 * by accident.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = MilvusAutoConfiguration.class)
@ConditionalOnClass({ EmbeddingStore.class, MilvusClientEmbeddingStore.class, MilvusClient.class })
@ConditionalOnSingleCandidate(MilvusClient.class)
@ConditionalOnMissingBean(EmbeddingStore.class)
@ConditionalOnBooleanProperty(name = "milvus.langchain4j.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MilvusEmbeddingStoreProperties.class)
public final class MilvusEmbeddingStoreAutoConfiguration {

	@Bean
	MilvusClientEmbeddingStore milvusClientEmbeddingStore(MilvusClient client,
			MilvusEmbeddingStoreProperties properties) {
		return builder(client, properties).build();
	}

	static MilvusClientEmbeddingStore.Builder builder(MilvusClient client, MilvusEmbeddingStoreProperties properties) {
		Map<String, Object> indexParameters = new LinkedHashMap<>(properties.getIndexParameters());
		return MilvusClientEmbeddingStore.builder(client)
			.databaseName(properties.getDatabase())
			.collectionName(properties.getCollection())
			.partitionName(properties.getPartition())
			.dimension(properties.getDimension())
			.metric(properties.getMetric())
			.indexType(properties.getIndexType())
			.indexParameters(indexParameters)
			.idFieldName(properties.getIdFieldName())
			.textFieldName(properties.getTextFieldName())
			.metadataFieldName(properties.getMetadataFieldName())
			.metadataTypesFieldName(properties.getMetadataTypesFieldName())
			.vectorFieldName(properties.getVectorFieldName())
			.createCollection(properties.isCreateCollection())
			.consistency(properties.getConsistency())
			.retrieveEmbeddingsOnSearch(properties.isRetrieveEmbeddingsOnSearch());
	}

	/** When {@code milvus-spring-ai} is present too: its store must not share our collection. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MilvusClientVectorStore.class)
	static class SpringAiCollectionCheckConfiguration {

		@Bean
		SpringAiCollectionCheck milvusSpringAiCollectionCheck(MilvusClient client,
				MilvusEmbeddingStoreProperties properties, ObjectProvider<MilvusClientVectorStore> vectorStores) {
			List<MilvusClientVectorStore> stores = vectorStores.orderedStream().toList();
			return SpringAiCollectionCheck.check(client, properties, stores);
		}

	}

}
