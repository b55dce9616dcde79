package dev.milvusboot.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.milvusboot.client.admin.CompactionResult;
import dev.milvusboot.client.admin.CreateCollectionOptions;
import dev.milvusboot.client.exception.MilvusAlreadyExistsException;
import dev.milvusboot.client.exception.MilvusNotFoundException;
import dev.milvusboot.client.exception.MilvusNotFoundException.ResourceType;
import dev.milvusboot.client.exception.MilvusTimeoutException;
import dev.milvusboot.client.schema.CollectionDescription;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexDescription;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexState;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.LoadState;
import dev.milvusboot.client.schema.MetricType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.within;

/**
 * What only a full Milvus (2.3 standalone) does: partition load and release, indexes built in the background,
 * flushes that seal segments, real compactions, loads that take time, and its own answers to repeated creations.
 */
class MilvusStandaloneAdministrationTest extends StandaloneTestSupport {

	private static final int DIM = 8;

	private static String unindexedCollection(String prefix) {
		String name = names.collection(prefix);
		client.createCollection(CollectionSchema.builder(name)
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.floatVector("vector", DIM))
			.build());
		return name;
	}

	private static List<Map<String, ?>> rows(long firstId, int count) {
		List<Map<String, ?>> rows = new ArrayList<>(count);
		List<Map<String, ?>> vectors = AdminFixtures.rows(count, DIM, firstId);
		for (int i = 0; i < count; i++) {
			rows.add(Map.of("id", firstId + i, "vector", vectors.get(i).get("vector")));
		}
		return rows;
	}

	@Test
	void describesIdsCreationTimeAliasesAndOptions() {
		String name = names.collection("described");
		String alias = names.collection("described_alias");
		Instant before = Instant.now().minusSeconds(5);
		client.createCollection(CollectionSchema.quick(name, DIM), CreateCollectionOptions.builder()
			.shards(2)
			.consistencyLevel(ConsistencyLevel.STRONG)
			.property("collection.ttl.seconds", "600")
			.build());
		client.createAlias(name, alias);

		CollectionDescription description = client.describeCollection(alias);

		assertThat(description.name()).isEqualTo(name);
		assertThat(description.database()).isEqualTo("default");
		assertThat(description.collectionId()).isPositive();
		assertThat(description.createdAt()).isBetween(before, Instant.now().plusSeconds(5));
		assertThat(description.aliases()).containsExactly(alias);
		assertThat(description.shards()).isEqualTo(2);
		assertThat(description.consistencyLevel()).isEqualTo(ConsistencyLevel.STRONG);
		assertThat(description.properties()).containsEntry("collection.ttl.seconds", "600");
		assertThat(client.loadState(name)).isEqualTo(LoadState.NOT_LOADED);
		assertThat(client.listAliases(name)).containsExactly(alias);
		assertThat(client.describeAlias(alias).collection()).isEqualTo(name);
		assertThat(client.describeCollection(name).consistencyLevel()).isEqualTo(ConsistencyLevel.STRONG);
		assertThat(client.describeCollection(unindexedCollection("default_level")).consistencyLevel())
			.isEqualTo(CreateCollectionOptions.DEFAULT_CONSISTENCY_LEVEL);
	}

	@Test
	void anIdenticalCollectionMayBeCreatedAgainButNotADifferentOne() {
		String name = names.collection("again");
		client.createCollection(CollectionSchema.quick(name, DIM));

		assertThatNoException().isThrownBy(() -> client.createCollection(CollectionSchema.quick(name, DIM)));
		assertThatExceptionOfType(MilvusAlreadyExistsException.class)
			.isThrownBy(() -> client.createCollection(CollectionSchema.quick(name, DIM * 2)))
			.withMessageContaining("'" + name + "'");
	}

	@Test
	void unknownThingsAreReportedAsNotFoundNamingThem() {
		String name = names.collection("unknown");

		assertThatExceptionOfType(MilvusNotFoundException.class).isThrownBy(() -> client.describeCollection(name))
			.withMessageContaining("'" + name + "'")
			.satisfies((ex) -> assertThat(ex.resourceType()).isEqualTo(ResourceType.COLLECTION));
		assertThatExceptionOfType(MilvusNotFoundException.class).isThrownBy(() -> client.flush(name))
			.withMessageContaining("'" + name + "'");
		assertThatExceptionOfType(MilvusNotFoundException.class).isThrownBy(() -> client.describeAlias(name))
			.withMessageContaining("'" + name + "'")
			.satisfies((ex) -> assertThat(ex.resourceType()).isEqualTo(ResourceType.ALIAS));
		assertThatExceptionOfType(MilvusNotFoundException.class).isThrownBy(() -> client.listPartitions(name))
			.withMessageContaining("'" + name + "'");
		// Dropping what does not exist is accepted, as on Milvus Lite for collections.
		assertThatNoException().isThrownBy(() -> client.dropCollection(name));
		assertThatNoException().isThrownBy(() -> client.dropDatabase(name));
	}

	@Test
	void flushSealsTheInsertedRowsSoTheyAreCounted() {
		String name = unindexedCollection("flushed");
		client.insert(name, rows(0, 300));

		client.flush(name);

		assertThat(client.rowCount(name)).isEqualTo(300);
	}

	@Test
	void createIndexWaitsForTheBackgroundBuild() {
		String name = unindexedCollection("built");
		client.insert(name, rows(0, 3000));
		client.flush(name);

		client.createIndex(IndexParams.builder(name, "vector")
			.indexName("vector_ivf")
			.indexType(IndexType.IVF_FLAT)
			.metric(MetricType.L2)
			.param("nlist", 16)
			.build());

		IndexDescription index = client.describeIndex(name, "vector_ivf");
		assertThat(index.state()).isEqualTo(IndexState.FINISHED);
		assertThat(index.totalRows()).isEqualTo(3000);
		assertThat(index.indexedRows()).isEqualTo(3000);
		assertThat(index.pendingRows()).isZero();
		assertThat(index.indexType()).isEqualTo("IVF_FLAT");
		assertThat(index.params()).containsEntry("nlist", "16");
		assertThat(client.describeIndex(name, "vector")).isEqualTo(index);
		assertThat(client.listIndexes(name)).containsExactly("vector_ivf");

		client.dropIndex(name, "vector_ivf");
		assertThat(client.listIndexes(name)).isEmpty();
	}

	@Test
	void partitionsAreLoadedAndReleasedOneByOne() {
		String name = unindexedCollection("partitions");
		client.createIndex(IndexParams.of(name, "vector", IndexType.FLAT, MetricType.L2));
		client.createPartition(name, "recent");
		client.createPartition(name, "archive");
		client.insert(name, "recent", rows(0, 10));

		client.loadPartitions(name, "recent");

		assertThat(client.loadState(name)).isEqualTo(LoadState.LOADED);
		assertThat(client.count(name, "id >= 0")).isEqualTo(10);

		client.releasePartitions(name, "recent");

		assertThat(client.loadState(name)).isEqualTo(LoadState.NOT_LOADED);
		client.dropPartition(name, "archive");
		assertThat(client.listPartitions(name)).containsExactlyInAnyOrder("_default", "recent");
	}

	@Test
	void compactWaitsForTheServerToFinishItsPlans() {
		String name = unindexedCollection("compacted");
		for (int batch = 0; batch < 3; batch++) {
			client.insert(name, rows(batch * 100L, 100));
			client.flush(name);
		}
		client.delete(name, List.of(0L, 1L, 2L, 3L, 4L));
		client.flush(name);

		CompactionResult result = client.compact(name);

		assertThat(result.compactionId()).isPositive();
		assertThat(result.isCompleted()).isTrue();
		assertThat(result.executingPlans()).isZero();
		assertThat(result.failedPlans()).isZero();
		assertThat(client.compactionState(result.compactionId()).isCompleted()).isTrue();
	}

	@Test
	void aLoadThatOutlastsTheDeadlineIsReportedAsATimeoutNamingWhatWasAwaited() {
		String name = unindexedCollection("slow_load");
		client.createIndex(IndexParams.of(name, "vector", IndexType.FLAT, MetricType.L2));
		client.insert(name, rows(0, 100));
		long started = System.nanoTime();

		assertThatExceptionOfType(MilvusTimeoutException.class)
			.isThrownBy(() -> client.withTimeout(Duration.ofMillis(300)).loadCollection(name))
			.withMessageContaining("collection '" + name + "' to load");
		assertThat(Duration.ofNanos(System.nanoTime() - started).toMillis()).isCloseTo(300, within(700L));

		client.loadCollection(name);
		assertThat(client.loadState(name)).isEqualTo(LoadState.LOADED);
	}

	@Test
	void hasNoTruncation() {
		String name = unindexedCollection("truncated");
		ServerLacks.skip("Milvus 2.3", "collection truncation", () -> client.truncateCollection(name));
	}

}
