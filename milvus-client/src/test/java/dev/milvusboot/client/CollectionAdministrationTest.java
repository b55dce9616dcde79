package dev.milvusboot.client;

import java.util.List;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.milvusboot.client.admin.CreateCollectionOptions;
import dev.milvusboot.client.exception.MilvusAlreadyExistsException;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.exception.MilvusNotFoundException;
import dev.milvusboot.client.exception.MilvusNotFoundException.ResourceType;
import dev.milvusboot.client.schema.CollectionDescription;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexDescription;
import dev.milvusboot.client.schema.IndexState;
import dev.milvusboot.client.schema.LoadState;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.MilvusLite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Creating, describing, listing, renaming, loading, releasing and dropping collections on a real Milvus Lite.
 */
class CollectionAdministrationTest extends AdminTestSupport {

	static final int DIM = 4;

	@Test
	void quickSetUpCreatesAnIndexedLoadedCollectionWithAutoIdsAndDynamicField() {
		String name = names.collection("quick");
		client.createCollection(name, DIM, MetricType.L2);

		CollectionDescription description = client.describeCollection(name);
		assertThat(description.name()).isEqualTo(name);
		CollectionSchema schema = description.schema();
		assertThat(schema.primaryKey().name()).isEqualTo("id");
		assertThat(schema.primaryKey().dataType()).isEqualTo(DataType.INT64);
		assertThat(schema.primaryKey().isAutoId()).isTrue();
		assertThat(schema.vectorField().name()).isEqualTo("vector");
		assertThat(schema.vectorField().dimension()).isEqualTo(DIM);
		assertThat(schema.isDynamicFieldEnabled()).isTrue();
		IndexDescription index = client.describeIndex(name, "vector");
		assertThat(index.indexType()).isEqualTo("AUTOINDEX");
		assertThat(index.metricType()).isEqualTo("L2");
		assertThat(index.state()).isEqualTo(IndexState.FINISHED);
		assertThat(client.loadState(name)).isEqualTo(LoadState.LOADED);
	}

	@Test
	void quickSetUpCanLeaveIdsToTheCaller() {
		String name = names.collection("quick_ids");
		client.createCollection(name, DIM, MetricType.COSINE, false);

		assertThat(client.describeCollection(name).schema().primaryKey().isAutoId()).isFalse();
		assertThat(client.describeIndex(name, "vector").metricType()).isEqualTo("COSINE");
	}

	@Test
	void creatingFromASchemaGivesTheSchemaOptionsAndNoIndex() {
		String name = names.collection("schema");
		CollectionSchema schema = createBooksWithTimeToLive(name);

		CollectionDescription description = client.describeCollection(name);
		// Milvus Lite 3.2 keeps no descriptions of collections or fields (pymilvus gets none either: SchemaCopyTest).
		assertThat(schema.description()).isEqualTo("books");
		assertThat(description.schema()).isEqualTo(schema.toBuilder(name).description("").build());
		assertThat(description.properties()).containsEntry("collection.ttl.seconds", "3600");
		assertThat(description.shards()).isEqualTo(1);
		assertThat(client.listIndexes(name)).isEmpty();
		// Milvus leaves it released; Milvus Lite counts a collection without an index as loaded (brute force).
		assertThat(client.loadState(name)).isEqualTo(LoadState.LOADED);
	}

	/** Creates a collection of books from a schema, with a time-to-live property. */
	static CollectionSchema createBooksWithTimeToLive(String name) {
		CollectionSchema schema = CollectionSchema.builder(name)
			.description("books")
			.field(FieldSchema.varcharId("isbn", 20))
			.field(FieldSchema.floatVector("embedding", DIM))
			.field(FieldSchema.scalar("year", DataType.INT32))
			.build();
		client.createCollection(schema, CreateCollectionOptions.builder()
			.property("collection.ttl.seconds", "3600")
			.build());
		return schema;
	}

	@Test
	void listsAndFindsCollections() {
		String name = names.collection("listed");
		assertThat(client.hasCollection(name)).isFalse();
		client.createCollection(CollectionSchema.quick(name, DIM));

		assertThat(client.hasCollection(name)).isTrue();
		assertThat(client.listCollections()).contains(name);
	}

	@Test
	void renamesACollection() {
		String name = names.collection("old");
		String newName = names.collection("new");
		client.createCollection(CollectionSchema.quick(name, DIM));

		client.renameCollection(name, newName);

		assertThat(client.hasCollection(name)).isFalse();
		assertThat(client.hasCollection(newName)).isTrue();
		assertThat(client.describeCollection(newName).name()).isEqualTo(newName);
	}

	@Test
	void dropsACollectionAndDroppingItAgainDoesNothing() {
		String name = names.collection("dropped");
		client.createCollection(CollectionSchema.quick(name, DIM));

		client.dropCollection(name);

		assertThat(client.hasCollection(name)).isFalse();
		assertThat(client.listCollections()).doesNotContain(name);
		assertThatNoException().isThrownBy(() -> client.dropCollection(name));
	}

	@Test
	void countsRowsInTheCollectionStatistics() {
		String name = names.collection("counted");
		client.createCollection(name, DIM, MetricType.L2);
		assertThat(client.rowCount(name)).isZero();

		client.insert(name, AdminFixtures.rows(25, DIM, 1));

		assertThat(client.rowCount(name)).isEqualTo(25);
	}

	@Test
	void loadsAndReleasesACollection() {
		String name = names.collection("loadable");
		client.createCollection(name, DIM, MetricType.IP);

		client.releaseCollection(name);
		assertThat(client.loadState(name)).isEqualTo(LoadState.NOT_LOADED);

		client.loadCollection(name);
		assertThat(client.loadState(name)).isEqualTo(LoadState.LOADED);
	}

