package dev.milvusboot.benchmarks.paths;

import java.util.concurrent.TimeUnit;

import io.milvus.client.MilvusServiceClient;
import io.milvus.param.ConnectParam;
import io.milvus.param.IndexType;
import io.milvus.param.MetricType;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.ai.vectorstore.milvus.MilvusVectorStore;

/**
 * The official Spring AI store ({@code spring-ai-milvus-store}) on the SDK's {@code MilvusServiceClient}, with the
 * same index and metric as ours (FLAT, COSINE) and its other defaults.
 */
final class OfficialSpringAiDriver extends SpringAiDriver {

	private final MilvusServiceClient client;

	private VectorStore store;

	OfficialSpringAiDriver(String uri, String[] args) {
		super(args);
		this.client = new MilvusServiceClient(ConnectParam.newBuilder()
			.withUri(uri)
			.withConnectTimeout(CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
			.build());
	}

	@Override
	VectorStore createStore(LookupEmbeddingModel embeddingModel) throws Exception {
		OfficialLangChain4jDriver.dropIfExists(this.client, this.collection);
		MilvusVectorStore store = MilvusVectorStore.builder(this.client, embeddingModel)
			.collectionName(this.collection)
			.embeddingDimension(PathsData.STORE_DIM)
			.indexType(IndexType.FLAT)
			.metricType(MetricType.COSINE)
			.initializeSchema(true)
			.batchingStrategy(ONE_BATCH)
			.build();
		store.afterPropertiesSet();
		this.store = store;
		return store;
	}

	/** The store itself: it always searches with Strong consistency. */
	@Override
	VectorStore storeAtOfficialConsistency(LookupEmbeddingModel embeddingModel) {
		return this.store;
	}

	@Override
	public void close() {
		this.client.close();
	}

}
