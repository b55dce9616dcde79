package dev.milvusboot.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.milvusboot.client.admin.CreateCollectionOptions;
import dev.milvusboot.client.admin.DatabaseDescription;
import dev.milvusboot.client.admin.QuickCollection;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.LoadState;
import dev.milvusboot.client.schema.MetricType;

import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Schema evolution on a real Milvus Lite 3.2: collections created with indexes and loaded in one call, the quick
 * set-up with its id type and names, collection and database properties set and dropped. What it lacks (add field,
 * alter field, index properties) is skipped with its answer; {@code SchemaChangesRequestsTest} compares those
 * requests with pymilvus'.
 */
class SchemaEvolutionTest extends AdminTestSupport {

	static final int DIM = 4;

	static final String SERVER = "Milvus Lite 3.2";

	static CollectionSchema docs(String name) {
		return CollectionSchema.builder(name)
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.floatVector("dense", DIM))
			.field(FieldSchema.varchar("title", 64))
			.build();
	}

	@Test
	void createsWithIndexesAndLoadsInOneCall() {
		String name = names.collection("indexed_loaded");
		client.createCollection(docs(name),
				List.of(IndexParams.builder(name, "dense").indexType(IndexType.FLAT).metric(MetricType.IP).build()),
				CreateCollectionOptions.DEFAULTS);

		assertThat(client.loadState(name)).isEqualTo(LoadState.LOADED);
		assertThat(client.describeIndex(name, "dense").metricType()).isEqualTo("IP");
		client.insert(name, List.of(Map.of("id", 1L, "dense", new float[] { 1, 0, 0, 0 }, "title", "one")));
		assertThat(client.get(name, List.of(1L), "title")).extracting((row) -> row.getString("title"))
			.containsExactly("one");
	}

	@Test
	void theReactiveFormRefusesAnIndexOnAMissingFieldBeforeSendingAnything() {
		String other = names.collection("indexed_refused");
		calls.clear();
		StepVerifier.create(client.reactive().createCollection(docs(other),
				List.of(IndexParams.of(other, "missing", IndexType.FLAT, MetricType.L2)), CreateCollectionOptions.DEFAULTS))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(MilvusInvalidArgumentException.class)
				.hasMessageContaining("index on field 'missing', which the schema does not have"))
			.verify(Duration.ofSeconds(10));
		assertThat(calls.operations()).doesNotContain("createCollection");
	}

	@Test
	void quickSetUpWithVarcharIdsAndOwnFieldNames() {
		String name = names.collection("quick_varchar");
		client.createCollection(QuickCollection.builder(name, DIM).idType(DataType.VARCHAR).idField("pk")
			.vectorField("embedding").maxIdLength(36).metric(MetricType.IP).build());

		CollectionSchema schema = client.describeCollection(name).schema();
		assertThat(schema.primaryKey().name()).isEqualTo("pk");
		assertThat(schema.primaryKey().dataType()).isEqualTo(DataType.VARCHAR);
		assertThat(schema.primaryKey().maxLength()).isEqualTo(36);
		assertThat(schema.vectorField().name()).isEqualTo("embedding");
		assertThat(schema.isDynamicFieldEnabled()).isTrue();
		assertThat(client.describeIndex(name, "embedding").metricType()).isEqualTo("IP");
		assertThat(client.loadState(name)).isEqualTo(LoadState.LOADED);
		client.insert(name, List.of(Map.of("pk", "doc-1", "embedding", new float[] { 0, 1, 0, 0 })));
		List<Row> rows = client.get(name, List.of("doc-1"), "pk");
		assertThat(rows).extracting((row) -> row.getString("pk")).containsExactly("doc-1");
	}

	@Test
	void quickSetUpRefusesAutomaticVarcharIds() {
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> QuickCollection.builder("q", DIM).idType(DataType.VARCHAR).autoId(true).build())
			.withMessageContaining("cannot have automatic ids");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> QuickCollection.builder("q", DIM).idType(DataType.DOUBLE).build())
			.withMessageContaining("must be INT64 or VARCHAR, but was DOUBLE");
	}

	@Test
	void setsAndDropsCollectionProperties() {
		String name = names.collection("props");
		client.createCollection(docs(name));

		client.alterCollectionProperties(name, Map.of("collection.ttl.seconds", "3600", "mmap.enabled", "true"));
		assertThat(client.describeCollection(name).properties()).containsEntry("collection.ttl.seconds", "3600")
			.containsEntry("mmap.enabled", "true");

		client.dropCollectionProperties(name, List.of("collection.ttl.seconds"));
		assertThat(client.describeCollection(name).properties()).doesNotContainKey("collection.ttl.seconds")
			.containsEntry("mmap.enabled", "true");
	}

	@Test
	void describesAndAltersDatabases() {
		String database = names.collection("db");
		client.createDatabase(database);
		try {
			client.alterDatabaseProperties(database, Map.of("database.max.collections", "10"));
			DatabaseDescription description = client.describeDatabase(database);
			assertThat(description.name()).isEqualTo(database);
			assertDatabaseProperties(description, Map.of("database.max.collections", "10"));

			client.dropDatabaseProperties(database, List.of("database.max.collections"));
			assertThat(client.describeDatabase(database).properties()).doesNotContainKey("database.max.collections");
		}
		finally {
			client.dropDatabase(database);
		}
	}

	/** What the description tells of the properties set. */
	void assertDatabaseProperties(DatabaseDescription description, Map<String, String> set) {
		assertThat(description.properties()).containsAllEntriesOf(set);
	}

	@Test
	void addingAFieldNeedsMilvus26() {
		String name = names.collection("add_field");
		client.createCollection(docs(name));
		calls.clear();
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.addCollectionField(name, FieldSchema.varchar("note", 32)))
			.withMessageContaining("field 'note'")
			.withMessageContaining("nullable");
		assertThat(calls.operations()).isEmpty();
		ServerLacks.skip(SERVER, "adding fields", () -> client.addCollectionField(name,
				FieldSchema.builder("note", DataType.VARCHAR).maxLength(32).nullable(true).build()));
	}

	@Test
	void alteringAFieldNeedsMilvus25() {
		String name = names.collection("alter_field");
		client.createCollection(docs(name));
		ServerLacks.skip(SERVER, "field properties",
				() -> client.alterCollectionField(name, "title", Map.of("max_length", "128")));
	}

	@Test
	void indexPropertiesNeedMilvus25() {
		String name = names.collection("index_props");
		client.createCollection(docs(name),
				List.of(IndexParams.of(name, "dense", IndexType.FLAT, MetricType.L2)), CreateCollectionOptions.DEFAULTS);
		String index = client.listIndexes(name).get(0);
		ServerLacks.skip(SERVER, "index properties",
				() -> client.alterIndexProperties(name, index, Map.of("mmap.enabled", "true")));
	}

}
