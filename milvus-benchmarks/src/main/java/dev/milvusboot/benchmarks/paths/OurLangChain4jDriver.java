package dev.milvusboot.benchmarks.paths;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.langchain4j.MilvusClientEmbeddingStore;

/**
 * Our LangChain4j store ({@code milvus-langchain4j}) on our client with its defaults (reads: the client's
 * read-your-writes); FLAT, COSINE. At the official store's consistency: a second store on the collection reading
 * Eventually.
 */
final class OurLangChain4jDriver extends LangChain4jDriver {

	private final MilvusClient client;

	OurLangChain4jDriver(String uri, String[] args) {
		super(args);
		this.client = MilvusClient.create(MilvusClientOptions.builder().uri(uri).connectTimeout(CONNECT_TIMEOUT).build());
	}

	@Override
	EmbeddingStore<TextSegment> createStore() {
		if (this.client.hasCollection(this.collection)) {
			this.client.dropCollection(this.collection);
		}
		return builder().build();
	}

	@Override
	EmbeddingStore<TextSegment> storeAtOfficialConsistency() {
		// As the official store searches by default: Eventually, and matches without their embeddings.
		return builder().consistency(ConsistencyLevel.EVENTUALLY)
			.retrieveEmbeddingsOnSearch(false)
			.createCollection(false)
			.build();
	}

	private MilvusClientEmbeddingStore.Builder builder() {
		return MilvusClientEmbeddingStore.builder(this.client)
			.collectionName(this.collection)
			.dimension(PathsData.STORE_DIM)
			.indexType(IndexType.FLAT)
			.metric(MetricType.COSINE);
	}

	@Override
	public void close() {
		this.client.close();
	}

}
