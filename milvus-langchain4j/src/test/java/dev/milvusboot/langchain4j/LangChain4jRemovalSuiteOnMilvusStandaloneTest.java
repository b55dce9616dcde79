package dev.milvusboot.langchain4j;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusStandalone;
import dev.milvusboot.local.junit.MilvusStandaloneTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * {@link RemovalSuite} against Milvus 2.3 standalone.
 */
@MilvusStandaloneTest
class LangChain4jRemovalSuiteOnMilvusStandaloneTest extends RemovalSuite {

	@BeforeAll
	void connect(MilvusStandalone milvus, TestNames names) {
		open(milvus.uri(), names);
	}

}
