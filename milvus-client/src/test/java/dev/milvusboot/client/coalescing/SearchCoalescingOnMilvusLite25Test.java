package dev.milvusboot.client.coalescing;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * Combined searches against Milvus Lite 2.5 (Milvus's own C++ engine in one binary).
 */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class SearchCoalescingOnMilvusLite25Test extends SearchCoalescingContract {

	@BeforeAll
	static void connect(MilvusLite milvus, TestNames names) {
		prepare(milvus.uri(), names);
	}

}
