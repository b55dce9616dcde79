package dev.milvusboot.client.api.sync;

import java.util.List;
import java.util.Map;

import dev.milvusboot.client.schema.IndexDescription;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.codegen.CommandForms;

/**
 * Indexes: create (waiting until built), describe, list, alter properties and drop.
 */
@CommandForms
public interface MilvusIndexCommands {

	/**
	 * Creates an index and waits (within the deadline) until the server reports it built. Milvus builds indexes
	 * in the background; Milvus Lite builds them at once (and names every index after its field).
	 * @param index the collection, the field and how to index it
	 */
	void createIndex(IndexParams index);

	/**
	 * Creates an index.
	 * @param index the collection, the field and how to index it
	 * @param waitUntilBuilt whether to wait (within the deadline) until the server reports the index built
	 */
	void createIndex(IndexParams index, boolean waitUntilBuilt);

	/**
	 * Describes an index, found by its name or else by the field it indexes.
	 * @param collection the collection
	 * @param indexNameOrField the index name or the field name
	 * @return the description
	 * @throws dev.milvusboot.client.exception.MilvusNotFoundException if there is no such index
	 */
	IndexDescription describeIndex(String collection, String indexNameOrField);

	/**
	 * The names of the indexes of a collection (empty if it has none).
	 * @param collection the collection
	 * @return the index names
	 */
	List<String> listIndexes(String collection);

	/**
	 * Drops an index, found by its name or else by the field it indexes.
	 * @param collection the collection
	 * @param indexNameOrField the index name or the field name
	 */
	void dropIndex(String collection, String indexNameOrField);

	/**
	 * Sets properties of an index (Milvus 2.5+; no local server has it), for example {@code mmap.enabled}.
	 * @param collection the collection
	 * @param indexName the index name
	 * @param properties the properties and their values
	 */
	void alterIndexProperties(String collection, String indexName, Map<String, String> properties);

	/**
	 * Drops properties of an index (Milvus 2.5+; no local server has it).
	 * @param collection the collection
	 * @param indexName the index name
	 * @param keys the property names
	 */
	void dropIndexProperties(String collection, String indexName, List<String> keys);

}
