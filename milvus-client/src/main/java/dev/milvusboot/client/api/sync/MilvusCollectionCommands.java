package dev.milvusboot.client.api.sync;

import java.util.List;

import dev.milvusboot.client.admin.CreateCollectionOptions;
import dev.milvusboot.client.schema.CollectionDescription;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.LoadState;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.codegen.CommandForms;

/**
 * Collections: create, describe, list, rename, truncate, drop, count, load and release.
 */
@CommandForms
public interface MilvusCollectionCommands {

	/**
	 * The quick set-up: creates a collection with an int64 primary key {@code id} with automatic ids, a float
	 * vector {@code vector} of that dimension and the dynamic field, indexes the vector ({@code AUTOINDEX} with
	 * that metric) and loads the collection, all within one deadline.
	 * @param name the collection name
	 * @param dimension the vector dimension
	 * @param metric how vectors are compared
	 */
	void createCollection(String name, int dimension, MetricType metric);

	/**
	 * The quick set-up of {@link #createCollection(String, int, MetricType)}, choosing whether the server assigns
	 * the ids.
	 * @param name the collection name
	 * @param dimension the vector dimension
	 * @param metric how vectors are compared
	 * @param autoId whether the server assigns the primary keys
	 */
	void createCollection(String name, int dimension, MetricType metric, boolean autoId);

	/**
	 * Creates a collection with {@link CreateCollectionOptions#DEFAULTS}. It has no index and is not loaded.
	 * @param schema the schema, which names the collection
	 */
	void createCollection(CollectionSchema schema);

	/**
	 * Creates a collection. It has no index and is not loaded.
	 * @param schema the schema, which names the collection
	 * @param options shards, consistency level and properties
	 */
	void createCollection(CollectionSchema schema, CreateCollectionOptions options);

	/**
	 * Whether a collection (or alias) of that name exists.
	 * @param name the collection name
	 * @return whether it exists
	 */
	boolean hasCollection(String name);

	/**
	 * Describes a collection (or the collection an alias points to).
	 * @param name the collection name
	 * @return the description
	 */
	CollectionDescription describeCollection(String name);

	/**
	 * The names of the collections of the database.
	 * @return the names
	 */
	List<String> listCollections();

	/**
	 * Drops a collection and its data.
	 * @param name the collection name
	 */
	void dropCollection(String name);

	/**
	 * Deletes every row of a collection at once, keeping the collection, its schema, indexes and partitions
	 * (Milvus 2.6 and Milvus Lite 3; older servers answer {@code MilvusUnsupportedException}).
	 * @param name the collection name
	 */
	void truncateCollection(String name);

	/**
	 * Renames a collection.
	 * @param oldName the current name
	 * @param newName the new name
	 */
	void renameCollection(String oldName, String newName);

	/**
	 * The number of rows the server counts in a collection's statistics. Milvus counts persisted segments, so
	 * flush first for an exact figure; deleted rows may be counted until compaction. An exact count is a
	 * {@code count(*)} query ({@code count(collection, "")}).
	 * @param collection the collection name
	 * @return the row count of the statistics
	 */
	long rowCount(String collection);

	/**
	 * Loads a collection for search and query, and waits (within the deadline) until it is loaded.
	 * @param name the collection name
	 */
	void loadCollection(String name);

	/**
	 * Releases a collection from memory.
	 * @param name the collection name
	 */
	void releaseCollection(String name);

	/**
	 * Whether a collection is loaded.
	 * @param name the collection name
	 * @return the load state; {@link LoadState#NOT_EXIST} if there is no such collection
	 */
	LoadState loadState(String name);

}
