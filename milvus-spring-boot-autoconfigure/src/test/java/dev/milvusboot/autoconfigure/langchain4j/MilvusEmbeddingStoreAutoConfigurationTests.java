package dev.milvusboot.autoconfigure.langchain4j;

import java.util.List;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import dev.langchain4j.store.embedding.EmbeddingStore;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.milvusboot.autoconfigure.MilvusAutoConfiguration;
import dev.milvusboot.autoconfigure.springai.MilvusVectorStoreAutoConfiguration;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.langchain4j.MilvusClientEmbeddingStore;
import dev.milvusboot.springai.MilvusClientVectorStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MilvusEmbeddingStoreAutoConfiguration}. No call reaches a server: the client connects lazily and
 * the store opens its collection on first use.
 */
class MilvusEmbeddingStoreAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(MilvusAutoConfiguration.class, MilvusEmbeddingStoreAutoConfiguration.class));

	/** Both stores, as an application with milvus-spring-ai, LangChain4j and a Spring AI embedding model has. */
	private final ApplicationContextRunner bothStoresRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MilvusAutoConfiguration.class,
				MilvusVectorStoreAutoConfiguration.class, MilvusEmbeddingStoreAutoConfiguration.class))
		.withUserConfiguration(SpringAiEmbeddingModelConfiguration.class);

	@Test
	void whenLangChain4jIsPresentThenTheStoreIsOursOnTheClient() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(EmbeddingStore.class);
			assertThat(context.getBean(EmbeddingStore.class)).isInstanceOf(MilvusClientEmbeddingStore.class);
			assertThat(context).hasSingleBean(MilvusClient.class);
		});
	}

	@Test
	void whenNoPropertiesAreSetThenTheStoreHasTheBuildersDefaults() {
		this.contextRunner.run((context) -> {
			MilvusClientEmbeddingStore store = context.getBean(MilvusClientEmbeddingStore.class);
			assertThat(store.collectionName()).isEqualTo("langchain4j_collection");
			assertThat(store).hasToString(MilvusClientEmbeddingStore.builder(context.getBean(MilvusClient.class))
				.build()
				.toString());
			assertThat(store.toString()).contains("databaseName=null", "partitionName=null", "dimension=null",
					"metric=COSINE", "indexType=AUTOINDEX", "idFieldName=id", "textFieldName=text",
					"metadataFieldName=metadata", "metadataTypesFieldName=metadata_types", "vectorFieldName=vector",
					"createCollection=true", "consistency=null", "retrieveEmbeddingsOnSearch=true");
		});
	}

	@Test
	void milvusLangChain4jPropertiesConfigureTheStore() {
		this.contextRunner
			.withPropertyValues("milvus.langchain4j.database=rag", "milvus.langchain4j.collection=docs",
					"milvus.langchain4j.partition=tenant_a", "milvus.langchain4j.dimension=384",
					"milvus.langchain4j.metric=L2", "milvus.langchain4j.index-type=HNSW",
					"milvus.langchain4j.index-parameters.M=16",
					"milvus.langchain4j.index-parameters.efConstruction=200",
					"milvus.langchain4j.id-field-name=pk", "milvus.langchain4j.text-field-name=body",
					"milvus.langchain4j.metadata-field-name=meta",
					"milvus.langchain4j.metadata-types-field-name=meta_types",
					"milvus.langchain4j.vector-field-name=vec", "milvus.langchain4j.create-collection=false",
					"milvus.langchain4j.consistency=bounded",
					"milvus.langchain4j.retrieve-embeddings-on-search=false")
			.run((context) -> {
				MilvusEmbeddingStoreProperties properties = context.getBean(MilvusEmbeddingStoreProperties.class);
				assertThat(properties.getMetric()).isEqualTo(MetricType.L2);
				assertThat(properties.getIndexType()).isEqualTo(IndexType.HNSW);
				assertThat(properties.getConsistency()).isEqualTo(ConsistencyLevel.BOUNDED);
				assertThat(properties.getIndexParameters()).containsEntry("M", "16")
					.containsEntry("efConstruction", "200");
				MilvusClientEmbeddingStore store = context.getBean(MilvusClientEmbeddingStore.class);
				assertThat(store.collectionName()).isEqualTo("docs");
				assertThat(store.toString()).contains("databaseName=rag", "collectionName=docs",
						"partitionName=tenant_a", "dimension=384", "metric=L2", "indexType=HNSW",
						"indexParameters={", "M=16", "efConstruction=200", "idFieldName=pk", "textFieldName=body",
						"metadataFieldName=meta", "metadataTypesFieldName=meta_types", "vectorFieldName=vec",
						"createCollection=false", "consistency=BOUNDED", "retrieveEmbeddingsOnSearch=false");
			});
	}

	@Test
	void whenAPropertyIsInvalidThenStartupFailsNamingWhatIsWrong() {
		this.contextRunner.withPropertyValues("milvus.langchain4j.dimension=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(MilvusInvalidArgumentException.class)
				.hasMessage("The dimension must be at least 1, but was 0"));
	}

	@Test
	void whenLangChain4jIsAbsentThenNoStore() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(EmbeddingStore.class)).run((context) -> {
			assertThat(context).doesNotHaveBean(MilvusClientEmbeddingStore.class);
			assertThat(context).doesNotHaveBean(MilvusEmbeddingStoreProperties.class);
			assertThat(context).hasSingleBean(MilvusClient.class);
		});
	}

	@Test
	void whenMilvusLangChain4jIsAbsentThenNoStore() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MilvusClientEmbeddingStore.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(EmbeddingStore.class);
				assertThat(context).hasSingleBean(MilvusClient.class);
			});
	}

	@Test
	void whenThereIsNoMilvusClientThenNoStore() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MilvusEmbeddingStoreAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(EmbeddingStore.class));
	}

	@Test
	void whenTheApplicationDefinesAnEmbeddingStoreThenOursBacksOff() {
		this.contextRunner.withUserConfiguration(OwnStoreConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(EmbeddingStore.class);
			assertThat(context).doesNotHaveBean(MilvusClientEmbeddingStore.class);
			assertThat(context).doesNotHaveBean(MilvusEmbeddingStoreProperties.class);
		});
	}

	@Test
	void whenDisabledByPropertyThenNoStore() {
		this.contextRunner.withPropertyValues("milvus.langchain4j.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(EmbeddingStore.class);
			assertThat(context).hasSingleBean(MilvusClient.class);
		});
	}

	@Test
	void whenTheSpringAiStoreUsesTheSameCollectionInTheSameDatabaseThenStartupFailsNamingIt() {
		this.bothStoresRunner
			.withPropertyValues("spring.ai.vectorstore.milvus.collection-name=docs",
					"milvus.langchain4j.collection=docs")
			.run((context) -> assertConflict(context).hasMessageContaining(
					"would both use the Milvus collection 'docs' in database 'default'")
				.hasMessageContaining("milvus.langchain4j.collection")
				.hasMessageContaining("spring.ai.vectorstore.milvus.collection-name")
				.hasMessageContaining("milvus.langchain4j.enabled=false"));
	}

	@Test
	void whenOneStoreNamesTheClientsDatabaseAndTheOtherNoneThenTheyStillConflict() {
		this.bothStoresRunner
			.withPropertyValues("milvus.database=rag", "spring.ai.vectorstore.milvus.database-name=rag",
					"spring.ai.vectorstore.milvus.collection-name=docs", "milvus.langchain4j.collection=docs")
			.run((context) -> assertConflict(context).hasMessageContaining("collection 'docs' in database 'rag'"));
	}

	@Test
	void whenTheSpringAiStoreUsesTheSameCollectionNameInAnotherDatabaseThenBothStoresExist() {
		this.bothStoresRunner
			.withPropertyValues("spring.ai.vectorstore.milvus.database-name=rag",
					"spring.ai.vectorstore.milvus.collection-name=docs", "milvus.langchain4j.collection=docs")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(MilvusClientVectorStore.class);
				assertThat(context).hasSingleBean(MilvusClientEmbeddingStore.class);
			});
	}

	@Test
	void withTheDefaultCollectionNamesBothStoresExist() {
		this.bothStoresRunner.run((context) -> {
			assertThat(context).hasSingleBean(VectorStore.class);
			assertThat(context).hasSingleBean(EmbeddingStore.class);
		});
	}

	@Test
	void whenMilvusSpringAiIsAbsentThenTheStoreIsCreatedWithoutTheCheck() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MilvusClientVectorStore.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(MilvusClientEmbeddingStore.class);
				assertThat(context).doesNotHaveBean(SpringAiCollectionCheck.class);
			});
	}

	private static AbstractThrowableAssert<?, ? extends Throwable> assertConflict(AssertableApplicationContext context) {
		return assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.isInstanceOf(MilvusStoreCollectionConflictException.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnStoreConfiguration {

		@Bean
		EmbeddingStore<TextSegment> ownStore() {
			return new EmbeddingStore<>() {

				@Override
				public String add(Embedding embedding) {
					return "1";
				}

				@Override
				public void add(String id, Embedding embedding) {
				}

				@Override
				public String add(Embedding embedding, TextSegment segment) {
					return "1";
				}

				@Override
				public List<String> addAll(List<Embedding> embeddings) {
					return List.of();
				}

				@Override
				public EmbeddingSearchResult<TextSegment> search(EmbeddingSearchRequest request) {
					return new EmbeddingSearchResult<>(List.of());
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SpringAiEmbeddingModelConfiguration {

		/** Three-dimensional constant embeddings: enough for a context that never searches. */
		@Bean
		EmbeddingModel springAiEmbeddingModel() {
			return new EmbeddingModel() {

				@Override
				public EmbeddingResponse call(EmbeddingRequest request) {
					return new EmbeddingResponse(request.getInstructions()
						.stream()
						.map((text) -> new org.springframework.ai.embedding.Embedding(new float[] { 1, 0, 0 }, 0))
						.toList());
				}

				@Override
				public float[] embed(Document document) {
					return new float[] { 1, 0, 0 };
				}

			};
		}

	}

}
