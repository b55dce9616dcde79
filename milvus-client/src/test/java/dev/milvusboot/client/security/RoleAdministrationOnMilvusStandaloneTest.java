package dev.milvusboot.client.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.milvusboot.client.MilvusCallListener;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.RetryOptions;
import dev.milvusboot.client.admin.Grant;
import dev.milvusboot.client.admin.Privilege;
import dev.milvusboot.client.admin.UserDescription;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.exception.MilvusNotFoundException;
import dev.milvusboot.client.exception.MilvusPermissionDeniedException;
import dev.milvusboot.client.exception.MilvusUnauthenticatedException;
import dev.milvusboot.client.exception.MilvusUnsupportedException;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.MilvusStandalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Roles, grants, users and passwords on the full Milvus 2.3 standalone with authorization on: the administrator
 * (root) makes a user with a read-only role, the server enforces it, and revoking takes effect. Privilege groups
 * and {@code OperatePrivilegeV2} (Milvus 2.5+) are unsupported there.
 */
class RoleAdministrationOnMilvusStandaloneTest {

	private static final int DIM = 4;

	private static final String READER_PASSWORD = "Reader-Secret-41";

	/** How often a changed grant is looked for: Milvus 2.3 applies grants through a proxy cache. */
	private static final int ATTEMPTS = 120;

	private static MilvusStandalone secured;

	private static MilvusClient admin;

	private static final List<String> sent = new ArrayList<>();

	@BeforeAll
	static void start() {
		secured = MilvusStandalone.builder().authorization(true).build().start();
		admin = MilvusClient.create(options().username(MilvusStandalone.ROOT_USER)
			.password(MilvusStandalone.ROOT_PASSWORD)
			.listener(new MilvusCallListener() {

				@Override
				public Call callStarted(MilvusCallContext context) {
					synchronized (sent) {
						sent.add(context.operation());
					}
					return new Call() {
					};
				}

			})
			.build());
	}

	@AfterAll
	static void stop() {
		if (admin != null) {
			admin.close();
		}
		if (secured != null) {
			secured.close();
		}
	}

	private static MilvusClientOptions.Builder options() {
		return MilvusClientOptions.builder()
			.uri(secured.uri())
			.requestTimeout(Duration.ofSeconds(30))
			.retry(RetryOptions.NONE);
	}

	private static MilvusClient connectAs(String user, String password) {
		return MilvusClient.create(options().username(user).password(password).build());
	}

	private static String loadedCollection(String name) {
		admin.createCollection(CollectionSchema.quick(name, DIM));
		admin.insert(name, List.of(Map.of("vector", new float[] { 1, 0, 0, 0 }),
				Map.of("vector", new float[] { 0, 1, 0, 0 })));
		admin.createIndex(IndexParams.of(name, CollectionSchema.DEFAULT_VECTOR_FIELD, IndexType.FLAT, MetricType.L2));
		admin.loadCollection(name);
		return name;
	}

	private static void newUser(String user, String password) {
		if (admin.listUsers().contains(user)) {
			admin.dropUser(user);
		}
		admin.createUser(user, password);
	}

	/** Waits until the server's permission cache has the change: the outcome is looked at up to ATTEMPTS times. */
	private static <T> T eventually(Supplier<T> outcome, java.util.function.Predicate<T> settled)
			throws InterruptedException {
		T last = outcome.get();
		for (int attempt = 1; attempt < ATTEMPTS && !settled.test(last); attempt++) {
			TimeUnit.MILLISECONDS.sleep(250);
			last = outcome.get();
		}
		return last;
	}

	/** What a call ended with: "ok" or the exception. */
	private static Object outcome(Runnable call) {
		try {
			call.run();
			return "ok";
		}
		catch (MilvusException ex) {
			return ex;
		}
	}

	private static String stackText(Throwable ex) {
		java.io.StringWriter out = new java.io.StringWriter();
		ex.printStackTrace(new java.io.PrintWriter(out));
		return out + " " + ex;
	}

