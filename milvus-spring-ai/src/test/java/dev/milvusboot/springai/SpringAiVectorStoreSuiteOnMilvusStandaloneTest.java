package dev.milvusboot.springai;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusStandalone;
import dev.milvusboot.local.junit.MilvusStandaloneTest;
import dev.milvusboot.local.junit.TestNames;

/** Spring AI's vector store suite against the full Milvus 2.3 standalone. */
@MilvusStandaloneTest
class SpringAiVectorStoreSuiteOnMilvusStandaloneTest extends SpringAiVectorStoreSuite {

	@BeforeAll
	static void connect(MilvusStandalone milvus, TestNames testNames) {
		prepare(milvus.uri(), testNames);
	}

}
