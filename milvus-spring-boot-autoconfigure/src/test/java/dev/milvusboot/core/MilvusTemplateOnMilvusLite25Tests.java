package dev.milvusboot.core;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;

/**
 * The template suite against Milvus Lite 2.5 (the native engine).
 */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class MilvusTemplateOnMilvusLite25Tests extends MilvusTemplateContract {

	MilvusTemplateOnMilvusLite25Tests(MilvusLite lite) {
		super(lite.uri());
	}

}
