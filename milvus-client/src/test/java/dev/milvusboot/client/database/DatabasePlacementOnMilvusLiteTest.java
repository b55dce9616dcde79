package dev.milvusboot.client.database;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/** The database in the {@code dbname} header, on Milvus Lite 3.2 (which reads the header when a body has none). */
@MilvusLiteTest
class DatabasePlacementOnMilvusLiteTest extends DatabasePlacementContract {

	@BeforeAll
	static void connect(MilvusLite lite, TestNames testNames) {
		connect(lite.uri(), testNames);
	}

}
