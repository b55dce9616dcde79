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

	/** Milvus Lite 3.2 matches {@code %x} and {@code %x%} with pyarrow's fast paths, which take backslashes as they are. */
	@Override
	boolean likeReadsEscapedBackslashes() {
		return false;
	}

}
