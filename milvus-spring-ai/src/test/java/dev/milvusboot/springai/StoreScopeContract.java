package dev.milvusboot.springai;

import java.util.List;
import java.util.Map;

import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.ai.document.Document;
import org.springframework.ai.observation.conventions.VectorStoreProvider;
import org.springframework.ai.test.vectorstore.ObservationTestUtil;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.filter.FilterExpressionBuilder;
import org.springframework.ai.vectorstore.observation.VectorStoreObservationContext;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.local.junit.TestNames;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store's partition and database, and Spring AI's observations of each operation. The subclasses choose the
 * server.
 */
abstract class StoreScopeContract {

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

	private static List<String> ids(MilvusClientVectorStore store) {
		return store.similaritySearch(SearchRequest.builder().query("scoped").topK(50).build())
			.stream()
			.map(Document::getId)
			.sorted()
			.toList();
	}

	private static List<Document> documents(String prefix) {
		return List.of(new Document(prefix + "1", "scoped one", Map.of("k", "x")),
				new Document(prefix + "2", "scoped two", Map.of("k", "y")));
	}

	@Test
	void storesOnTwoPartitionsOfOneCollectionSeeAndDeleteOnlyTheirOwnDocuments() {
		String collection = names.collection("partitioned");
		MilvusClientVectorStore a;
		try {
			a = StoreBehaviourContract.store(client, new WordHashEmbeddingModel(),
					MilvusVectorStoreOptions.builder().collectionName(collection).partitionName("pa"));
		}
		catch (MilvusException ex) {
			Assumptions.abort("This server has no partitions; it answered: " + ex.getMessage());
			return;
		}
		MilvusClientVectorStore b = StoreBehaviourContract.store(client, new WordHashEmbeddingModel(),
				MilvusVectorStoreOptions.builder().collectionName(collection).partitionName("pb"));
		a.add(documents("a"));
		b.add(documents("b"));

		assertThat(ids(a)).containsExactly("a1", "a2");
		assertThat(ids(b)).containsExactly("b1", "b2");

		a.delete(new FilterExpressionBuilder().eq("k", "x").build());
		a.delete(List.of("b2"));

		assertThat(ids(a)).containsExactly("a2");
		assertThat(ids(b)).containsExactly("b1", "b2");
	}

	@Test
	void aStoreInAnotherDatabaseKeepsItsDocumentsThere() {
		String database = names.database("rag");
		try {
			client.createDatabase(database);
		}
		catch (MilvusException ex) {
			Assumptions.abort("This server has no databases; it answered: " + ex.getMessage());
		}
		String collection = names.collection("in_database");
		MilvusClientVectorStore inDatabase = StoreBehaviourContract.store(client, new WordHashEmbeddingModel(),
				MilvusVectorStoreOptions.builder().collectionName(collection).databaseName(database));
		inDatabase.add(documents("d"));

		assertThat(ids(inDatabase)).containsExactly("d1", "d2");
		assertThat(client.withDatabase(database).hasCollection(collection)).isTrue();
		assertThat(client.hasCollection(collection)).isFalse();
	}

	@Test
	void addSearchAndDeleteAreObservedAsSpringAiVectorStoreOperations() {
		String collection = names.collection("observed");
		TestObservationRegistry addRegistry = TestObservationRegistry.create();
		observed(collection, addRegistry).add(documents("o"));
		ObservationTestUtil.assertObservationRegistry(addRegistry, VectorStoreProvider.MILVUS,
				VectorStoreObservationContext.Operation.ADD);

		TestObservationRegistry queryRegistry = TestObservationRegistry.create();
		assertThat(ids(observed(collection, queryRegistry))).hasSize(2);
		ObservationTestUtil.assertObservationRegistry(queryRegistry, VectorStoreProvider.MILVUS,
				VectorStoreObservationContext.Operation.QUERY);

		TestObservationRegistry deleteRegistry = TestObservationRegistry.create();
		observed(collection, deleteRegistry).delete(List.of("o1"));
		ObservationTestUtil.assertObservationRegistry(deleteRegistry, VectorStoreProvider.MILVUS,
				VectorStoreObservationContext.Operation.DELETE);
	}

	private static MilvusClientVectorStore observed(String collection, TestObservationRegistry registry) {
		MilvusClientVectorStore store = MilvusClientVectorStore.builder(client, new WordHashEmbeddingModel())
			.options(MilvusVectorStoreOptions.builder().collectionName(collection).initializeSchema(true).build())
			.observationRegistry(registry)
			.build();
		store.afterPropertiesSet();
		return store;
	}

}
