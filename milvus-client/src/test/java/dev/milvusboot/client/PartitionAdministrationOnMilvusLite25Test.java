package dev.milvusboot.client;

import org.junit.jupiter.api.BeforeEach;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;

/**
 * {@link PartitionAdministrationTest} against Milvus Lite 2.5 (Milvus's own C++ engine in one binary), which has no
 * partitions: each test is skipped with the server's answer.
 */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class PartitionAdministrationOnMilvusLite25Test extends PartitionAdministrationTest {

	@BeforeEach
	void skipWithoutServerSupport() {
		ServerLacks.skip(ServerLacks.LITE_25, "partitions", () -> client.listPartitions(names.collection("probe")));
	}

}
