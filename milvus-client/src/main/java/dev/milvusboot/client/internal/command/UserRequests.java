package dev.milvusboot.client.internal.command;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dev.milvusboot.client.admin.UserDescription;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.exception.MilvusNotFoundException.ResourceType;
import dev.milvusboot.client.internal.proto.CreateCredentialRequest;
import dev.milvusboot.client.internal.proto.DeleteCredentialRequest;
import dev.milvusboot.client.internal.proto.ListCredUsersRequest;
import dev.milvusboot.client.internal.proto.ListCredUsersResponse;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;
import dev.milvusboot.client.internal.proto.RoleEntity;
import dev.milvusboot.client.internal.proto.SelectUserRequest;
import dev.milvusboot.client.internal.proto.SelectUserResponse;
import dev.milvusboot.client.internal.proto.UpdateCredentialRequest;
import dev.milvusboot.client.internal.proto.UserEntity;
import dev.milvusboot.client.schema.Names;

/**
 * The commands of {@link dev.milvusboot.client.api.sync.MilvusUserCommands}: creating, dropping, listing and
 * describing users of a server with authentication on, and changing their passwords. Passwords travel base64-encoded as Milvus expects and never appear in
 * messages. Internal API.
 */
public final class UserRequests {

	private static final String USER_NAME = "user name";

	private UserRequests() {
	}

	public static Command<Void> createUser(String user, String password) {
		Names.requireValid(user, USER_NAME);
		checkPassword(user, password, "password");
		CreateCredentialRequest request = CreateCredentialRequest.newBuilder()
			.setUsername(user)
			.setPassword(encoded(password))
			.build();
		return Command.unary(AdminCodec.rpc("createUser", null, "create user '" + user + "'",
				MilvusServiceGrpc.getCreateCredentialMethod(), request, (s) -> s));
	}

	public static Command<Void> dropUser(String user) {
		Names.requireValid(user, USER_NAME);
		return Command.unary(AdminCodec.rpc("dropUser", null, "drop user '" + user + "'",
				MilvusServiceGrpc.getDeleteCredentialMethod(),
				DeleteCredentialRequest.newBuilder().setUsername(user).build(), (s) -> s));
	}

	/** Changes a user's password; the server checks the old one. */
	public static Command<Void> updatePassword(String user, String oldPassword, String newPassword) {
		Names.requireValid(user, USER_NAME);
		checkPassword(user, oldPassword, "old password");
		checkPassword(user, newPassword, "new password");
		UpdateCredentialRequest request = UpdateCredentialRequest.newBuilder()
			.setUsername(user)
			.setOldPassword(encoded(oldPassword))
			.setNewPassword(encoded(newPassword))
			.build();
		return Command.unary(AdminCodec.rpc("updatePassword", null, "update the password of user '" + user + "'",
				MilvusServiceGrpc.getUpdateCredentialMethod(), request, (s) -> s));
	}

	/** The user and its roles; a user the server does not list is not found. */
	public static Command<UserDescription> describeUser(String user) {
		Names.requireValid(user, USER_NAME);
		return Command.unary(AdminCodec.rpc("describeUser", null, "describe user '" + user + "'",
				MilvusServiceGrpc.getSelectUserMethod(),
				SelectUserRequest.newBuilder()
					.setUser(UserEntity.newBuilder().setName(user))
					.setIncludeRoleInfo(true)
					.build(),
				SelectUserResponse::getStatus), (response) -> AdminCodec.named(response.getResultsList(), (result) -> result.getUser().getName(), user,
						ResourceType.USER, (result) -> new UserDescription(user,
								result.getRolesList().stream().map(RoleEntity::getName).toList())));
	}

	public static Command<List<String>> listUsers() {
		return Command.unary(AdminCodec.rpc("listUsers", null, "list users", MilvusServiceGrpc.getListCredUsersMethod(),
				ListCredUsersRequest.getDefaultInstance(), ListCredUsersResponse::getStatus),
				(response) -> List.copyOf(response.getUsernamesList()));
	}

	/** Checks a password's length; the message never holds the password. */
	private static void checkPassword(String user, String password, String what) {
		if (password == null || password.length() < 6 || password.length() > 256) {
			throw new MilvusInvalidArgumentException(
					"The " + what + " of user '" + user + "' must be 6 to 256 characters long");
		}
	}

	/** Passwords travel base64-encoded, as Milvus expects. */
	private static String encoded(String password) {
		return Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8));
	}

}
