package dev.milvusboot.core;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;

/**
 * The README's full-text and hybrid search example against Milvus Lite 2.5 (the native engine).
 */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class ReadmeFullTextExampleOnMilvusLite25Tests extends ReadmeFullTextExampleContract {

	ReadmeFullTextExampleOnMilvusLite25Tests(MilvusLite lite) {
		super(lite.uri());
	}

}
