package dev.milvusboot.client.api.sync;

import java.util.List;

import dev.milvusboot.client.admin.AliasDescription;
import dev.milvusboot.codegen.CommandForms;

/**
 * Collection aliases: create, move, drop, describe and list. An alias can be used wherever a collection name can.
 */
@CommandForms
public interface MilvusAliasCommands {

	/**
	 * Creates an alias for a collection.
	 * @param collection the collection
	 * @param alias the alias
	 */
	void createAlias(String collection, String alias);

	/**
	 * Points an existing alias to another collection.
	 * @param collection the collection the alias is to point to
	 * @param alias the alias
	 */
	void alterAlias(String collection, String alias);

	/**
	 * Drops an alias.
	 * @param alias the alias
	 */
	void dropAlias(String alias);

	/**
	 * Says which collection an alias points to.
	 * @param alias the alias
	 * @return the alias, its collection and database
	 * @throws dev.milvusboot.client.exception.MilvusNotFoundException if there is no such alias
	 */
	AliasDescription describeAlias(String alias);

	/**
	 * The aliases of a collection.
	 * @param collection the collection
	 * @return the aliases
	 */
	List<String> listAliases(String collection);

}
