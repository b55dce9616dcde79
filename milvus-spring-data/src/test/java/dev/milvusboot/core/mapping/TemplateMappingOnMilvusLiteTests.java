package dev.milvusboot.core.mapping;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import org.junit.jupiter.api.BeforeAll;

/** The mapping round trips against Milvus Lite 3.2. */
@MilvusLiteTest
class TemplateMappingOnMilvusLiteTests extends TemplateMappingContract {

	@BeforeAll
	static void connect(MilvusLite lite) {
		connect(lite.uri());
	}

}
