package dev.milvusboot.langchain4j;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * {@link RemovalSuite} against Milvus Lite 3.2.
 */
@MilvusLiteTest
class LangChain4jRemovalSuiteOnMilvusLiteTest extends RemovalSuite {

	@BeforeAll
	void connect(MilvusLite lite, TestNames names) {
		open(lite.uri(), names);
	}

}
