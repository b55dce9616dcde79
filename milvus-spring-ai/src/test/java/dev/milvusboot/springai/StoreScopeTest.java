package dev.milvusboot.springai;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/** A store's partition, database and observations against Milvus Lite 3.2. */
@MilvusLiteTest
class StoreScopeTest extends StoreScopeContract {

	@BeforeAll
	static void connect(MilvusLite lite, TestNames testNames) {
		prepare(lite.uri(), testNames);
	}

}