	@Test
	void describesTheTargetOfAnAlias() {
		String name = names.collection("aliased");
		String alias = names.collection("alias_of");
		client.createCollection(CollectionSchema.quick(name, DIM));
		client.createAlias(name, alias);

		assertThat(client.hasCollection(alias)).isTrue();
		assertThat(client.describeCollection(alias).name()).isEqualTo(name);
	}

	@Test
	void unknownCollectionIsReportedAsNotFoundNamingIt() {
		String name = names.collection("missing");

		assertThatExceptionOfType(MilvusNotFoundException.class).isThrownBy(() -> client.describeCollection(name))
			.withMessageContaining("'" + name + "'")
			.satisfies((ex) -> assertThat(ex.resourceType()).isEqualTo(ResourceType.COLLECTION));
		assertThatExceptionOfType(MilvusNotFoundException.class).isThrownBy(() -> client.loadCollection(name))
			.withMessageContaining("'" + name + "'");
		assertThatExceptionOfType(MilvusNotFoundException.class).isThrownBy(() -> client.rowCount(name))
			.withMessageContaining("'" + name + "'");
		assertThat(client.loadState(name)).isEqualTo(LoadState.NOT_EXIST);
	}

	@Test
	void creatingAnExistingCollectionIsReportedAsAlreadyExisting() {
		String name = names.collection("twice");
		client.createCollection(CollectionSchema.quick(name, DIM));
		long started = System.nanoTime();

		// Milvus Lite refuses any second creation (Milvus 2.3 accepts an identical schema again).
		assertThatExceptionOfType(MilvusAlreadyExistsException.class)
			.isThrownBy(() -> client.createCollection(CollectionSchema.quick(name, DIM)))
			.withMessageContaining("'" + name + "'")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
		assertThatExceptionOfType(MilvusAlreadyExistsException.class)
			.isThrownBy(() -> client.createCollection(name, DIM, MetricType.L2));
	}

	@Test
	void invalidNamesAreRejectedBeforeAnythingIsSent() {
		calls.clear();

		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.createCollection("1st", DIM, MetricType.L2))
			.withMessageContaining("'1st'");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.describeCollection("has space"))
			.withMessageContaining("'has space'");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class).isThrownBy(() -> client.dropCollection(""));
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.renameCollection("fine", "not-fine"))
			.withMessageContaining("'not-fine'");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.loadCollection("dots.are.bad"));
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.createCollection("fine", 0, MetricType.L2))
			.withMessageContaining("dimension");

		assertThat(calls.operations()).isEmpty();
	}

	@Test
	void aVectorAboveMilvussDefaultDimensionLimitIsRefusedBeforeSendingAlthoughMilvusLiteWouldTakeIt(
			MilvusLite lite) {
		String name = names.collection("too_wide");
		calls.clear();
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.createCollection(name, 40_000, MetricType.L2))
			.withMessageContaining("collection '" + name + "'")
			.withMessageContaining("vector field 'vector' has dimension 40000, above 32768, Milvus's default limit")
			.withMessageContaining("proxy.maxDimension")
			.withMessageContaining("MilvusClientOptions.Builder#maxVectorDimension");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.createCollection(CollectionSchema.builder(name)
				.field(FieldSchema.int64Id("id", false))
				.field(FieldSchema.builder("bits", DataType.BINARY_VECTOR).dimension(8 * 32_768 + 8).build())
				.build()))
			.withMessageContaining("binary vector field 'bits' has dimension 262152, above 262144");
		assertThat(calls.operations()).isEmpty();
		assertThat(client.hasCollection(name)).isFalse();

		try (MilvusClient optedOut = MilvusClient.create(
				MilvusClientOptions.builder().uri(lite.uri()).maxVectorDimension(Integer.MAX_VALUE).build())) {
			optedOut.createCollection(CollectionSchema.quick(name, 40_000));
			assertThat(optedOut.describeCollection(name).schema().vectorField().dimension()).isEqualTo(40_000);
		}
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> MilvusClientOptions.builder().maxVectorDimension(0).build())
			.withMessage("maxVectorDimension must be at least 1, but was 0");
		assertThat(MilvusClientOptions.builder().build().maxVectorDimension())
			.isEqualTo(MilvusClientOptions.DEFAULT_MAX_VECTOR_DIMENSION)
			.isEqualTo(32_768);
	}

	@Test
	void describesWhatMilvusLiteKeeps() {
		String name = names.collection("described");
		client.createCollection(CollectionSchema.quick(name, DIM));

		CollectionDescription description = client.describeCollection(name);

		// Milvus Lite keeps no creation time, ids, consistency level or aliases in its descriptions; Milvus does.
		assertThat(description.createdAt()).isNull();
		assertThat(description.collectionId()).isZero();
		assertThat(description.aliases()).isEmpty();
		assertThat(description.schema().name()).isEqualTo(name);
	}

	@Test
	void truncateDeletesEveryRowAndKeepsTheCollectionItsSchemaAndIndex() {
		String name = names.collection("truncated");
		client.createCollection(name, DIM, MetricType.L2);
		client.insertVectors(name, List.of(new float[] { 1, 2, 3, 4 }, new float[] { 4, 3, 2, 1 }));
		assertThat(client.count(name, "")).isEqualTo(2);

		client.truncateCollection(name);

		assertThat(client.hasCollection(name)).isTrue();
		assertThat(client.describeCollection(name).schema().vectorField().dimension()).isEqualTo(DIM);
		assertThat(client.listIndexes(name)).hasSize(1);
		client.loadCollection(name);
		assertThat(client.count(name, "")).isZero();
		client.insertVectors(name, List.of(new float[] { 1, 1, 1, 1 }));
		assertThat(client.count(name, "")).isEqualTo(1);
	}

}
