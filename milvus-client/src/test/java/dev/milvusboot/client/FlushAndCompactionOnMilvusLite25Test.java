package dev.milvusboot.client;

import org.junit.jupiter.api.Test;

import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;

/**
 * {@link FlushAndCompactionTest} against Milvus Lite 2.5 (Milvus's own C++ engine in one binary), which has no
 * compaction: those tests are skipped with its answer.
 */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class FlushAndCompactionOnMilvusLite25Test extends FlushAndCompactionTest {

	@Test
	@Override
	void compactWaitsUntilTheCompactionHasCompleted() {
		skipCompaction("compacted");
	}

	@Test
	@Override
	void aStartedCompactionCanBeFollowed() {
		skipCompaction("followed");
	}

	private static void skipCompaction(String prefix) {
		String name = names.collection(prefix);
		client.createCollection(name, DIM, MetricType.L2);
		ServerLacks.skip(ServerLacks.LITE_25, "compaction", () -> client.startCompaction(name));
	}

}
