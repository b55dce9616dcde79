package dev.milvusboot.repository;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import org.junit.jupiter.api.BeforeAll;

/** Spring Batch jobs on a repository against Milvus Lite 3.2. */
@MilvusLiteTest
class RepositoryBatchOnMilvusLiteTests extends RepositoryBatchContract {

	@BeforeAll
	static void connect(MilvusLite lite) {
		connect(lite.uri());
	}

}
