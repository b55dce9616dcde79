package dev.milvusboot.core;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;

/**
 * The README's full-text and hybrid search example against Milvus Lite 3.x.
 */
@MilvusLiteTest
class ReadmeFullTextExampleOnMilvusLiteTests extends ReadmeFullTextExampleContract {

	ReadmeFullTextExampleOnMilvusLiteTests(MilvusLite lite) {
		super(lite.uri());
	}

}
