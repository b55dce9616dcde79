package dev.milvusboot.langchain4j;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * {@link RemovalSuite} against Milvus Lite 2.5 (the NATIVE engine).
 */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class LangChain4jRemovalSuiteOnMilvusLite25Test extends RemovalSuite {

	@BeforeAll
	void connect(MilvusLite lite, TestNames names) {
		open(lite.uri(), names);
	}

}
