package dev.milvusboot.langchain4j;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * {@link FilteringSuite} against Milvus Lite 3.2.
 */
@MilvusLiteTest
class LangChain4jFilteringSuiteOnMilvusLiteTest extends FilteringSuite {

	@BeforeAll
	void connect(MilvusLite lite, TestNames names) {
		open(lite.uri(), names);
	}

	@Override
	protected boolean supportsContains() {
		return true;
	}

}
