package dev.milvusboot.client;

import org.junit.jupiter.api.Test;

import dev.milvusboot.client.admin.CompactionResult;
import dev.milvusboot.client.admin.CompactionState;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.exception.MilvusNotFoundException;
import dev.milvusboot.client.schema.MetricType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Flushing and compacting on a real Milvus Lite, which flushes synchronously and compacts by itself (its
 * compaction requests succeed at once).
 */
class FlushAndCompactionTest extends AdminTestSupport {

	static final int DIM = 4;

	@Test
	void flushWaitsUntilTheServerSaysTheCollectionsAreFlushed() {
		String first = names.collection("flushed");
		String second = names.collection("flushed_too");
		client.createCollection(first, DIM, MetricType.L2);
		client.createCollection(second, DIM, MetricType.L2);
		client.insert(first, AdminFixtures.rows(20, DIM, 5));
		client.insert(second, AdminFixtures.rows(10, DIM, 6));
		calls.clear();

		client.flush(first, second);

		assertThat(calls.operations()).startsWith("flush").contains("getFlushState");
		assertThat(client.rowCount(first)).isEqualTo(20);
		assertThat(client.rowCount(second)).isEqualTo(10);
	}

	@Test
	void compactWaitsUntilTheCompactionHasCompleted() {
		String name = names.collection("compacted");
		client.createCollection(name, DIM, MetricType.L2);
		client.insert(name, AdminFixtures.rows(10, DIM, 7));
		client.flush(name);

		CompactionResult result = client.compact(name);

		assertThat(result.isCompleted()).isTrue();
		assertThat(result.failedPlans()).isZero();
		assertThat(client.rowCount(name)).isEqualTo(10);
	}

	@Test
	void aStartedCompactionCanBeFollowed() {
		String name = names.collection("followed");
		client.createCollection(name, DIM, MetricType.L2);

		long id = client.startCompaction(name);
		CompactionResult state = client.compactionState(id);

		assertThat(state.compactionId()).isEqualTo(id);
		assertThat(state.state()).isEqualTo(CompactionState.COMPLETED);
	}

	@Test
	void compactingAnUnknownCollectionIsReportedAsNotFound() {
		String name = names.collection("no_such");

		assertThatExceptionOfType(MilvusNotFoundException.class).isThrownBy(() -> client.compact(name))
			.withMessageContaining("'" + name + "'");
	}

	@Test
	void flushNeedsValidCollectionNamesAndSendsNothingOtherwise() {
		calls.clear();

		assertThatExceptionOfType(MilvusInvalidArgumentException.class).isThrownBy(() -> client.flush())
			.withMessageContaining("at least one collection");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.flush("good", "bad name"))
			.withMessageContaining("'bad name'");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class).isThrownBy(() -> client.compact("-"));

		assertThat(calls.operations()).isEmpty();
	}

}
