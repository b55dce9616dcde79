package dev.milvusboot.client.api.sync;

import java.util.List;

import dev.milvusboot.client.admin.RoleDescription;
import dev.milvusboot.codegen.CommandForms;

/**
 * Roles of a server with authorization on: create, drop, list and describe them, and grant them to users. What a
 * role may do is granted through {@link MilvusPrivilegeCommands}.
 */
@CommandForms
public interface MilvusRoleCommands {

	/**
	 * Creates a role.
	 * @param role the role name
	 */
	void createRole(String role);

	/**
	 * Drops a role. Milvus refuses to drop a role that still holds privileges: revoke them first.
	 * @param role the role name
	 */
	void dropRole(String role);

	/**
	 * The roles of the server, built-in ones ({@code admin}, {@code public}) included.
	 * @return the role names
	 */
	List<String> listRoles();

	/**
	 * Describes a role: its name and the users that have it.
	 * @param role the role name
	 * @return the description
	 * @throws dev.milvusboot.client.exception.MilvusNotFoundException if the server has no such role
	 */
	RoleDescription describeRole(String role);

	/**
	 * Grants a role to a user.
	 * @param user the user name
	 * @param role the role name
	 */
	void grantRole(String user, String role);

	/**
	 * Takes a role away from a user.
	 * @param user the user name
	 * @param role the role name
	 */
	void revokeRole(String user, String role);

}
