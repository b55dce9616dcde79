package dev.milvusboot.client;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.milvusboot.client.admin.Grant;
import dev.milvusboot.client.admin.Privilege;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusUnsupportedException;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Roles and privileges on Milvus Lite 3, which has no authentication: every role operation is answered as
 * unsupported, and the tests of roles are skipped quoting that answer (they run on Milvus 2.3, see
 * {@code security.RoleAdministrationOnMilvusStandaloneTest}).
 */
@MilvusLiteTest
class RoleAdministrationOnMilvusLiteTest {

	static MilvusClient client;

	@BeforeAll
	static void connect(MilvusLite lite) {
		client = MilvusClient.create(lite.uri());
	}

	@AfterAll
	static void close() {
		client.close();
	}

	/** Each role operation fails as unsupported; then the test is skipped quoting the first answer. */
	static void everyRoleOperationIsUnsupported(MilvusClient client, String server) {
		List<Runnable> calls = List.of(client::listRoles, () -> client.createRole("reader"),
				() -> client.describeRole("reader"), () -> client.grantRole("someone", "reader"),
				() -> client.grantPrivilege(Grant.onCollection("reader", Privilege.SEARCH, "docs")),
				() -> client.listGrants("reader"), () -> client.describeUser("someone"),
				() -> client.updatePassword("someone", "Old-pass-1", "New-pass-1"), client::listPrivilegeGroups);
		for (Runnable call : calls) {
			assertThat(catchThrowableOfType(MilvusUnsupportedException.class, call::run)).isNotNull();
		}
		ServerLacks.skip(server, "roles and privileges", () -> {
			List<String> roles = client.listRoles();
			throw new MilvusException("listRoles answered " + roles);
		});
	}

	@Test
	void rolesArePartOfMilvusWithAuthorizationOnly() {
		everyRoleOperationIsUnsupported(client, "Milvus Lite 3.2");
	}

}
