package dev.milvusboot.client.filter;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * Filters with parameters against Milvus Lite 3.2.
 */
@MilvusLiteTest
class FilterParametersOnMilvusLiteTest extends FilterParametersContract {

	@BeforeAll
	static void connect(MilvusLite server, TestNames testNames) {
		connect(server.uri(), testNames);
	}

}
