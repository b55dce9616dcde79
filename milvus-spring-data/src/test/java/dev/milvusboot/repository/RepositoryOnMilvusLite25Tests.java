package dev.milvusboot.repository;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import org.junit.jupiter.api.BeforeAll;

/** The repository contract against Milvus Lite 2.5 (the native engine). */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class RepositoryOnMilvusLite25Tests extends RepositoryContract {

	@BeforeAll
	static void connect(MilvusLite lite) {
		connect(lite.uri());
	}

}
