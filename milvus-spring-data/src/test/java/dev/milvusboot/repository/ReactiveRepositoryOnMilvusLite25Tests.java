package dev.milvusboot.repository;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import org.junit.jupiter.api.BeforeAll;

/** The reactive repository contract against Milvus Lite 2.5 (the native engine). */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class ReactiveRepositoryOnMilvusLite25Tests extends ReactiveRepositoryContract {

	@BeforeAll
	static void connect(MilvusLite lite) {
		connect(lite.uri());
	}

}
