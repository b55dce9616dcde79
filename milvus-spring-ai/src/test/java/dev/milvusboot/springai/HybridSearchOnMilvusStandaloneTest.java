package dev.milvusboot.springai;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.exception.MilvusUnsupportedException;
import dev.milvusboot.local.MilvusStandalone;
import dev.milvusboot.local.junit.MilvusStandaloneTest;
import dev.milvusboot.local.junit.TestNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Milvus 2.3 has no BM25 function and no hybrid search: a hybrid store fails at startup with a
 * {@link MilvusUnsupportedException} that says hybrid search needs Milvus 2.5 and quotes the server, and leaves no
 * half-made collection behind.
 */
@MilvusStandaloneTest
class HybridSearchOnMilvusStandaloneTest {

	static MilvusClient client;

	static TestNames names;

	@BeforeAll
	static void connect(MilvusStandalone milvus, TestNames testNames) {
		client = MilvusClient.create(milvus.uri());
		names = testNames;
	}

	@AfterAll
	static void close() {
		client.close();
	}

	private static MilvusClientVectorStore hybridStore(String collection) {
		return StoreBehaviourContract.store(client, new WordHashEmbeddingModel(),
				MilvusVectorStoreOptions.builder().collectionName(collection).hybridSearch(true));
	}

	@Test
	void aHybridStoreThatCreatesItsCollectionFailsAtStartupSayingItNeedsMilvus25AndQuotingTheServer() {
		String collection = names.collection("hybrid_on_23");

		assertThatExceptionOfType(MilvusUnsupportedException.class).isThrownBy(() -> hybridStore(collection))
			.withMessageStartingWith("Hybrid search (dense + BM25 full text) needs Milvus 2.5 or later, but the server is v2.3")
			// What Milvus 2.3 answers to the index of the sparse field (it accepts the collection itself).
			.withMessageContaining("create index on 104 field is not supported")
			.withCauseInstanceOf(MilvusInvalidArgumentException.class)
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(1100));
		assertThat(client.hasCollection(collection)).as("the half-made collection is dropped").isFalse();
	}

	@Test
	void aHybridStoreOnAnExistingCollectionFailsAtStartupSayingItNeedsMilvus25() {
		String collection = names.collection("plain_on_23");
		StoreBehaviourContract.store(client, new WordHashEmbeddingModel(),
				MilvusVectorStoreOptions.builder().collectionName(collection));

		assertThatExceptionOfType(MilvusUnsupportedException.class).isThrownBy(() -> hybridStore(collection))
			.withMessageContaining("needs Milvus 2.5 or later, but the server is v2.3")
			.withMessageContaining("collection '" + collection + "' has no field 'sparse'");
	}

}
