package dev.milvusboot.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
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
import dev.milvusboot.local.junit.TestNames;

import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Schema evolution on a real server: collections created with indexes and loaded in one call, the quick set-up with
 * its id type and names, collection and database properties set and dropped, fields added and altered, index
 * properties. Subclasses connect to their server and name what it lacks: the tests of those features are skipped,
 * quoting the server's answer to their first call ({@code SchemaChangesRequestsTest} compares the requests no local
 * server accepts with pymilvus').
 */
abstract class SchemaEvolutionContract {

	static final int DIM = 4;

	static final String COLLECTION_PROPERTIES = "collection properties";

	static final String DROPPING_COLLECTION_PROPERTIES = "dropping collection properties";

	static final String ADDING_FIELDS = "adding fields";

	static final String FIELD_PROPERTIES = "field properties";

	static final String INDEX_PROPERTIES = "index properties";

	static final String DATABASES = "databases";

	static final String DATABASE_DESCRIPTIONS = "database descriptions";

	static final String DATABASE_PROPERTIES = "database properties";

	static MilvusClient client;

	static AdminFixtures.RecordingListener calls;

	static TestNames names;

	private static String server;

	private static Set<String> lacking = Set.of();

	/**
	 * Connects the suite to a server.
	 * @param uri the server's uri
	 * @param testNames unique names
	 * @param serverName the server's name, for the reasons of skipped tests
	 * @param lackingFeatures the features it lacks (the constants of this class)
	 */
	static void connect(String uri, TestNames testNames, String serverName, String... lackingFeatures) {
		calls = new AdminFixtures.RecordingListener();
		client = MilvusClient.create(MilvusClientOptions.builder()
			.uri(uri)
			.requestTimeout(Duration.ofSeconds(60))
			.listener(calls)
			.build());
		names = testNames;
		server = serverName;
		lacking = Set.of(lackingFeatures);
	}

	@AfterAll
	static void close() {
		client.close();
	}

	/**
	 * Runs the first call of a feature; where the server lacks the feature, skips the test quoting its answer (and
	 * fails if the server accepts the call).
	 */
	static void firstCallOf(String feature, Runnable call) {
		if (lacking.contains(feature)) {
			ServerLacks.skip(server, feature, call);
		}
		call.run();
	}

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
	void setsCollectionProperties() {
		String name = names.collection("props");
		client.createCollection(docs(name));

		firstCallOf(COLLECTION_PROPERTIES, () -> client.alterCollectionProperties(name,
				Map.of("collection.ttl.seconds", "3600", "mmap.enabled", "true")));
		assertThat(client.describeCollection(name).properties()).containsEntry("collection.ttl.seconds", "3600")
			.containsEntry("mmap.enabled", "true");

		client.alterCollectionProperties(name, Map.of("collection.ttl.seconds", "60"));
		assertThat(client.describeCollection(name).properties()).containsEntry("collection.ttl.seconds", "60")
			.containsEntry("mmap.enabled", "true");
	}

	@Test
	void dropsCollectionProperties() {
		String name = names.collection("props_dropped");
		client.createCollection(docs(name));
		firstCallOf(COLLECTION_PROPERTIES, () -> client.alterCollectionProperties(name,
				Map.of("collection.ttl.seconds", "3600", "mmap.enabled", "true")));

		firstCallOf(DROPPING_COLLECTION_PROPERTIES,
				() -> client.dropCollectionProperties(name, List.of("collection.ttl.seconds")));
		assertThat(client.describeCollection(name).properties()).doesNotContainKey("collection.ttl.seconds")
			.containsEntry("mmap.enabled", "true");
	}

	@Test
	void describesADatabase() {
		String database = names.collection("db_described");
		firstCallOf(DATABASES, () -> client.createDatabase(database));
		try {
			DatabaseDescription description = describeDatabase(database);
			assertThat(description.name()).isEqualTo(database);
		}
		finally {
			client.dropDatabase(database);
		}
	}

	@Test
	void setsAndDropsDatabaseProperties() {
		String database = names.collection("db_props");
		firstCallOf(DATABASES, () -> client.createDatabase(database));
		try {
			firstCallOf(DATABASE_PROPERTIES,
					() -> client.alterDatabaseProperties(database, Map.of("database.max.collections", "10")));
			assertThat(describeDatabase(database).properties()).containsEntry("database.max.collections", "10");

			client.dropDatabaseProperties(database, List.of("database.max.collections"));
			assertThat(client.describeDatabase(database).properties()).doesNotContainKey("database.max.collections");
		}
		finally {
			client.dropDatabase(database);
		}
	}

	private static DatabaseDescription describeDatabase(String database) {
		DatabaseDescription[] description = new DatabaseDescription[1];
		firstCallOf(DATABASE_DESCRIPTIONS, () -> description[0] = client.describeDatabase(database));
		return description[0];
	}

	@Test
	void addingAFieldThatIsNeitherNullableNorDefaultedIsRefusedBeforeSending() {
		String name = names.collection("add_field_refused");
		client.createCollection(docs(name));
		calls.clear();
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.addCollectionField(name, FieldSchema.varchar("note", 32)))
			.withMessageContaining("field 'note'")
			.withMessageContaining("nullable");
		assertThat(calls.operations()).isEmpty();
	}

	@Test
	void addsANullableField() {
		String name = names.collection("add_field");
		client.createCollection(docs(name));
		FieldSchema note = FieldSchema.builder("note", DataType.VARCHAR).maxLength(32).nullable(true).build();

		firstCallOf(ADDING_FIELDS, () -> client.addCollectionField(name, note));
		assertThat(client.describeCollection(name).schema().field("note")).isEqualTo(note);
	}

	@Test
	void altersAFieldsProperties() {
		String name = names.collection("alter_field");
		client.createCollection(docs(name));

		firstCallOf(FIELD_PROPERTIES, () -> client.alterCollectionField(name, "title", Map.of("max_length", "128")));
		assertThat(client.describeCollection(name).schema().field("title").maxLength()).isEqualTo(128);
	}

	@Test
	void setsAndDropsIndexProperties() {
		String name = names.collection("index_props");
		client.createCollection(docs(name),
				List.of(IndexParams.of(name, "dense", IndexType.FLAT, MetricType.L2)), CreateCollectionOptions.DEFAULTS);
		client.releaseCollection(name);
		String index = client.listIndexes(name).get(0);

		firstCallOf(INDEX_PROPERTIES, () -> client.alterIndexProperties(name, index, Map.of("mmap.enabled", "true")));
		assertThat(client.describeIndex(name, "dense").params()).containsEntry("mmap.enabled", "true");
		client.dropIndexProperties(name, index, List.of("mmap.enabled"));
		assertThat(client.describeIndex(name, "dense").params()).doesNotContainKey("mmap.enabled");
	}

}
