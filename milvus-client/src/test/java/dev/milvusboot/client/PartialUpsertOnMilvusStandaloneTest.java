package dev.milvusboot.client;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusStandalone;
import dev.milvusboot.local.junit.MilvusStandaloneTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * Partial upserts on Milvus 2.3, which has none (it ignores {@code partial_update} and wants every field): the
 * tests that need them are skipped, quoting its answer.
 */
@MilvusStandaloneTest
class PartialUpsertOnMilvusStandaloneTest extends PartialUpsertContract {

	@BeforeAll
	static void connect(MilvusStandalone milvus, TestNames testNames) {
		connect(milvus.uri(), testNames, "Milvus 2.3");
	}

}
