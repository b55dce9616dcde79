package dev.milvusboot.benchmarks.paths;

import java.util.concurrent.TimeUnit;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.milvus.MilvusEmbeddingStore;
import io.milvus.client.MilvusServiceClient;
import io.milvus.param.ConnectParam;
import io.milvus.param.IndexType;
import io.milvus.param.MetricType;
import io.milvus.param.collection.DropCollectionParam;
import io.milvus.param.collection.HasCollectionParam;

/**
 * The official LangChain4j store ({@code langchain4j-milvus}: {@code MilvusEmbeddingStore} on the SDK's
 * {@code MilvusServiceClient}), with the same index and metric as ours (FLAT, COSINE) and its other defaults.
 */
final class OfficialLangChain4jDriver extends LangChain4jDriver {

	private final MilvusServiceClient client;

	private EmbeddingStore<TextSegment> store;

	OfficialLangChain4jDriver(String uri, String[] args) {
		super(args);
		this.client = new MilvusServiceClient(ConnectParam.newBuilder()
			.withUri(uri)
			.withConnectTimeout(CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
			.build());
	}

	/** Drops a collection through the SDK's V1 client if it exists. */
	static void dropIfExists(MilvusServiceClient client, String collection) {
		if (Boolean.TRUE.equals(client.hasCollection(HasCollectionParam.newBuilder().withCollectionName(collection)
			.build()).getData())) {
			client.dropCollection(DropCollectionParam.newBuilder().withCollectionName(collection).build());
		}
	}

	@Override
	EmbeddingStore<TextSegment> createStore() {
		dropIfExists(this.client, this.collection);
		this.store = MilvusEmbeddingStore.builder()
			.milvusClient(this.client)
			.collectionName(this.collection)
			.dimension(PathsData.STORE_DIM)
			.indexType(IndexType.FLAT)
			.metricType(MetricType.COSINE)
			.build();
		return this.store;
	}

	/** The store itself: it always searches with Eventually consistency. */
	@Override
	EmbeddingStore<TextSegment> storeAtOfficialConsistency() {
		return this.store;
	}

	@Override
	public void close() {
		this.client.close();
	}

}
