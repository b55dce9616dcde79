package dev.milvusboot.core.mapping;

import dev.milvusboot.local.MilvusStandalone;
import dev.milvusboot.local.junit.MilvusStandaloneTest;
import org.junit.jupiter.api.BeforeAll;

/** The mapping round trips against Milvus 2.3 standalone. */
@MilvusStandaloneTest
class TemplateMappingOnMilvusStandaloneTests extends TemplateMappingContract {

	@BeforeAll
	static void connect(MilvusStandalone server) {
		connect(server.uri());
	}

}
