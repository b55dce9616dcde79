package dev.milvusboot.client.internal.command;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.internal.proto.CreateCredentialRequest;
import dev.milvusboot.client.internal.proto.DeleteCredentialRequest;
import dev.milvusboot.client.internal.proto.ListCredUsersRequest;
import dev.milvusboot.client.internal.proto.ListCredUsersResponse;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;
import dev.milvusboot.client.schema.Names;

/**
 * The commands of {@link dev.milvusboot.client.api.sync.MilvusUserCommands}: creating, dropping and listing users
 * of a server with authentication on. Passwords travel base64-encoded as Milvus expects and never appear in
 * messages. Internal API.
 */
public final class UserRequests {

	private static final String USER_NAME = "user name";

	private UserRequests() {
	}

	public static Command<Void> createUser(String user, String password) {
		Names.requireValid(user, USER_NAME);
		if (password == null || password.length() < 6 || password.length() > 256) {
			throw new MilvusInvalidArgumentException(
					"The password of user '" + user + "' must be 6 to 256 characters long");
		}
		CreateCredentialRequest request = CreateCredentialRequest.newBuilder()
			.setUsername(user)
			.setPassword(Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8)))
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

	public static Command<List<String>> listUsers() {
		return Command.unary(AdminCodec.rpc("listUsers", null, "list users", MilvusServiceGrpc.getListCredUsersMethod(),
				ListCredUsersRequest.getDefaultInstance(), ListCredUsersResponse::getStatus),
				(response) -> List.copyOf(response.getUsernamesList()));
	}

}
