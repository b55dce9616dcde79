package dev.milvusboot.client;

import org.junit.jupiter.api.Test;

import dev.milvusboot.client.api.sync.MilvusCommands;
import dev.milvusboot.client.exception.MilvusAlreadyExistsException;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.exception.MilvusNotFoundException;
import dev.milvusboot.client.exception.MilvusNotFoundException.ResourceType;
import dev.milvusboot.client.schema.CollectionSchema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Creating, listing, using and dropping databases on a real Milvus Lite.
 */
class DatabaseAdministrationTest extends AdminTestSupport {

	@Test
	void collectionsOfADatabaseAreSeparateFromTheDefaultDatabase() {
		String database = names.database("db");
		String collection = names.collection("in_db");
		client.createDatabase(database);
		assertThat(client.listDatabases()).contains(database, "default");

		MilvusCommands inDatabase = client.withDatabase(database);
		inDatabase.createCollection(CollectionSchema.quick(collection, 4));

		assertThat(inDatabase.listCollections()).containsExactly(collection);
		assertThat(inDatabase.hasCollection(collection)).isTrue();
		assertThat(client.hasCollection(collection)).isFalse();

		inDatabase.dropCollection(collection);
		client.dropDatabase(database);

		assertThat(client.listDatabases()).doesNotContain(database);
	}

	@Test
	void creatingAnExistingDatabaseIsReportedAsAlreadyExisting() {
		String database = names.database("db_twice");
		client.createDatabase(database);
		try {
			assertThatExceptionOfType(MilvusAlreadyExistsException.class)
				.isThrownBy(() -> client.createDatabase(database))
				.withMessageContaining("'" + database + "'");
		}
		finally {
			client.dropDatabase(database);
		}
	}

	@Test
	void droppingAnUnknownDatabaseIsReportedAsNotFound() {
		String database = names.database("db_missing");

		// Milvus 2.3 accepts this silently; Milvus Lite says the database does not exist.
		assertThatExceptionOfType(MilvusNotFoundException.class).isThrownBy(() -> client.dropDatabase(database))
			.withMessageContaining("'" + database + "'")
			.satisfies((ex) -> assertThat(ex.resourceType()).isEqualTo(ResourceType.DATABASE));
	}

	@Test
	void invalidDatabaseNamesAreRejectedBeforeAnythingIsSent() {
		calls.clear();

		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.createDatabase("my-db"))
			.withMessageContaining("database name")
			.withMessageContaining("'my-db'");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class).isThrownBy(() -> client.dropDatabase(""));

		assertThat(calls.operations()).isEmpty();
	}

}
