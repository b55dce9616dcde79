package dev.milvusboot.langchain4j;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.EmbeddingStoreWithRemovalIT;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * LangChain4j 1.19.0's own {@code EmbeddingStoreWithRemovalIT}, unchanged, against Milvus Lite 2.5 (the NATIVE
 * engine). The suite expects an empty store per test and has no hook to empty one, so each test gets a collection of
 * its own.
 */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class LangChain4jRemovalSuiteOnMilvusLite25Test extends EmbeddingStoreWithRemovalIT {

	private static SuiteServer server;

	private MilvusClientEmbeddingStore store;

	@BeforeAll
	static void connect(MilvusLite lite, TestNames names) {
		server = new SuiteServer(lite.uri(), names);
	}

	@AfterAll
	static void close() {
		server.close();
	}

	@BeforeEach
	void newStore() {
		this.store = server.newStore("lc4j_removal");
	}

	@AfterEach
	void dropStore() {
		this.store.dropCollection();
	}

	@Override
	protected EmbeddingStore<TextSegment> embeddingStore() {
		return this.store;
	}

	@Override
	protected EmbeddingModel embeddingModel() {
		return SuiteServer.MODEL;
	}

}
