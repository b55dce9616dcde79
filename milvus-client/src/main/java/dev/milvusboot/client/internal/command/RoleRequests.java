package dev.milvusboot.client.internal.command;

import java.util.List;

import dev.milvusboot.client.admin.RoleDescription;
import dev.milvusboot.client.exception.MilvusNotFoundException.ResourceType;
import dev.milvusboot.client.internal.proto.CreateRoleRequest;
import dev.milvusboot.client.internal.proto.DropRoleRequest;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;
import dev.milvusboot.client.internal.proto.OperateUserRoleRequest;
import dev.milvusboot.client.internal.proto.OperateUserRoleType;
import dev.milvusboot.client.internal.proto.RoleEntity;
import dev.milvusboot.client.internal.proto.SelectRoleRequest;
import dev.milvusboot.client.internal.proto.SelectRoleResponse;
import dev.milvusboot.client.internal.proto.UserEntity;
import dev.milvusboot.client.schema.Names;

/**
 * The commands of {@link dev.milvusboot.client.api.sync.MilvusRoleCommands}: creating, dropping, listing and
 * describing roles, and granting roles to users. Names are checked before anything is sent. Internal API.
 */
public final class RoleRequests {

	static final String ROLE_NAME = "role name";

	static final String USER_NAME = "user name";

	private RoleRequests() {
	}

	public static Command<Void> createRole(String role) {
		Names.requireValid(role, ROLE_NAME);
		return Command.unary(AdminCodec.rpc("createRole", null, "create role '" + role + "'",
				MilvusServiceGrpc.getCreateRoleMethod(),
				CreateRoleRequest.newBuilder().setEntity(RoleEntity.newBuilder().setName(role)).build(), (s) -> s));
	}

	public static Command<Void> dropRole(String role) {
		Names.requireValid(role, ROLE_NAME);
		return Command.unary(AdminCodec.rpc("dropRole", null, "drop role '" + role + "'",
				MilvusServiceGrpc.getDropRoleMethod(), DropRoleRequest.newBuilder().setRoleName(role).build(),
				(s) -> s));
	}

	public static Command<List<String>> listRoles() {
		return Command.unary(AdminCodec.rpc("listRoles", null, "list roles", MilvusServiceGrpc.getSelectRoleMethod(),
				SelectRoleRequest.getDefaultInstance(), SelectRoleResponse::getStatus),
				(response) -> response.getResultsList().stream().map((result) -> result.getRole().getName()).toList());
	}

	/** The role and its users; a role the server does not list is not found. */
	public static Command<RoleDescription> describeRole(String role) {
		Names.requireValid(role, ROLE_NAME);
		String description = "describe role '" + role + "'";
		return Command.unary(AdminCodec.rpc("describeRole", null, description, MilvusServiceGrpc.getSelectRoleMethod(),
				SelectRoleRequest.newBuilder()
					.setRole(RoleEntity.newBuilder().setName(role))
					.setIncludeUserInfo(true)
					.build(),
				SelectRoleResponse::getStatus), (response) -> AdminCodec.named(response.getResultsList(), (result) -> result.getRole().getName(), role,
						ResourceType.ROLE, (result) -> new RoleDescription(role,
								result.getUsersList().stream().map(UserEntity::getName).toList())));
	}

	/** Adds a user to a role. */
	public static Command<Void> grantRole(String user, String role) {
		return operateUserRole(user, role, OperateUserRoleType.AddUserToRole);
	}

	/** Removes a user from a role. */
	public static Command<Void> revokeRole(String user, String role) {
		return operateUserRole(user, role, OperateUserRoleType.RemoveUserFromRole);
	}

	private static Command<Void> operateUserRole(String user, String role, OperateUserRoleType type) {
		Names.requireValid(user, USER_NAME);
		Names.requireValid(role, ROLE_NAME);
		boolean add = type == OperateUserRoleType.AddUserToRole;
		return Command.unary(AdminCodec.rpc(add ? "grantRole" : "revokeRole", null,
				(add ? "grant role '" + role + "' to" : "revoke role '" + role + "' from") + " user '" + user + "'",
				MilvusServiceGrpc.getOperateUserRoleMethod(),
				OperateUserRoleRequest.newBuilder().setUsername(user).setRoleName(role).setType(type).build(),
				(s) -> s));
	}

}
