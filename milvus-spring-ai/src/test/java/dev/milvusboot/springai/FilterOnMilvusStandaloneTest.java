package dev.milvusboot.springai;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusStandalone;
import dev.milvusboot.local.junit.MilvusStandaloneTest;
import dev.milvusboot.local.junit.TestNames;

/** Spring AI's filter language through the store against the full Milvus 2.3 standalone. */
@MilvusStandaloneTest
class FilterOnMilvusStandaloneTest extends FilterContract {

	@BeforeAll
	static void connect(MilvusStandalone milvus, TestNames testNames) {
		prepare(milvus.uri(), testNames);
	}

}
