package dev.milvusboot.benchmarks.paths;

import org.springframework.ai.vectorstore.VectorStore;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.springai.MilvusClientVectorStore;
import dev.milvusboot.springai.MilvusVectorStoreOptions;

/**
 * Our Spring AI store ({@code milvus-spring-ai}) on our client with its defaults (reads: the client's
 * read-your-writes); FLAT, COSINE. At the official store's consistency: a second store on the collection reading
 * Strong.
 */
final class OurSpringAiDriver extends SpringAiDriver {

	private final MilvusClient client;

	OurSpringAiDriver(String uri, String[] args) {
		super(args);
		this.client = MilvusClient.create(MilvusClientOptions.builder().uri(uri).connectTimeout(CONNECT_TIMEOUT).build());
	}

	@Override
	VectorStore createStore(LookupEmbeddingModel embeddingModel) {
		if (this.client.hasCollection(this.collection)) {
			this.client.dropCollection(this.collection);
		}
		MilvusClientVectorStore store = store(embeddingModel, null, true);
		store.afterPropertiesSet();
		return store;
	}

	@Override
	VectorStore storeAtOfficialConsistency(LookupEmbeddingModel embeddingModel) {
		return store(embeddingModel, ConsistencyLevel.STRONG, false);
	}

	private MilvusClientVectorStore store(LookupEmbeddingModel embeddingModel, ConsistencyLevel consistency,
			boolean initializeSchema) {
		return MilvusClientVectorStore.builder(this.client, embeddingModel)
			.options(MilvusVectorStoreOptions.builder()
				.collectionName(this.collection)
				.embeddingDimension(PathsData.STORE_DIM)
				.indexType(IndexType.FLAT)
				.metricType(MetricType.COSINE)
				.initializeSchema(initializeSchema)
				.consistency(consistency)
				.build())
			.batchingStrategy(ONE_BATCH)
			.build();
	}

	@Override
	public void close() {
		this.client.close();
	}

}
