package dev.milvusboot.repository;

import dev.milvusboot.local.MilvusStandalone;
import dev.milvusboot.local.junit.MilvusStandaloneTest;
import org.junit.jupiter.api.BeforeAll;

/** The reactive repository contract against Milvus 2.3 standalone. */
@MilvusStandaloneTest
class ReactiveRepositoryOnMilvusStandaloneTests extends ReactiveRepositoryContract {

	@BeforeAll
	static void connect(MilvusStandalone server) {
		connect(server.uri());
	}

}
