package dev.milvusboot.springai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.local.MilvusStandalone;
import dev.milvusboot.local.junit.MilvusStandaloneTest;
import dev.milvusboot.local.junit.TestNames;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's read consistency on Milvus 2.3, the server where it matters: a search waits for the server's time tick
 * to pass its guarantee timestamp. By default the store reads its own writes (session consistency at the client's
 * last write), so a document is found by the search right after its add, every time; a store configured
 * {@code STRONG} finds it too; and without recent writes a default search does not wait as a strong one does.
 */
@MilvusStandaloneTest
class ReadConsistencyOnMilvusStandaloneTest {

	private static final WordHashEmbeddingModel MODEL = new WordHashEmbeddingModel();

	private static MilvusClient client;

	private static TestNames names;

	@BeforeAll
	static void connect(MilvusStandalone milvus, TestNames testNames) {
		client = MilvusClient.create(milvus.uri());
		names = testNames;
	}

	@AfterAll
	static void close() {
		client.close();
	}

	private static MilvusClientVectorStore store(String base, ConsistencyLevel consistency) {
		MilvusClientVectorStore store = MilvusClientVectorStore.builder(client, MODEL)
			.options(MilvusVectorStoreOptions.builder()
				.collectionName(names.collection(base))
				.consistency(consistency)
				.initializeSchema(true)
				.build())
			.build();
		store.afterPropertiesSet();
		return store;
	}

	/** The ids a search filtered on metadata {@code n} finds (top 5). */
	private static List<String> idsWithN(MilvusClientVectorStore store, int n) {
		return store
			.similaritySearch(SearchRequest.builder().query("document").topK(5).filterExpression("n == " + n).build())
			.stream()
			.map(Document::getId)
			.toList();
	}

	/** Adds document {@code n} and searches for it at once, {@code times} times; then deletes each and searches. */
	private static void eachAddIsFoundByTheNextSearch(MilvusClientVectorStore store, int times) {
		List<String> added = new ArrayList<>();
		for (int n = 0; n < times; n++) {
			String id = "doc-" + n;
			assertThat(idsWithN(store, n)).as("before add %d", n).isEmpty();
			store.add(List.of(new Document(id, "document " + n, Map.of("n", n))));
			assertThat(idsWithN(store, n)).as("search right after add %d", n).containsExactly(id);
			added.add(id);
		}
		for (int n = 0; n < times; n++) {
			store.delete(List.of(added.get(n)));
			assertThat(idsWithN(store, n)).as("search right after delete %d", n).isEmpty();
		}
	}

	@Test
	void byDefaultEveryDocumentAddedIsFoundByTheSearchRightAfterItsAdd() {
		MilvusClientVectorStore store = store("ryw_default", null);
		assertThat(store.options().consistency()).isNull();

		eachAddIsFoundByTheNextSearch(store, 15);
	}

	@Test
	void aStoreConfiguredStrongFindsItsWritesToo() {
		MilvusClientVectorStore store = store("ryw_strong", ConsistencyLevel.STRONG);

		eachAddIsFoundByTheNextSearch(store, 5);
	}

	@Test
	void withoutRecentWritesADefaultSearchDoesNotWaitForTheTimeTickAsAStrongSearchDoes() throws Exception {
		MilvusClientVectorStore byDefault = store("no_wait", null);
		MilvusClientVectorStore strong = MilvusClientVectorStore.builder(client, MODEL)
			.options(MilvusVectorStoreOptions.builder()
				.collectionName(byDefault.options().collectionName())
				.consistency(ConsistencyLevel.STRONG)
				.build())
			.build();
		List<Document> documents = new ArrayList<>();
		for (int n = 0; n < 20; n++) {
			documents.add(new Document("doc-" + n, "document " + n, Map.of("n", n)));
		}
		byDefault.add(documents);
		assertThat(idsWithN(byDefault, 7)).containsExactly("doc-7");
		Thread.sleep(1_000); // the last write is now older than the server's time tick (200 ms)
		long[] defaultNanos = new long[11];
		long[] strongNanos = new long[11];
		for (int i = 0; i < defaultNanos.length; i++) {
			defaultNanos[i] = timed(byDefault, i);
			strongNanos[i] = timed(strong, i);
		}
		java.util.Arrays.sort(defaultNanos);
		java.util.Arrays.sort(strongNanos);

		assertThat(defaultNanos[5] / 1e6).as("median ms of the default searches, against the strong ones' %.1f",
				strongNanos[5] / 1e6)
			.isLessThan(strongNanos[5] / 1e6);
	}

	private static long timed(MilvusClientVectorStore store, int n) {
		long begin = System.nanoTime();
		assertThat(idsWithN(store, n)).containsExactly("doc-" + n);
		return System.nanoTime() - begin;
	}

}
