package dev.milvusboot.client.internal.command;

import java.util.List;
import java.util.Objects;

import dev.milvusboot.client.admin.Grant;
import dev.milvusboot.client.admin.Privilege;
import dev.milvusboot.client.admin.PrivilegeGroup;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.internal.proto.CreatePrivilegeGroupRequest;
import dev.milvusboot.client.internal.proto.DropPrivilegeGroupRequest;
import dev.milvusboot.client.internal.proto.GrantEntity;
import dev.milvusboot.client.internal.proto.GrantorEntity;
import dev.milvusboot.client.internal.proto.ListPrivilegeGroupsRequest;
import dev.milvusboot.client.internal.proto.ListPrivilegeGroupsResponse;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;
import dev.milvusboot.client.internal.proto.ObjectEntity;
import dev.milvusboot.client.internal.proto.OperatePrivilegeGroupRequest;
import dev.milvusboot.client.internal.proto.OperatePrivilegeGroupType;
import dev.milvusboot.client.internal.proto.OperatePrivilegeRequest;
import dev.milvusboot.client.internal.proto.OperatePrivilegeType;
import dev.milvusboot.client.internal.proto.OperatePrivilegeV2Request;
import dev.milvusboot.client.internal.proto.PrivilegeEntity;
import dev.milvusboot.client.internal.proto.RoleEntity;
import dev.milvusboot.client.internal.proto.SelectGrantRequest;
import dev.milvusboot.client.internal.proto.SelectGrantResponse;
import dev.milvusboot.client.schema.Names;

/**
 * The commands of {@link dev.milvusboot.client.api.sync.MilvusPrivilegeCommands}: granting, revoking and listing
 * privileges of roles, and privilege groups. Requests are built field for field as pymilvus 3.0 builds them.
 * Internal API.
 */
public final class PrivilegeRequests {

	private static final String GROUP_NAME = "privilege group name";

	private PrivilegeRequests() {
	}

	public static Command<Void> grantPrivilege(Grant grant) {
		return operatePrivilege(grant, OperatePrivilegeType.Grant);
	}

	public static Command<Void> revokePrivilege(Grant grant) {
		return operatePrivilege(grant, OperatePrivilegeType.Revoke);
	}

	private static Command<Void> operatePrivilege(Grant grant, OperatePrivilegeType type) {
		if (grant == null) {
			throw new MilvusInvalidArgumentException("The grant is missing");
		}
		boolean granting = type == OperatePrivilegeType.Grant;
		String description = (granting ? "grant " : "revoke ") + grant.privilege() + " on "
				+ grant.objectType().wireName() + " '" + grant.objectName() + "' " + (granting ? "to" : "from")
				+ " role '" + grant.role() + "'";
		OperatePrivilegeRequest request = OperatePrivilegeRequest.newBuilder()
			.setEntity(GrantEntity.newBuilder()
				.setRole(RoleEntity.newBuilder().setName(grant.role()))
				.setObject(ObjectEntity.newBuilder().setName(grant.objectType().wireName()))
				.setObjectName(grant.objectName())
				.setDbName(grant.database())
				.setGrantor(GrantorEntity.newBuilder().setPrivilege(privilege(grant.privilege()))))
			.setType(type)
			.build();
		return Command.unary(AdminCodec.rpc(granting ? "grantPrivilege" : "revokePrivilege", null, description,
				MilvusServiceGrpc.getOperatePrivilegeMethod(), request, (s) -> s));
	}

	public static Command<Void> grantPrivilegeV2(String role, Privilege privilege, String database,
			String collection) {
		return operatePrivilegeV2(role, privilege, database, collection, OperatePrivilegeType.Grant);
	}

	public static Command<Void> revokePrivilegeV2(String role, Privilege privilege, String database,
			String collection) {
		return operatePrivilegeV2(role, privilege, database, collection, OperatePrivilegeType.Revoke);
	}

	/** A privilege or privilege group on a collection of a database (either may be "*"), Milvus 2.5+. */
	private static Command<Void> operatePrivilegeV2(String role, Privilege privilege, String database,
			String collection, OperatePrivilegeType type) {
		OperatePrivilegeV2Request request = privilegeV2Request(role, privilege, database, collection, type);
		boolean granting = type == OperatePrivilegeType.Grant;
		return Command.unary(AdminCodec.rpc(granting ? "grantPrivilegeV2" : "revokePrivilegeV2", null,
				(granting ? "grant " : "revoke ") + privilege + " on collection '" + collection + "' "
						+ (granting ? "to" : "from") + " role '" + role + "'",
				MilvusServiceGrpc.getOperatePrivilegeV2Method(), request, (s) -> s));
	}

	/** The request of {@link #grantPrivilegeV2} and {@link #revokePrivilegeV2} (package-visible for tests). */
	static OperatePrivilegeV2Request privilegeV2Request(String role, Privilege privilege, String database,
			String collection, OperatePrivilegeType type) {
		Grant grant = Grant.builder(role, privilege).objectName(collection).database(database).build();
		return OperatePrivilegeV2Request.newBuilder()
			.setRole(RoleEntity.newBuilder().setName(grant.role()))
			.setGrantor(GrantorEntity.newBuilder().setPrivilege(privilege(grant.privilege())))
			.setType(type)
			.setDbName(grant.database())
			.setCollectionName(grant.objectName())
			.build();
	}

