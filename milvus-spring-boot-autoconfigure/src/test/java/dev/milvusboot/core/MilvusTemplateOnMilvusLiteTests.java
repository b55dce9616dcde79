package dev.milvusboot.core;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;

/**
 * The template suite against Milvus Lite 3.x.
 */
@MilvusLiteTest
class MilvusTemplateOnMilvusLiteTests extends MilvusTemplateContract {

	MilvusTemplateOnMilvusLiteTests(MilvusLite lite) {
		super(lite.uri());
	}

}
