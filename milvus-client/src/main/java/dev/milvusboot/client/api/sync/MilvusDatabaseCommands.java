package dev.milvusboot.client.api.sync;

import java.util.List;
import java.util.Map;

import dev.milvusboot.client.admin.DatabaseDescription;

import dev.milvusboot.codegen.CommandForms;

/**
 * Databases: create, drop, list, describe and alter properties. Commands for one database come from {@link MilvusCommands#withDatabase(String)}.
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

	/**
	 * Describes a database (not Milvus 2.3 nor Milvus Lite 2.5; Milvus Lite 3.2 tells its name only).
	 * @param database the database name
	 * @return its id, creation time and properties
	 */
	DatabaseDescription describeDatabase(String database);

	/**
	 * Sets properties of a database, for example {@code database.max.collections}.
	 * @param database the database name
	 * @param properties the properties and their values
	 */
	void alterDatabaseProperties(String database, Map<String, String> properties);

	/**
	 * Drops properties of a database.
	 * @param database the database name
	 * @param keys the property names
	 */
	void dropDatabaseProperties(String database, List<String> keys);

}
