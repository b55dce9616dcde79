package dev.milvusboot.langchain4j;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.EmbeddingStoreWithRemovalIT;
import dev.milvusboot.local.junit.TestNames;

/**
 * LangChain4j 1.19.0's own {@code EmbeddingStoreWithRemovalIT}, unchanged. The suite expects an empty store per test
 * and has no hook to empty one, so each test gets a collection of its own. A subclass per server names the server
 * and calls {@link #open} from its {@code @BeforeAll}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RemovalSuite extends EmbeddingStoreWithRemovalIT {

	private SuiteServer server;

	private MilvusClientEmbeddingStore store;

	/** Connects to the server. */
	final void open(String uri, TestNames names) {
		this.server = new SuiteServer(uri, names);
	}

	@AfterAll
	final void close() {
		this.server.close();
	}

	@BeforeEach
	final void newStore() {
		this.store = this.server.newStore("lc4j_removal");
	}

	@AfterEach
	final void dropStore() {
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
