package dev.milvusboot.langchain4j;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.MilvusCallListener.MilvusCallContext;
import dev.milvusboot.client.MilvusCallListener;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the store writes, on Milvus Lite 3.2: rows whose ids the store generates are inserted (new UUIDs, nothing to
 * replace), rows with the caller's ids are upserted (written twice, the second replaces the first).
 */
@MilvusLiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreWritesOnMilvusLiteTest {

	private final List<String> operations = new CopyOnWriteArrayList<>();

	private MilvusClient client;

	private MilvusClientEmbeddingStore store;

	@BeforeAll
	void connect(MilvusLite lite, TestNames names) {
		this.client = MilvusClient.create(MilvusClientOptions.builder().uri(lite.uri()).listener(new MilvusCallListener() {

			@Override
			public Call callStarted(MilvusCallContext context) {
				StoreWritesOnMilvusLiteTest.this.operations.add(context.operation());
				return new Call() {
				};
			}

		}).build());
		this.store = MilvusClientEmbeddingStore.builder(this.client)
			.collectionName(names.collection("lc4j_writes"))
			.dimension(3)
			.build();
		this.store.removeAll();
	}

	@AfterAll
	void close() {
		this.store.dropCollection();
		this.client.close();
	}

	@BeforeEach
	void empty() {
		this.store.removeAll();
		this.operations.clear();
	}

	@Test
	void rowsWithGeneratedIdsAreInserted() {
		String one = this.store.add(Embedding.from(new float[] { 1, 0, 0 }));
		String two = this.store.add(Embedding.from(new float[] { 0, 1, 0 }), TextSegment.from("two"));
		List<String> more = this.store.addAll(List.of(Embedding.from(new float[] { 0, 0, 1 })));
		List<String> withSegments = this.store.addAll(List.of(Embedding.from(new float[] { 1, 1, 0 })),
				List.of(TextSegment.from("four")));
		assertThat(this.operations).filteredOn((operation) -> operation.equals("insert")).hasSize(4);
		assertThat(this.operations).doesNotContain("upsert");
		assertThat(ids(search(new float[] { 1, 1, 1 }, 10))).containsExactlyInAnyOrder(one, two, more.get(0),
				withSegments.get(0));
	}

	@Test
	void rowsWithTheCallersIdsAreUpsertedSoTheLastWriteWins() {
		this.store.add("fixed", Embedding.from(new float[] { 1, 0, 0 }));
		this.store.addAll(List.of("fixed"), List.of(Embedding.from(new float[] { 0, 1, 0 })),
				List.of(TextSegment.from("second")));
		assertThat(this.operations).filteredOn((operation) -> operation.equals("upsert")).hasSize(2);
		assertThat(this.operations).doesNotContain("insert");
		EmbeddingSearchResult<TextSegment> found = search(new float[] { 0, 1, 0 }, 10);
		assertThat(ids(found)).containsExactly("fixed");
		assertThat(found.matches().get(0).embedded().text()).isEqualTo("second");
	}

	private EmbeddingSearchResult<TextSegment> search(float[] vector, int max) {
		return this.store.search(EmbeddingSearchRequest.builder()
			.queryEmbedding(Embedding.from(vector))
			.maxResults(max)
			.build());
	}

	private static List<String> ids(EmbeddingSearchResult<TextSegment> result) {
		return result.matches().stream().map((match) -> match.embeddingId()).toList();
	}

}
