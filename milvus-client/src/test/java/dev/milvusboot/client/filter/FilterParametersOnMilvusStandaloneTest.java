package dev.milvusboot.client.filter;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusStandalone;
import dev.milvusboot.local.junit.MilvusStandaloneTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * Filters with parameters against Milvus 2.3 standalone.
 */
@MilvusStandaloneTest
class FilterParametersOnMilvusStandaloneTest extends FilterParametersContract {

	@BeforeAll
	static void connect(MilvusStandalone server, TestNames testNames) {
		connect(server.uri(), testNames);
	}

}
