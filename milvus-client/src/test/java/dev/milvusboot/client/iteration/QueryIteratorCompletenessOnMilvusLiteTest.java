package dev.milvusboot.client.iteration;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/** Query iterator completeness on Milvus Lite 3.2, which returns every match of a query without limit. */
@MilvusLiteTest
class QueryIteratorCompletenessOnMilvusLiteTest extends QueryIteratorCompletenessContract {

	@BeforeAll
	static void connect(MilvusLite lite, TestNames testNames) {
		connect(lite.uri(), testNames, false);
	}

}
