package dev.milvusboot.client;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * Partial upserts on Milvus Lite 2.5, which has none: the tests that need them are skipped, quoting its answer.
 */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class PartialUpsertOnMilvusLite25Test extends PartialUpsertContract {

	@BeforeAll
	static void connect(MilvusLite lite, TestNames testNames) {
		connect(lite.uri(), testNames, ServerLacks.LITE_25);
	}

}
