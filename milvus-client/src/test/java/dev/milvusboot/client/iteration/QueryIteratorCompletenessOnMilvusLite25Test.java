package dev.milvusboot.client.iteration;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/** Query iterator completeness on Milvus Lite 2.5, which returns at most 16,383 rows to a query: the iterator refuses rather than miss entities. */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class QueryIteratorCompletenessOnMilvusLite25Test extends QueryIteratorCompletenessContract {

	@BeforeAll
	static void connect(MilvusLite lite, TestNames testNames) {
		connect(lite.uri(), testNames, true);
	}

}
