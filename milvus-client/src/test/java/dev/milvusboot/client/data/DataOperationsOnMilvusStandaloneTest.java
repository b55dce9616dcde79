package dev.milvusboot.client.data;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusStandalone;
import dev.milvusboot.local.junit.MilvusStandaloneTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * The data suite against the full Milvus 2.3 standalone.
 */
@MilvusStandaloneTest
class DataOperationsOnMilvusStandaloneTest extends DataOperationsContract {

	@BeforeAll
	static void connect(MilvusStandalone milvus, TestNames testNames) {
		connect(milvus.uri(), testNames);
	}

}
