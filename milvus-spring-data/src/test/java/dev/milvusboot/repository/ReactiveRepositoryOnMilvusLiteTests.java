package dev.milvusboot.repository;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import org.junit.jupiter.api.BeforeAll;

/** The reactive repository contract against Milvus Lite 3.2. */
@MilvusLiteTest
class ReactiveRepositoryOnMilvusLiteTests extends ReactiveRepositoryContract {

	@BeforeAll
	static void connect(MilvusLite lite) {
		connect(lite.uri());
	}

}
