package dev.milvusboot.langchain4j;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.local.junit.TestNames;

/**
 * What the suite classes of one server share: a client, unique collection names and the embedding model that ships
 * inside its jar (384 dimensions, nothing downloaded).
 */
final class SuiteServer implements AutoCloseable {

	/** The model of LangChain4j's own suites; loading it is costly, so one per test JVM. */
	static final EmbeddingModel MODEL = new AllMiniLmL6V2QuantizedEmbeddingModel();

	static final int DIMENSION = 384;

	private final MilvusClient client;

	private final TestNames names;

	SuiteServer(String uri, TestNames names) {
		this.client = MilvusClient.create(uri);
		this.names = names;
	}

	MilvusClient client() {
		return this.client;
	}

	/** A store over a new collection of its own. */
	MilvusClientEmbeddingStore newStore(String base) {
		return MilvusClientEmbeddingStore.builder(this.client)
			.collectionName(this.names.collection(base))
			.dimension(DIMENSION)
			.build();
	}

	String collection(String base) {
		return this.names.collection(base);
	}

	@Override
	public void close() {
		this.client.close();
	}

}
