package dev.milvusboot.langchain4j;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.EmbeddingStoreWithFilteringIT;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * LangChain4j 1.19.0's own {@code EmbeddingStoreWithFilteringIT}, unchanged (with the tests of
 * {@code EmbeddingStoreIT} and {@code EmbeddingStoreWithoutMetadataIT} it extends), against Milvus Lite 3.2: one
 * collection for the class, emptied before each test through the store's {@code removeAll()}.
 */
@MilvusLiteTest
class LangChain4jFilteringSuiteOnMilvusLiteTest extends EmbeddingStoreWithFilteringIT {

	private static SuiteServer server;

	private static MilvusClientEmbeddingStore store;

	@BeforeAll
	static void connect(MilvusLite lite, TestNames names) {
		server = new SuiteServer(lite.uri(), names);
		store = server.newStore("lc4j_filtering");
	}

	@AfterAll
	static void close() {
		store.dropCollection();
		server.close();
	}

	@Override
	protected EmbeddingStore<TextSegment> embeddingStore() {
		return store;
	}

	@Override
	protected EmbeddingModel embeddingModel() {
		return SuiteServer.MODEL;
	}

	@Override
	protected void clearStore() {
		store.removeAll();
	}

	@Override
	protected boolean supportsContains() {
		return true;
	}

}
