package dev.milvusboot.repository;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import org.junit.jupiter.api.BeforeAll;

/** The repository contract against Milvus Lite 3.2. */
@MilvusLiteTest
class RepositoryOnMilvusLiteTests extends RepositoryContract {

	@BeforeAll
	static void connect(MilvusLite lite) {
		connect(lite.uri());
	}

}
