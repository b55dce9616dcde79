package dev.milvusboot.client;

import org.junit.jupiter.api.BeforeEach;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;

/**
 * {@link DatabaseAdministrationTest} against Milvus Lite 2.5 (Milvus's own C++ engine in one binary), which has no
 * databases: each test is skipped with the server's answer.
 */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class DatabaseAdministrationOnMilvusLite25Test extends DatabaseAdministrationTest {

	@BeforeEach
	void skipWithoutServerSupport() {
		ServerLacks.skip(ServerLacks.LITE_25, "databases", () -> client.listDatabases());
	}

}
