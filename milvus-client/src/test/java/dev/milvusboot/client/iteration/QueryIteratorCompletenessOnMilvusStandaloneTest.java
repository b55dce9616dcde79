package dev.milvusboot.client.iteration;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusStandalone;
import dev.milvusboot.local.junit.MilvusStandaloneTest;
import dev.milvusboot.local.junit.TestNames;

/** Query iterator completeness on Milvus 2.3, which refuses a filter with Long.MIN_VALUE (the old match-all). */
@MilvusStandaloneTest
class QueryIteratorCompletenessOnMilvusStandaloneTest extends QueryIteratorCompletenessContract {

	@BeforeAll
	static void connect(MilvusStandalone milvus, TestNames testNames) {
		connect(milvus.uri(), testNames, false);
	}

}
