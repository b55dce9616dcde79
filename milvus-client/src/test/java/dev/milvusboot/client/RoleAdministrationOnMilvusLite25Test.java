package dev.milvusboot.client;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;

/**
 * Roles and privileges on Milvus Lite 2.5, which has none: every role operation is answered as unsupported, and
 * the test is skipped quoting that answer.
 */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class RoleAdministrationOnMilvusLite25Test {

	static MilvusClient client;

	@BeforeAll
	static void connect(MilvusLite lite) {
		client = MilvusClient.create(lite.uri());
	}

	@AfterAll
	static void close() {
		client.close();
	}

	@Test
	void rolesArePartOfMilvusWithAuthorizationOnly() {
		RoleAdministrationOnMilvusLiteTest.everyRoleOperationIsUnsupported(client, ServerLacks.LITE_25);
	}

}
