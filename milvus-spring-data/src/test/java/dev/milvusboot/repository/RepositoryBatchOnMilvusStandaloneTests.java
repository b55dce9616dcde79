package dev.milvusboot.repository;

import dev.milvusboot.local.MilvusStandalone;
import dev.milvusboot.local.junit.MilvusStandaloneTest;
import org.junit.jupiter.api.BeforeAll;

/** Spring Batch jobs on a repository against Milvus 2.3 standalone. */
@MilvusStandaloneTest
class RepositoryBatchOnMilvusStandaloneTests extends RepositoryBatchContract {

	@BeforeAll
	static void connect(MilvusStandalone server) {
		connect(server.uri());
	}

}
