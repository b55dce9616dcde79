package dev.milvusboot.springai;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/** Spring AI's filter language through the store against Milvus Lite 3.2. */
@MilvusLiteTest
class FilterTest extends FilterContract {

	@BeforeAll
	static void connect(MilvusLite lite, TestNames testNames) {
		prepare(lite.uri(), testNames);
	}

}
