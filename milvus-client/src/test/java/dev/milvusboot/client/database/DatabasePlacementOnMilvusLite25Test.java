package dev.milvusboot.client.database;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.exception.MilvusUnsupportedException;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Milvus Lite 2.5 has no databases (ListDatabases is UNIMPLEMENTED) and ignores the {@code dbname} header: a call
 * through a view of another database is refused before it is sent, rather than run in the default database.
 */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class DatabasePlacementOnMilvusLite25Test {

	static MilvusClient client;

	static TestNames names;

	@BeforeAll
	static void connect(MilvusLite lite, TestNames testNames) {
		client = MilvusClient.create(lite.uri());
		names = testNames;
	}

	@AfterAll
	static void close() {
		client.close();
	}

	@Test
	void aCallInAnotherDatabaseIsRefusedAndTheDefaultOneIsUntouched() {
		String name = names.collection("no_db");
		assertThatExceptionOfType(MilvusUnsupportedException.class)
			.isThrownBy(() -> client.withDatabase("analytics").createCollection(CollectionSchema.quick(name, 4)))
			.withMessageContaining("database 'analytics'")
			.withMessageContaining("has no databases");
		assertThatThrownBy(() -> client.withDatabase("analytics").async().hasCollection(name).join())
			.cause()
			.isInstanceOf(MilvusUnsupportedException.class)
			.hasMessageContaining("database 'analytics'");
		assertThat(client.hasCollection(name)).isFalse();
		client.withDatabase("default").createCollection(CollectionSchema.quick(name, 4));
		assertThat(client.hasCollection(name)).isTrue();
		client.dropCollection(name);
	}

}