	@Test
	void aReadOnlyRoleMaySearchAndQueryButNotWriteUntilItsGrantIsRevoked() throws Exception {
		String collection = loadedCollection("rbac_docs");
		String role = "rbac_reader";
		String user = "rbac_reader_user";
		newUser(user, READER_PASSWORD);
		admin.createRole(role);
		List<Grant> grants = List.of(Grant.onCollection(role, Privilege.SEARCH, collection),
				Grant.onCollection(role, Privilege.QUERY, collection),
				Grant.onCollection(role, Privilege.LOAD, collection),
				Grant.global(role, Privilege.DESCRIBE_COLLECTION));
		grants.forEach(admin::grantPrivilege);
		admin.grantRole(user, role);

		assertThat(admin.listGrants(role)).extracting(Grant::objectType, Grant::objectName, Grant::privilege)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple(Grant.ObjectType.COLLECTION, collection, Privilege.SEARCH),
					org.assertj.core.groups.Tuple.tuple(Grant.ObjectType.COLLECTION, collection, Privilege.QUERY),
					org.assertj.core.groups.Tuple.tuple(Grant.ObjectType.COLLECTION, collection, Privilege.LOAD),
					org.assertj.core.groups.Tuple.tuple(Grant.ObjectType.GLOBAL, "*", Privilege.DESCRIBE_COLLECTION));
		assertThat(admin.listGrants(role)).allSatisfy((grant) -> {
			assertThat(grant.role()).isEqualTo(role);
			assertThat(grant.grantor()).isEqualTo(MilvusStandalone.ROOT_USER);
			assertThat(grant.database()).isEqualTo("default");
		});

