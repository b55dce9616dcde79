package dev.milvusboot.springai;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/** Hybrid dense + BM25 search of the store against Milvus Lite 2.5 (the C++ engine). */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class HybridSearchOnMilvusLite25Test extends HybridSearchContract {

	@BeforeAll
	static void connect(MilvusLite lite, TestNames testNames) {
		prepare(lite.uri(), testNames);
	}

}
