package dev.milvusboot.springai;

import java.util.function.Consumer;

import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterAll;

import org.springframework.ai.observation.conventions.VectorStoreProvider;
import org.springframework.ai.test.vectorstore.BaseVectorStoreTests;
import org.springframework.ai.test.vectorstore.ObservationTestUtil;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.ai.vectorstore.observation.VectorStoreObservationContext;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.local.junit.TestNames;

/**
 * Spring AI's own {@link BaseVectorStoreTests}, unchanged, on {@link MilvusClientVectorStore}: each test gets a new
 * collection created by the store, and an observation registry whose first observation must be the store's add.
 * The subclasses choose the server, and whether the store searches hybrid (dense + BM25).
 */
abstract class SpringAiVectorStoreSuite extends BaseVectorStoreTests {

	static MilvusClient client;

	static TestNames names;

	static void prepare(String uri, TestNames testNames) {
		client = MilvusClient.create(uri);
		names = testNames;
	}

	@AfterAll
	static void close() {
		client.close();
	}

	/** Whether the store searches hybrid (dense + BM25): false unless a subclass says so. */
	boolean hybrid() {
		return false;
	}

	@Override
	protected void executeTest(Consumer<VectorStore> testFunction) {
		TestObservationRegistry registry = TestObservationRegistry.create();
		MilvusClientVectorStore store = MilvusClientVectorStore.builder(client, new WordHashEmbeddingModel())
			.options(MilvusVectorStoreOptions.builder()
				.collectionName(names.collection("spring_ai_suite"))
				.initializeSchema(true)
				.hybridSearch(hybrid())
				.build())
			.observationRegistry(registry)
			.build();
		store.afterPropertiesSet();
		testFunction.accept(store);
		ObservationTestUtil.assertObservationRegistry(registry, VectorStoreProvider.MILVUS,
				VectorStoreObservationContext.Operation.ADD);
	}

}