		try (MilvusClient reader = connectAs(user, READER_PASSWORD)) {
			Search search = Search.in(collection).vector(new float[] { 1, 0, 0, 0 }).topK(1).build();
			Object searched = eventually(() -> outcome(() -> reader.search(search)), "ok"::equals);
			assertThat(searched).isEqualTo("ok");
			assertThat(reader.query(Query.in(collection).filter("id > 0").limit(10).build())).hasSize(2);

			assertThatExceptionOfType(MilvusPermissionDeniedException.class)
				.isThrownBy(() -> reader.insert(collection, List.of(Map.of("vector", new float[] { 0, 0, 1, 0 }))))
				.withMessageContaining("Insert")
				.satisfies((ex) -> assertThat(stackText(ex)).doesNotContain(READER_PASSWORD));
			assertThatExceptionOfType(MilvusPermissionDeniedException.class)
				.isThrownBy(() -> reader.dropCollection(collection))
				.withMessageContaining("DropCollection");
			assertThat(admin.hasCollection(collection)).isTrue();
			assertThat(admin.count(collection, "")).isEqualTo(2);

			admin.revokePrivilege(Grant.onCollection(role, Privilege.SEARCH, collection));

			Object afterRevoke = eventually(() -> outcome(() -> reader.search(search)),
					(result) -> !"ok".equals(result));
			assertThat(afterRevoke).isInstanceOf(MilvusPermissionDeniedException.class);
			assertThat(((MilvusException) afterRevoke).getMessage()).contains("Search");
			assertThat(admin.listGrants(role)).extracting(Grant::privilege).doesNotContain(Privilege.SEARCH);
		}
	}

	@Test
	void rolesAreCreatedListedDescribedGrantedToUsersAndDropped() throws Exception {
		String role = "rbac_auditor";
		String user = "rbac_auditor_user";
		newUser(user, READER_PASSWORD);
		admin.createRole(role);

		assertThat(admin.listRoles()).contains(role, "admin", "public");
		assertThat(admin.async().listRoles().get(30, TimeUnit.SECONDS)).contains(role);
		assertThat(admin.describeRole(role).users()).isEmpty();

		admin.reactive().grantRole(user, role).block(Duration.ofSeconds(30));

		assertThat(admin.describeRole(role).users()).containsExactly(user);
		assertThat(admin.describeUser(user)).isEqualTo(new UserDescription(user, List.of(role)));
		// root is the superuser of Milvus 2.3 without being a member of any role
		assertThat(admin.describeUser(MilvusStandalone.ROOT_USER)).isEqualTo(new UserDescription("root", List.of()));

		admin.revokeRole(user, role);
		assertThat(admin.describeUser(user).roles()).isEmpty();

		admin.grantPrivilege(Grant.global(role, Privilege.SHOW_COLLECTIONS));
		admin.revokePrivilege(Grant.global(role, Privilege.SHOW_COLLECTIONS));
		admin.dropRole(role);
		assertThat(admin.listRoles()).doesNotContain(role);
	}

	@Test
	void unknownRolesAndUsersAreNotFound() {
		assertThatExceptionOfType(MilvusNotFoundException.class).isThrownBy(() -> admin.describeRole("rbac_nobody"))
			.withMessageContaining("'rbac_nobody'");
		assertThatExceptionOfType(MilvusNotFoundException.class).isThrownBy(() -> admin.describeUser("rbac_nobody"))
			.withMessageContaining("'rbac_nobody'");
	}

	@Test
	void aChangedPasswordReplacesTheOldOneAndNoPasswordAppearsAnywhere() {
		String user = "rbac_renamed_password";
		String oldPassword = "Old-Secret-5521";
		String newPassword = "New-Secret-8813";
		String wrongPassword = "Wrong-Secret-3307";
		newUser(user, oldPassword);

		MilvusException wrongOld = org.assertj.core.api.Assertions
			.catchThrowableOfType(MilvusException.class, () -> admin.updatePassword(user, wrongPassword, newPassword));
		assertThat(wrongOld).as("updating with a wrong old password").isNotNull();
		assertThat(stackText(wrongOld)).doesNotContain(wrongPassword, newPassword, base64(wrongPassword),
				base64(newPassword));

		admin.updatePassword(user, oldPassword, newPassword);

		try (MilvusClient withOld = connectAs(user, oldPassword)) {
			assertThatExceptionOfType(MilvusUnauthenticatedException.class).isThrownBy(withOld::listCollections)
				.satisfies((ex) -> assertThat(stackText(ex)).doesNotContain(oldPassword, newPassword));
		}
		try (MilvusClient withNew = connectAs(user, newPassword)) {
			assertThat(withNew.listCollections()).isNotNull();
		}
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> admin.updatePassword(user, newPassword, "short"))
			.withMessageContaining("new password of user '" + user + "'")
			.satisfies((ex) -> assertThat(stackText(ex)).doesNotContain(newPassword, "short"));
	}

	@Test
	void privilegeGroupsAndOperatePrivilegeV2AreUnsupportedOnMilvus23() {
		assertThatExceptionOfType(MilvusUnsupportedException.class)
			.isThrownBy(() -> admin.createPrivilegeGroup("rbac_readers"))
			.withMessageContaining("Create privilege group 'rbac_readers' is not supported")
			.satisfies((ex) -> assertThat(ex.grpcCode()).isEqualTo("UNIMPLEMENTED"));
		assertThatExceptionOfType(MilvusUnsupportedException.class).isThrownBy(admin::listPrivilegeGroups);
		assertThatExceptionOfType(MilvusUnsupportedException.class)
			.isThrownBy(() -> admin.addPrivilegesToGroup("rbac_readers", List.of(Privilege.SEARCH)));
		assertThatExceptionOfType(MilvusUnsupportedException.class)
			.isThrownBy(() -> admin.grantPrivilegeV2("public", Privilege.COLLECTION_READ_ONLY, null, "*"))
			.withMessageContaining("role 'public'");
	}

	@Test
	void badInputIsRefusedBeforeAnythingIsSent() {
		synchronized (sent) {
			sent.clear();
		}

		assertThatExceptionOfType(MilvusInvalidArgumentException.class).isThrownBy(() -> admin.createRole("bad role"))
			.withMessageContaining("role name 'bad role'");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> admin.grantPrivilege(Grant.onCollection("reader", Privilege.SEARCH, "no-such")))
			.withMessageContaining("object name");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class).isThrownBy(() -> Privilege.of("Search;Drop"))
			.withMessageContaining("'Search;Drop'");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> admin.addPrivilegesToGroup("readers", List.of()))
			.withMessageContaining("privilege group 'readers' needs at least one privilege");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> admin.grantRole("someone", ""))
			.withMessageContaining("role name");

		synchronized (sent) {
			assertThat(sent).isEmpty();
		}
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
