package dev.milvusboot.client.data;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * The data suite against Milvus Lite 3.2.
 */
@MilvusLiteTest
class DataOperationsOnMilvusLiteTest extends DataOperationsContract {

	@BeforeAll
	static void connect(MilvusLite lite, TestNames testNames) {
		connect(lite.uri(), testNames);
	}

}
