package dev.milvusboot.client.api.sync;

import java.util.List;

import dev.milvusboot.client.admin.UserDescription;
import dev.milvusboot.codegen.CommandForms;

/**
 * Users of a server with authentication on: create, drop, list, describe and change passwords. Passwords never
 * appear in messages. Roles are granted to users through {@link MilvusRoleCommands}.
 */
@CommandForms
public interface MilvusUserCommands {

	/**
	 * Creates a user.
	 * @param user the user name
	 * @param password the password, 6 to 256 characters
	 */
	void createUser(String user, String password);

	/**
	 * Drops a user.
	 * @param user the user name
	 */
	void dropUser(String user);

	/**
	 * The users of the server.
	 * @return the user names
	 */
	List<String> listUsers();

	/**
	 * Describes a user: its name and roles.
	 * @param user the user name
	 * @return the description
	 * @throws dev.milvusboot.client.exception.MilvusNotFoundException if the server has no such user
	 */
	UserDescription describeUser(String user);

	/**
	 * Changes a user's password. The server checks the old password; the new one is needed by every client that
	 * connects as the user from then on.
	 * @param user the user name
	 * @param oldPassword the current password
	 * @param newPassword the new password, 6 to 256 characters
	 */
	void updatePassword(String user, String oldPassword, String newPassword);

}
