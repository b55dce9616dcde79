package dev.milvusboot.client.coalescing;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusStandalone;
import dev.milvusboot.local.junit.MilvusStandaloneTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * Combined searches against the full Milvus 2.3 standalone.
 */
@MilvusStandaloneTest
class SearchCoalescingOnMilvusStandaloneTest extends SearchCoalescingContract {

	@BeforeAll
	static void connect(MilvusStandalone milvus, TestNames names) {
		prepare(milvus.uri(), names);
	}

}
