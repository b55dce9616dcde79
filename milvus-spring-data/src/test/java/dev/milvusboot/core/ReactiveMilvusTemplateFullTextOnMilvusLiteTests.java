package dev.milvusboot.core;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import org.junit.jupiter.api.BeforeAll;

/**
 * The reactive template's full-text and hybrid suite against Milvus Lite 3.x.
 */
@MilvusLiteTest
class ReactiveMilvusTemplateFullTextOnMilvusLiteTests extends ReactiveMilvusTemplateFullTextContract {

	@BeforeAll
	static void connect(MilvusLite lite) {
		create(lite.uri());
	}

}
