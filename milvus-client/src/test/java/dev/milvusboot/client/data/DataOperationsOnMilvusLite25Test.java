package dev.milvusboot.client.data;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * The data suite against Milvus Lite 2.5 (Milvus's own C++ engine in one binary), which has no partitions
 * ({@code CreatePartition} is gRPC {@code UNIMPLEMENTED}) and no nullable fields ("MilvusLite doesn't support
 * nullable", code 1100).
 */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class DataOperationsOnMilvusLite25Test extends DataOperationsContract {

	@BeforeAll
	static void connect(MilvusLite lite, TestNames testNames) {
		connect(lite.uri(), testNames, "Milvus Lite 2.5", PARTITIONS, NULLABLE_FIELDS);
	}

}
