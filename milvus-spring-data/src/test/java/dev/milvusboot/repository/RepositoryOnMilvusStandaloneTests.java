package dev.milvusboot.repository;

import dev.milvusboot.local.MilvusStandalone;
import dev.milvusboot.local.junit.MilvusStandaloneTest;
import org.junit.jupiter.api.BeforeAll;

/** The repository contract against Milvus 2.3 standalone. */
@MilvusStandaloneTest
class RepositoryOnMilvusStandaloneTests extends RepositoryContract {

	@BeforeAll
	static void connect(MilvusStandalone server) {
		connect(server.uri());
	}

}
