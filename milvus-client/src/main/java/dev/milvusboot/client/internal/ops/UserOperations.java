package dev.milvusboot.client.internal.ops;

import dev.milvusboot.client.internal.command.AdminCodec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.internal.ClientCore;
import dev.milvusboot.client.internal.proto.CreateCredentialRequest;
import dev.milvusboot.client.internal.proto.DeleteCredentialRequest;
import dev.milvusboot.client.internal.proto.ListCredUsersRequest;
import dev.milvusboot.client.internal.proto.ListCredUsersResponse;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;
import dev.milvusboot.client.internal.transport.CallSettings;
import dev.milvusboot.client.schema.Names;

/**
 * Creating, listing and dropping users of a server with authentication on. Passwords travel base64-encoded as
 * Milvus expects and never appear in messages. Internal API.
 */
public final class UserOperations {

	private final ClientCore core;

	private final CallSettings settings;

	public UserOperations(ClientCore core, CallSettings settings) {
		this.core = core;
		this.settings = settings;
	}

	/** Creates a user. */
	public void create(String user, String password) {
		Names.requireValid(user, "user name");
		if (password == null || password.length() < 6 || password.length() > 256) {
			throw new MilvusInvalidArgumentException(
					"The password of user '" + user + "' must be 6 to 256 characters long");
		}
		CreateCredentialRequest request = CreateCredentialRequest.newBuilder()
			.setUsername(user)
			.setPassword(Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8)))
			.build();
		this.core.call(AdminCodec.rpc("createUser", null, "create user '" + user + "'",
				MilvusServiceGrpc.getCreateCredentialMethod(), request, (s) -> s), this.settings);
	}

	/** Drops a user. */
	public void drop(String user) {
		Names.requireValid(user, "user name");
		this.core.call(AdminCodec.rpc("dropUser", null, "drop user '" + user + "'",
				MilvusServiceGrpc.getDeleteCredentialMethod(),
				DeleteCredentialRequest.newBuilder().setUsername(user).build(), (s) -> s), this.settings);
	}

	/** The user names. */
	public List<String> list() {
		ListCredUsersResponse response = this.core.call(AdminCodec.rpc("listUsers", null, "list users",
				MilvusServiceGrpc.getListCredUsersMethod(), ListCredUsersRequest.getDefaultInstance(),
				ListCredUsersResponse::getStatus), this.settings);
		return List.copyOf(response.getUsernamesList());
	}


}
