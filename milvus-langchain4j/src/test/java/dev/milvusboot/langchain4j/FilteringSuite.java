package dev.milvusboot.langchain4j;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.EmbeddingStoreWithFilteringIT;
import dev.milvusboot.local.junit.TestNames;

/**
 * LangChain4j 1.19.0's own {@code EmbeddingStoreWithFilteringIT}, unchanged (with the tests of
 * {@code EmbeddingStoreIT} and {@code EmbeddingStoreWithoutMetadataIT} it extends): one collection for the class,
 * emptied before each test through the store's {@code removeAll()}. A subclass per server names the server and
 * calls {@link #open} from its {@code @BeforeAll}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FilteringSuite extends EmbeddingStoreWithFilteringIT {

	private SuiteServer server;

	private MilvusClientEmbeddingStore store;

	/** Connects to the server and builds the class's store over a new collection. */
	final void open(String uri, TestNames names) {
		this.server = new SuiteServer(uri, names);
		this.store = this.server.newStore("lc4j_filtering");
	}

	@AfterAll
	final void close() {
		this.store.dropCollection();
		this.server.close();
	}

	@Override
	protected EmbeddingStore<TextSegment> embeddingStore() {
		return this.store;
	}

	@Override
	protected EmbeddingModel embeddingModel() {
		return SuiteServer.MODEL;
	}

	@Override
	protected void clearStore() {
		this.store.removeAll();
	}

}
