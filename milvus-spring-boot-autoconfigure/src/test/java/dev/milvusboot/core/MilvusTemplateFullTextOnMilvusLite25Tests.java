package dev.milvusboot.core;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import org.junit.jupiter.api.BeforeAll;

/**
 * The template's full-text and hybrid suite against Milvus Lite 2.5 (the native engine).
 */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class MilvusTemplateFullTextOnMilvusLite25Tests extends MilvusTemplateFullTextContract {

	@BeforeAll
	static void connect(MilvusLite lite) {
		connect(lite.uri());
	}

}
