package dev.milvusboot.core;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import org.junit.jupiter.api.BeforeAll;

/**
 * The template's bad-input suite against Milvus Lite 3.x.
 */
@MilvusLiteTest
class MilvusTemplateBadInputOnMilvusLiteTests extends MilvusTemplateBadInputContract {

	@BeforeAll
	static void connect(MilvusLite lite) {
		connect(lite.uri());
	}

}
