package dev.milvusboot.client.api.sync;

import java.util.List;

import dev.milvusboot.codegen.CommandForms;

/**
 * Users of a server with authentication on: create, drop and list. Passwords never appear in messages.
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

}
