package dev.milvusboot.autoconfigure.springai;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.ai.vectorstore.filter.Filter;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.milvusboot.autoconfigure.MilvusAutoConfiguration;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.data.rank.Ranker;
import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.springai.MilvusClientVectorStore;
import dev.milvusboot.springai.MilvusVectorStoreOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MilvusVectorStoreAutoConfiguration}. No call reaches a server: the client connects lazily and the
 * schema is not initialised.
 */
class MilvusVectorStoreAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(MilvusAutoConfiguration.class, MilvusVectorStoreAutoConfiguration.class))
		.withUserConfiguration(EmbeddingModelConfiguration.class);

	@Test
	void whenSpringAiAndAnEmbeddingModelArePresentThenTheVectorStoreIsOursOnTheClient() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(VectorStore.class);
			VectorStore store = context.getBean(VectorStore.class);
			assertThat(store).isInstanceOf(MilvusClientVectorStore.class);
			Optional<MilvusClient> nativeClient = store.getNativeClient();
			assertThat(nativeClient).containsSame(context.getBean(MilvusClient.class));
		});
	}

	@Test
	void whenNoPropertiesAreSetThenTheStoreUsesSpringAiDefaultsAndTheModelsDimension() {
		this.contextRunner.run((context) -> {
			MilvusVectorStoreOptions options = context.getBean(MilvusClientVectorStore.class).options();
			assertThat(options.collectionName()).isEqualTo("vector_store");
			assertThat(options.databaseName()).isNull();
			assertThat(options.partitionName()).isNull();
			assertThat(options.idFieldName()).isEqualTo("doc_id");
			assertThat(options.contentFieldName()).isEqualTo("content");
			assertThat(options.metadataFieldName()).isEqualTo("metadata");
			assertThat(options.embeddingFieldName()).isEqualTo("embedding");
			assertThat(options.metricType()).isEqualTo(MetricType.COSINE);
			assertThat(options.indexType()).isEqualTo(IndexType.AUTOINDEX);
			assertThat(options.embeddingDimension()).isZero();
			assertThat(options.autoId()).isFalse();
			assertThat(options.initializeSchema()).isFalse();
			assertThat(options.hybridSearch()).isFalse();
			assertThat(options.sparseFieldName()).isEqualTo("sparse");
			assertThat(options.analyzerParameters()).isEmpty();
			assertThat(options.hybridRanker()).isEqualTo(Ranker.rrf(60));
			assertThat(options.hybridSubSearchTopK()).isZero();
			assertThat(options.consistency()).isNull();
		});
	}

	@Test
	void theConsistencyOfSearchesIsAProperty() {
		this.contextRunner.withPropertyValues("spring.ai.vectorstore.milvus.consistency=strong")
			.run((context) -> assertThat(context.getBean(MilvusClientVectorStore.class).options().consistency())
				.isEqualTo(ConsistencyLevel.STRONG));
	}

	@Test
	void hybridPropertiesTurnOnHybridSearchWithTheirRanker() {
		this.contextRunner.withPropertyValues("spring.ai.vectorstore.milvus.hybrid.enabled=true",
				"spring.ai.vectorstore.milvus.hybrid.sparse-field-name=bm25",
				"spring.ai.vectorstore.milvus.hybrid.analyzer-parameters={\"type\":\"english\"}",
				"spring.ai.vectorstore.milvus.hybrid.ranker=weighted",
				"spring.ai.vectorstore.milvus.hybrid.weights=0.7,0.3",
				"spring.ai.vectorstore.milvus.hybrid.sub-search-top-k=40")
			.run((context) -> {
				MilvusVectorStoreOptions options = context.getBean(MilvusClientVectorStore.class).options();
				assertThat(options.hybridSearch()).isTrue();
				assertThat(options.sparseFieldName()).isEqualTo("bm25");
				assertThat(options.analyzerParameters()).isEqualTo(Map.of("type", "english"));
				assertThat(options.hybridRanker()).isEqualTo(Ranker.weighted(0.7, 0.3));
				assertThat(options.hybridSubSearchTopK()).isEqualTo(40);
			});
	}

	@Test
	void theRrfConstantIsAProperty() {
		this.contextRunner
			.withPropertyValues("spring.ai.vectorstore.milvus.hybrid.enabled=true",
					"spring.ai.vectorstore.milvus.hybrid.rrf-k=10")
			.run((context) -> assertThat(context.getBean(MilvusClientVectorStore.class).options().hybridRanker())
				.isEqualTo(Ranker.rrf(10)));
	}

	@Test
	void whenTheWeightedRankerHasNotTwoWeightsThenStartupFailsNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("spring.ai.vectorstore.milvus.hybrid.ranker=weighted",
					"spring.ai.vectorstore.milvus.hybrid.weights=1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("spring.ai.vectorstore.milvus.hybrid.weights"));
	}

	@Test
	void whenAnalyzerParametersAreNotJsonThenStartupFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("spring.ai.vectorstore.milvus.hybrid.analyzer-parameters=english")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("spring.ai.vectorstore.milvus.hybrid.analyzer-parameters"));
	}

	@Test
	void springAiOwnPropertyNamesConfigureTheStore() {
		this.contextRunner.withPropertyValues("spring.ai.vectorstore.milvus.collection-name=docs",
				"spring.ai.vectorstore.milvus.database-name=rag", "spring.ai.vectorstore.milvus.partition-name=p1",
				"spring.ai.vectorstore.milvus.embedding-dimension=384",
				"spring.ai.vectorstore.milvus.index-type=IVF_FLAT", "spring.ai.vectorstore.milvus.metric-type=L2",
				"spring.ai.vectorstore.milvus.index-parameters={\"nlist\":1024}",
				"spring.ai.vectorstore.milvus.id-field-name=pk", "spring.ai.vectorstore.milvus.auto-id=true",
				"spring.ai.vectorstore.milvus.content-field-name=text",
				"spring.ai.vectorstore.milvus.metadata-field-name=meta",
				"spring.ai.vectorstore.milvus.embedding-field-name=vec",
				"spring.ai.vectorstore.milvus.initialize-schema=false")
			.run((context) -> {
				MilvusVectorStoreOptions options = context.getBean(MilvusClientVectorStore.class).options();
				assertThat(options.collectionName()).isEqualTo("docs");
				assertThat(options.databaseName()).isEqualTo("rag");
				assertThat(options.partitionName()).isEqualTo("p1");
				assertThat(options.embeddingDimension()).isEqualTo(384);
				assertThat(options.indexType()).isEqualTo(IndexType.IVF_FLAT);
				assertThat(options.metricType()).isEqualTo(MetricType.L2);
				assertThat(options.indexParameters()).isEqualTo(Map.of("nlist", 1024));
				assertThat(options.idFieldName()).isEqualTo("pk");
				assertThat(options.autoId()).isTrue();
				assertThat(options.contentFieldName()).isEqualTo("text");
				assertThat(options.metadataFieldName()).isEqualTo("meta");
				assertThat(options.embeddingFieldName()).isEqualTo("vec");
			});
	}

	@Test
	void whenIndexParametersAreNotJsonThenStartupFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("spring.ai.vectorstore.milvus.index-parameters=nlist=1024")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("spring.ai.vectorstore.milvus.index-parameters"));
	}

	@Test
	void whenTheApplicationDefinesAVectorStoreThenOursBacksOff() {
		this.contextRunner.withUserConfiguration(OwnStoreConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(VectorStore.class);
			assertThat(context).doesNotHaveBean(MilvusClientVectorStore.class);
		});
	}

	@Test
	void whenAnotherVectorStoreTypeIsChosenThenNoStoreIsCreated() {
		this.contextRunner.withPropertyValues("spring.ai.vectorstore.type=pgvector")
			.run((context) -> assertThat(context).doesNotHaveBean(VectorStore.class));
	}

	@Test
	void whenThereIsNoEmbeddingModelThenNoStoreIsCreated() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(MilvusAutoConfiguration.class, MilvusVectorStoreAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(VectorStore.class);
				assertThat(context).hasSingleBean(MilvusClient.class);
			});
	}

	@Test
	void whenMilvusSpringAiIsNotOnTheClasspathThenNoStoreIsCreatedAndTheClientStillIs() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MilvusClientVectorStore.class)).run((context) -> {
			assertThat(context).doesNotHaveBean(MilvusClientVectorStore.class);
			assertThat(context).hasSingleBean(MilvusClient.class);
		});
	}

	@Test
	void whenSpringAiIsNotOnTheClasspathThenNoStoreIsCreated() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(VectorStore.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MilvusClientVectorStore.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class EmbeddingModelConfiguration {

		@Bean
		EmbeddingModel embeddingModel() {
			return new FixedEmbeddingModel();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnStoreConfiguration {

		@Bean
		VectorStore ownStore() {
			return new VectorStore() {

				@Override
				public void add(List<Document> documents) {
				}

				@Override
				public void delete(List<String> idList) {
				}

				@Override
				public void delete(Filter.Expression filterExpression) {
				}

				@Override
				public List<Document> similaritySearch(SearchRequest request) {
					return List.of();
				}

			};
		}

	}

	/** Three-dimensional constant embeddings: enough for a context that never searches. */
	static final class FixedEmbeddingModel implements EmbeddingModel {

		@Override
		public EmbeddingResponse call(EmbeddingRequest request) {
			return new EmbeddingResponse(request.getInstructions()
				.stream()
				.map((text) -> new Embedding(new float[] { 1, 0, 0 }, 0))
				.toList());
		}

		@Override
		public float[] embed(Document document) {
			return new float[] { 1, 0, 0 };
		}

	}

}
