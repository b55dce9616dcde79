package dev.milvusboot.core;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import org.junit.jupiter.api.BeforeAll;

/**
 * The template's bad-input suite against Milvus Lite 2.5 (the native engine).
 */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class MilvusTemplateBadInputOnMilvusLite25Tests extends MilvusTemplateBadInputContract {

	@BeforeAll
	static void connect(MilvusLite lite) {
		connect(lite.uri());
	}

}
