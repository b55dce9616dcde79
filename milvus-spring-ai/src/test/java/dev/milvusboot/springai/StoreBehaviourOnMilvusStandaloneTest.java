package dev.milvusboot.springai;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusStandalone;
import dev.milvusboot.local.junit.MilvusStandaloneTest;
import dev.milvusboot.local.junit.TestNames;

/** The store's own behaviour tests against the full Milvus 2.3 standalone. */
@MilvusStandaloneTest
class StoreBehaviourOnMilvusStandaloneTest extends StoreBehaviourContract {

	@BeforeAll
	static void connect(MilvusStandalone milvus, TestNames testNames) {
		prepare(milvus.uri(), testNames);
	}

}
