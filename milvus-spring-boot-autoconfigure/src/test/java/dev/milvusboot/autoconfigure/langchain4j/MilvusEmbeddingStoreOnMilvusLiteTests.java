package dev.milvusboot.autoconfigure.langchain4j;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStore;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.ResolvableType;

import dev.milvusboot.autoconfigure.MilvusAutoConfiguration;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.langchain4j.MilvusClientEmbeddingStore;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The auto-configured LangChain4j store against a real Milvus Lite 3.2: an application context from properties
 * alone, injecting {@code EmbeddingStore<TextSegment>}, writes and searches its collection.
 */
@MilvusLiteTest
class MilvusEmbeddingStoreOnMilvusLiteTests {

	private final ApplicationContextRunner contextRunner;

	private final String collection;

	MilvusEmbeddingStoreOnMilvusLiteTests(MilvusLite lite, TestNames names) {
		this.collection = names.collection("lc4j_boot");
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(MilvusAutoConfiguration.class, MilvusEmbeddingStoreAutoConfiguration.class))
			.withPropertyValues("milvus.uri=" + lite.uri(), "milvus.langchain4j.collection=" + this.collection,
					"milvus.langchain4j.dimension=3");
	}

	@Test
	void theAutoConfiguredStoreCreatesItsCollectionAddsAndSearchesWithFilters() {
		this.contextRunner.run((context) -> {
			@SuppressWarnings("unchecked")
			EmbeddingStore<TextSegment> store = (EmbeddingStore<TextSegment>) context.getBeanProvider(
					ResolvableType.forClassWithGenerics(EmbeddingStore.class, TextSegment.class))
				.getObject();
			MilvusClient client = context.getBean(MilvusClient.class);
			try {
				assertThat(client.hasCollection(this.collection)).isFalse();
				List<String> ids = store.addAll(
						List.of(Embedding.from(new float[] { 1, 0, 0 }), Embedding.from(new float[] { 0.8f, 0.6f, 0 }),
								Embedding.from(new float[] { 0, 0, 1 })),
						List.of(TextSegment.from("Cats purr", Metadata.from("topic", "pets").put("year", 2024)),
								TextSegment.from("Dogs fetch", Metadata.from("topic", "pets").put("year", 2023)),
								TextSegment.from("Bread bakes", Metadata.from("topic", "food").put("year", 2024))));
				assertThat(client.hasCollection(this.collection)).isTrue();

				List<EmbeddingMatch<TextSegment>> nearest = store.search(EmbeddingSearchRequest.builder()
					.queryEmbedding(Embedding.from(new float[] { 1, 0, 0 }))
					.maxResults(2)
					.build()).matches();
				assertThat(nearest).extracting(EmbeddingMatch::embeddingId).containsExactly(ids.get(0), ids.get(1));
				assertThat(nearest.get(0).embedded().text()).isEqualTo("Cats purr");
				assertThat(nearest.get(0).embedded().metadata().getInteger("year")).isEqualTo(2024);
				assertThat(nearest.get(0).score()).isCloseTo(1.0, within(1e-6));
				assertThat(nearest.get(1).score()).isCloseTo((1 + 0.8) / 2, within(1e-6));

				List<EmbeddingMatch<TextSegment>> food = store.search(EmbeddingSearchRequest.builder()
					.queryEmbedding(Embedding.from(new float[] { 1, 0, 0 }))
					.maxResults(3)
					.filter(metadataKey("topic").isEqualTo("food"))
					.build()).matches();
				assertThat(food).extracting((match) -> match.embedded().text()).containsExactly("Bread bakes");
			}
			finally {
				context.getBean(MilvusClientEmbeddingStore.class).dropCollection();
			}
		});
	}

}