	/** The grants of a role in the database of the commands (the server's default one if they name none). */
	public static Command<List<Grant>> listGrants(String role) {
		Names.requireValid(role, RoleRequests.ROLE_NAME);
		return Command.unary((dispatch) -> {
			String database = dispatch.settings().database();
			SelectGrantRequest request = SelectGrantRequest.newBuilder()
				.setEntity(GrantEntity.newBuilder()
					.setRole(RoleEntity.newBuilder().setName(role))
					.setDbName((database != null) ? database : Grant.DEFAULT_DATABASE))
				.build();
			return AdminCodec.rpc("listGrants", null, "list grants of role '" + role + "'",
					MilvusServiceGrpc.getSelectGrantMethod(), request, SelectGrantResponse::getStatus);
		}, (response) -> response.getEntitiesList().stream().map(PrivilegeRequests::grant).toList());
	}

	private static Grant grant(GrantEntity entity) {
		return new Grant(entity.getRole().getName(), Grant.ObjectType.fromWireName(entity.getObject().getName()),
				entity.getObjectName(), Privilege.of(entity.getGrantor().getPrivilege().getName()),
				entity.getDbName(), entity.getGrantor().getUser().getName());
	}

	public static Command<Void> createPrivilegeGroup(String group) {
		return Command.unary(AdminCodec.rpc("createPrivilegeGroup", null, "create privilege group '" + group + "'",
				MilvusServiceGrpc.getCreatePrivilegeGroupMethod(), createGroupRequest(group), (s) -> s));
	}

	/** The request of {@link #createPrivilegeGroup} (package-visible for tests). */
	static CreatePrivilegeGroupRequest createGroupRequest(String group) {
		Names.requireValid(group, GROUP_NAME);
		return CreatePrivilegeGroupRequest.newBuilder().setGroupName(group).build();
	}

	/** The request of {@link #dropPrivilegeGroup} (package-visible for tests). */
	static DropPrivilegeGroupRequest dropGroupRequest(String group) {
		Names.requireValid(group, GROUP_NAME);
		return DropPrivilegeGroupRequest.newBuilder().setGroupName(group).build();
	}

	public static Command<Void> dropPrivilegeGroup(String group) {
		return Command.unary(AdminCodec.rpc("dropPrivilegeGroup", null, "drop privilege group '" + group + "'",
				MilvusServiceGrpc.getDropPrivilegeGroupMethod(), dropGroupRequest(group), (s) -> s));
	}

	public static Command<List<PrivilegeGroup>> listPrivilegeGroups() {
		return Command.unary(AdminCodec.rpc("listPrivilegeGroups", null, "list privilege groups",
				MilvusServiceGrpc.getListPrivilegeGroupsMethod(), ListPrivilegeGroupsRequest.getDefaultInstance(),
				ListPrivilegeGroupsResponse::getStatus),
				(response) -> response.getPrivilegeGroupsList()
					.stream()
					.map((group) -> new PrivilegeGroup(group.getGroupName(),
							group.getPrivilegesList().stream().map((p) -> Privilege.of(p.getName())).toList()))
					.toList());
	}

	public static Command<Void> addPrivilegesToGroup(String group, List<Privilege> privileges) {
		return operateGroup(group, privileges, OperatePrivilegeGroupType.AddPrivilegesToGroup);
	}

	public static Command<Void> removePrivilegesFromGroup(String group, List<Privilege> privileges) {
		return operateGroup(group, privileges, OperatePrivilegeGroupType.RemovePrivilegesFromGroup);
	}

	private static Command<Void> operateGroup(String group, List<Privilege> privileges,
			OperatePrivilegeGroupType type) {
		OperatePrivilegeGroupRequest request = groupRequest(group, privileges, type);
		return Command.unary(AdminCodec.rpc(
				(type == OperatePrivilegeGroupType.AddPrivilegesToGroup) ? "addPrivilegesToGroup"
						: "removePrivilegesFromGroup",
				null, groupChange(group, type), MilvusServiceGrpc.getOperatePrivilegeGroupMethod(), request,
				(s) -> s));
	}

	/** The request of {@link #addPrivilegesToGroup} and {@link #removePrivilegesFromGroup} (package-visible for tests). */
	static OperatePrivilegeGroupRequest groupRequest(String group, List<Privilege> privileges,
			OperatePrivilegeGroupType type) {
		Names.requireValid(group, GROUP_NAME);
		if (privileges == null || privileges.isEmpty() || privileges.stream().anyMatch(Objects::isNull)) {
			String change = groupChange(group, type);
			throw new MilvusInvalidArgumentException(Character.toUpperCase(change.charAt(0)) + change.substring(1)
					+ " needs at least one privilege, and no null one");
		}
		OperatePrivilegeGroupRequest.Builder request = OperatePrivilegeGroupRequest.newBuilder()
			.setGroupName(group)
			.setType(type);
		privileges.forEach((privilege) -> request.addPrivileges(privilege(privilege)));
		return request.build();
	}

	private static String groupChange(String group, OperatePrivilegeGroupType type) {
		return ((type == OperatePrivilegeGroupType.AddPrivilegesToGroup) ? "add privileges to"
				: "remove privileges from") + " privilege group '" + group + "'";
	}

	private static PrivilegeEntity privilege(Privilege privilege) {
		return PrivilegeEntity.newBuilder().setName(privilege.name()).build();
	}

}
