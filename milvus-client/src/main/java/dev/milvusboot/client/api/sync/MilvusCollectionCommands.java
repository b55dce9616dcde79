package dev.milvusboot.client.api.sync;

import java.util.List;
import java.util.Map;

import dev.milvusboot.client.admin.CreateCollectionOptions;
import dev.milvusboot.client.admin.QuickCollection;
import dev.milvusboot.client.schema.CollectionDescription;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.LoadState;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.codegen.CommandForms;

/**
 * Collections: create, describe, list, rename, truncate, drop, count, load and release; add fields and alter
 * properties of collections and fields.
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
	 * The quick set-up with its choices: the primary key's type (Int64 or VarChar) and name, the vector field's
	 * name, the metric and automatic ids; indexed ({@code AUTOINDEX}) and loaded within one deadline.
	 * @param quick the set-up
	 */
	void createCollection(QuickCollection quick);

	/**
	 * Creates a collection, builds its indexes (waiting until each is built) and loads it, all within one deadline,
	 * as pymilvus' {@code create_collection(schema=..., index_params=...)} does.
	 * @param schema the schema, which names the collection
	 * @param indexes the indexes, all of this collection (a collection loads only with every vector field indexed)
	 * @param options shards, consistency level, properties and number of partitions
	 */
	void createCollection(CollectionSchema schema, List<IndexParams> indexes, CreateCollectionOptions options);

	/**
	 * Adds a field to an existing collection (Milvus 2.6+; no local server has it). The field must be nullable:
	 * rows written before have no value.
	 * @param collection the collection
	 * @param field the field
	 */
	void addCollectionField(String collection, FieldSchema field);

	/**
	 * Sets properties of a collection, for example {@code collection.ttl.seconds} or {@code mmap.enabled} (which
	 * Milvus changes only on a released collection).
	 * @param collection the collection
	 * @param properties the properties and their values
	 */
	void alterCollectionProperties(String collection, Map<String, String> properties);

	/**
	 * Drops properties of a collection (Milvus 2.5+), which then fall back to the server's defaults.
	 * @param collection the collection
	 * @param keys the property names
	 */
	void dropCollectionProperties(String collection, List<String> keys);

	/**
	 * Sets properties of a field (Milvus 2.5+), for example {@code max_length} of a VarChar field or
	 * {@code mmap.enabled}.
	 * @param collection the collection
	 * @param field the field name
	 * @param properties the properties and their values
	 */
	void alterCollectionField(String collection, String field, Map<String, String> properties);

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
