package dev.milvusboot.client.api.sync;

import java.util.List;

import dev.milvusboot.client.admin.Grant;
import dev.milvusboot.client.admin.Privilege;
import dev.milvusboot.client.admin.PrivilegeGroup;
import dev.milvusboot.codegen.CommandForms;

/**
 * Privileges of roles on a server with authorization on: grant, revoke and list them; privilege groups on
 * Milvus 2.5+. A server without an operation answers with
 * {@link dev.milvusboot.client.exception.MilvusUnsupportedException}. Changes reach the server's permission cache
 * shortly after the call returns.
 */
@CommandForms
public interface MilvusPrivilegeCommands {

	/**
	 * Grants a privilege to a role, for example
	 * {@code grantPrivilege(Grant.onCollection("reader", Privilege.SEARCH, "docs"))}.
	 * @param grant the role, object and privilege
	 */
	void grantPrivilege(Grant grant);

	/**
	 * Revokes a privilege from a role.
	 * @param grant the role, object and privilege, as granted
	 */
	void revokePrivilege(Grant grant);

	/**
	 * Grants a privilege or privilege group on a collection of a database (Milvus 2.5+), for example
	 * {@code grantPrivilegeV2("reader", Privilege.COLLECTION_READ_ONLY, "default", "docs")}.
	 * @param role the role name
	 * @param privilege the privilege or privilege group
	 * @param database the database, {@code "*"} for every one, or {@code null} for the server's default one
	 * @param collection the collection, or {@code "*"} for every one
	 */
	void grantPrivilegeV2(String role, Privilege privilege, String database, String collection);

	/**
	 * Revokes a privilege or privilege group granted with {@link #grantPrivilegeV2} (Milvus 2.5+).
	 * @param role the role name
	 * @param privilege the privilege or privilege group
	 * @param database the database, {@code "*"} for every one, or {@code null} for the server's default one
	 * @param collection the collection, or {@code "*"} for every one
	 */
	void revokePrivilegeV2(String role, Privilege privilege, String database, String collection);

	/**
	 * The grants of a role in the database of these commands.
	 * @param role the role name
	 * @return the grants, each with the user who granted it
	 */
	List<Grant> listGrants(String role);

	/**
	 * Creates an empty privilege group (Milvus 2.5+).
	 * @param group the group name
	 */
	void createPrivilegeGroup(String group);

	/**
	 * Drops a privilege group (Milvus 2.5+).
	 * @param group the group name
	 */
	void dropPrivilegeGroup(String group);

	/**
	 * The privilege groups of the server, built-in ones included (Milvus 2.5+).
	 * @return the groups and their privileges
	 */
	List<PrivilegeGroup> listPrivilegeGroups();

	/**
	 * Adds privileges to a privilege group (Milvus 2.5+).
	 * @param group the group name
	 * @param privileges the privileges, at least one
	 */
	void addPrivilegesToGroup(String group, List<Privilege> privileges);

	/**
	 * Removes privileges from a privilege group (Milvus 2.5+).
	 * @param group the group name
	 * @param privileges the privileges, at least one
	 */
	void removePrivilegesFromGroup(String group, List<Privilege> privileges);

}
