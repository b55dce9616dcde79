package dev.milvusboot.client;

import org.junit.jupiter.api.Test;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.exception.MilvusNotFoundException;
import dev.milvusboot.client.exception.MilvusNotFoundException.ResourceType;
import dev.milvusboot.client.exception.MilvusUnsupportedException;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.local.MilvusLite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Creating, listing and dropping partitions on a real Milvus Lite, which cannot load or release single partitions.
 */
class PartitionAdministrationTest extends AdminTestSupport {

	private static final int DIM = 4;

	private static String collection(String prefix) {
		String name = names.collection(prefix);
		client.createCollection(CollectionSchema.quick(name, DIM));
		return name;
	}

	@Test
	void createsListsAndDropsPartitions() {
		String name = collection("partitioned");
		assertThat(client.listPartitions(name)).containsExactly("_default");

		client.createPartition(name, "recent");
		client.createPartition(name, "archive");

		assertThat(client.hasPartition(name, "recent")).isTrue();
		assertThat(client.listPartitions(name)).containsExactlyInAnyOrder("_default", "recent", "archive");

		client.dropPartition(name, "archive");

		assertThat(client.hasPartition(name, "archive")).isFalse();
		assertThat(client.listPartitions(name)).containsExactlyInAnyOrder("_default", "recent");
	}

	@Test
	void rowsInsertedIntoAPartitionAreCounted() {
		String name = collection("partition_rows");
		client.createPartition(name, "recent");

		client.insert(name, "recent", AdminFixtures.rows(7, DIM, 2));

		assertThat(client.rowCount(name)).isEqualTo(7);
	}

	@Test
	void loadingPartitionsIsUnsupportedOnMilvusLiteWithAClearMessage() {
		String name = collection("partition_load");
		client.createPartition(name, "recent");

		assertThatExceptionOfType(MilvusUnsupportedException.class)
			.isThrownBy(() -> client.loadPartitions(name, "recent"))
			.withMessageContaining("'recent'")
			.withMessageContaining("'" + name + "'")
			.withMessageContaining("not supported")
			.withMessageContaining("load_collection");
		assertThatExceptionOfType(MilvusUnsupportedException.class)
			.isThrownBy(() -> client.releasePartitions(name, "recent"))
			.withMessageContaining("'recent'")
			.withMessageContaining("release_collection");
	}

	@Test
	void droppingAnUnknownPartitionIsReportedAsNotFound() {
		String name = collection("partition_missing");

		assertThatExceptionOfType(MilvusNotFoundException.class).isThrownBy(() -> client.dropPartition(name, "nope"))
			.withMessageContaining("'nope'")
			.withMessageContaining("'" + name + "'")
			.satisfies((ex) -> assertThat(ex.resourceType()).isEqualTo(ResourceType.PARTITION));
	}

	@Test
	void partitionsOfAnUnknownCollectionAreReportedAsNotFound() {
		String name = names.collection("no_such");

		assertThatExceptionOfType(MilvusNotFoundException.class).isThrownBy(() -> client.listPartitions(name))
			.withMessageContaining("'" + name + "'")
			.satisfies((ex) -> assertThat(ex.resourceType()).isEqualTo(ResourceType.COLLECTION));
		assertThatExceptionOfType(MilvusNotFoundException.class)
			.isThrownBy(() -> client.createPartition(name, "recent"))
			.withMessageContaining("'" + name + "'");
	}

	@Test
	void invalidPartitionNamesAreRejectedBeforeAnythingIsSent() {
		calls.clear();

		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.createPartition("books", "2024-q1"))
			.withMessageContaining("partition name")
			.withMessageContaining("'2024-q1'");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.loadPartitions("books"))
			.withMessageContaining("at least one partition");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.releasePartitions("books", "ok", "not ok"))
			.withMessageContaining("'not ok'");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.hasPartition("bad-collection", "ok"))
			.withMessageContaining("collection name");

		assertThat(calls.operations()).isEmpty();
	}

}
