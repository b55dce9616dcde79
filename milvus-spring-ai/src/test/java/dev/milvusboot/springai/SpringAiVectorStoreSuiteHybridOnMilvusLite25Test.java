package dev.milvusboot.springai;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/** Spring AI's vector store suite, unchanged, on a hybrid (dense + BM25) store against Milvus Lite 2.5. */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class SpringAiVectorStoreSuiteHybridOnMilvusLite25Test extends SpringAiVectorStoreSuite {

	@BeforeAll
	static void connect(MilvusLite lite, TestNames testNames) {
		prepare(lite.uri(), testNames);
	}

	@Override
	boolean hybrid() {
		return true;
	}

}
