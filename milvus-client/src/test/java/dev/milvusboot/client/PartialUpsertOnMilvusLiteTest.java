package dev.milvusboot.client;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * Partial upserts on Milvus Lite 3, which has them.
 */
@MilvusLiteTest
class PartialUpsertOnMilvusLiteTest extends PartialUpsertContract {

	@BeforeAll
	static void connect(MilvusLite lite, TestNames testNames) {
		connect(lite.uri(), testNames, null);
	}

}
