package dev.milvusboot.client.filter;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * Filters with parameters against Milvus Lite 2.5, which can match no line break in a filter literal: it refuses
 * the raw character ("Invalid expr", code 1100) and matches nothing for the escape, so the client refuses such
 * values.
 */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class FilterParametersOnMilvusLite25Test extends FilterParametersContract {

	@BeforeAll
	static void connect(MilvusLite server, TestNames testNames) {
		connect(server.uri(), testNames, true);
	}

}
