package dev.milvusboot.autoconfigure.langchain4j;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.springai.MilvusClientVectorStore;

/**
 * The proof, as a bean, that no Spring AI {@link MilvusClientVectorStore} on the application's client uses the
 * collection of the auto-configured LangChain4j store: created only when none does.
 */
final class SpringAiCollectionCheck {

	/** The database a client uses when none is named. */
	static final String DEFAULT_DATABASE = "default";

	private SpringAiCollectionCheck() {
	}

	/**
	 * Checks the Spring AI stores against the LangChain4j store's collection.
	 * @param client the client of the LangChain4j store
	 * @param properties its properties
	 * @param vectorStores the application's Spring AI stores on this project's client
	 * @return the check
	 * @throws MilvusStoreCollectionConflictException if one of them uses the same collection in the same database
	 */
	static SpringAiCollectionCheck check(MilvusClient client, MilvusEmbeddingStoreProperties properties,
			List<MilvusClientVectorStore> vectorStores) {
		String database = database(properties.getDatabase(), client);
		for (MilvusClientVectorStore vectorStore : vectorStores) {
			if (vectorStore.getNativeClient().orElse(null) != client) {
				continue;
			}
			String collection = vectorStore.options().collectionName();
			if (collection.equals(properties.getCollection())
					&& database.equals(database(vectorStore.options().databaseName(), client))) {
				throw new MilvusStoreCollectionConflictException(database, collection);
			}
		}
		return new SpringAiCollectionCheck();
	}

	private static String database(@Nullable String named, MilvusClient client) {
		String database = (named != null) ? named : client.database();
		return Objects.requireNonNullElse(database, DEFAULT_DATABASE);
	}

}
