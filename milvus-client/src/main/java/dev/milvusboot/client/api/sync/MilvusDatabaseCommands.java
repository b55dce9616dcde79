package dev.milvusboot.client.api.sync;

import java.util.List;

import dev.milvusboot.codegen.CommandForms;

/**
 * Databases: create, drop and list. Commands for one database come from {@link MilvusCommands#withDatabase(String)}.
 */
@CommandForms
public interface MilvusDatabaseCommands {

	/**
	 * Creates a database.
	 * @param database the database name
	 */
	void createDatabase(String database);

	/**
	 * Drops a database; it must have no collections.
	 * @param database the database name
	 */
	void dropDatabase(String database);

	/**
	 * The names of the databases.
	 * @return the names
	 */
	List<String> listDatabases();

}
