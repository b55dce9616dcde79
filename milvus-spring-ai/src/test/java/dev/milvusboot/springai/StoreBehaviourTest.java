package dev.milvusboot.springai;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/** The store's own behaviour tests against Milvus Lite 3.2. */
@MilvusLiteTest
class StoreBehaviourTest extends StoreBehaviourContract {

	@BeforeAll
	static void connect(MilvusLite lite, TestNames testNames) {
		prepare(lite.uri(), testNames);
	}

}
