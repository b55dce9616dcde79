package dev.milvusboot.langchain4j;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusStandalone;
import dev.milvusboot.local.junit.MilvusStandaloneTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * {@link FilteringSuite} against Milvus 2.3 standalone.
 */
@MilvusStandaloneTest
class LangChain4jFilteringSuiteOnMilvusStandaloneTest extends FilteringSuite {

	@BeforeAll
	void connect(MilvusStandalone milvus, TestNames names) {
		open(milvus.uri(), names);
	}

	/**
	 * Milvus 2.3's {@code like} matches only prefixes: "unsupported pattern: %lau%, only prefix pattern match like ab%
	 * and equal match like ab(no wildcards) are supported", for pymilvus as for us
	 * ({@link InfixLikeOnMilvusStandaloneWithPymilvusTest}).
	 */
	@Override
	protected boolean supportsContains() {
		return false;
	}

}
