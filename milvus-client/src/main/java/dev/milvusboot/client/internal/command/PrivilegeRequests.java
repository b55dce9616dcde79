package dev.milvusboot.client.internal.command;

import java.util.List;

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
		Grant grant = Grant.builder(role, privilege).objectName(collection).database(database).build();
		boolean granting = type == OperatePrivilegeType.Grant;
		OperatePrivilegeV2Request request = OperatePrivilegeV2Request.newBuilder()
			.setRole(RoleEntity.newBuilder().setName(grant.role()))
			.setGrantor(GrantorEntity.newBuilder().setPrivilege(privilege(grant.privilege())))
			.setType(type)
			.setDbName(grant.database())
			.setCollectionName(grant.objectName())
			.build();
		return Command.unary(AdminCodec.rpc(granting ? "grantPrivilegeV2" : "revokePrivilegeV2", null,
				(granting ? "grant " : "revoke ") + privilege + " on collection '" + collection + "' "
						+ (granting ? "to" : "from") + " role '" + role + "'",
				MilvusServiceGrpc.getOperatePrivilegeV2Method(), request, (s) -> s));
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
		Names.requireValid(group, GROUP_NAME);
		return Command.unary(AdminCodec.rpc("createPrivilegeGroup", null, "create privilege group '" + group + "'",
				MilvusServiceGrpc.getCreatePrivilegeGroupMethod(),
				CreatePrivilegeGroupRequest.newBuilder().setGroupName(group).build(), (s) -> s));
	}

	public static Command<Void> dropPrivilegeGroup(String group) {
		Names.requireValid(group, GROUP_NAME);
		return Command.unary(AdminCodec.rpc("dropPrivilegeGroup", null, "drop privilege group '" + group + "'",
				MilvusServiceGrpc.getDropPrivilegeGroupMethod(),
				DropPrivilegeGroupRequest.newBuilder().setGroupName(group).build(), (s) -> s));
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
		Names.requireValid(group, GROUP_NAME);
		boolean adding = type == OperatePrivilegeGroupType.AddPrivilegesToGroup;
		String description = (adding ? "add privileges to" : "remove privileges from") + " privilege group '" + group
				+ "'";
		if (privileges == null || privileges.isEmpty() || privileges.contains(null)) {
			throw new MilvusInvalidArgumentException(
					capitalized(description) + " needs at least one privilege, and no null one");
		}
		OperatePrivilegeGroupRequest.Builder request = OperatePrivilegeGroupRequest.newBuilder()
			.setGroupName(group)
			.setType(type);
		privileges.forEach((privilege) -> request.addPrivileges(privilege(privilege)));
		return Command.unary(AdminCodec.rpc(adding ? "addPrivilegesToGroup" : "removePrivilegesFromGroup", null,
				description, MilvusServiceGrpc.getOperatePrivilegeGroupMethod(), request.build(), (s) -> s));
	}

	private static PrivilegeEntity privilege(Privilege privilege) {
		return PrivilegeEntity.newBuilder().setName(privilege.name()).build();
	}

	private static String capitalized(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
