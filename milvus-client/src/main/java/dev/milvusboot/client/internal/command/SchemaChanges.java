package dev.milvusboot.client.internal.command;

import java.util.List;
import java.util.Map;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.internal.codec.SchemaCodec;
import dev.milvusboot.client.internal.proto.AddCollectionFieldRequest;
import dev.milvusboot.client.internal.proto.AlterCollectionFieldRequest;
import dev.milvusboot.client.internal.proto.AlterCollectionRequest;
import dev.milvusboot.client.internal.proto.AlterDatabaseRequest;
import dev.milvusboot.client.internal.proto.AlterIndexRequest;
import dev.milvusboot.client.internal.proto.KeyValuePair;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.Names;

/**
 * The requests of schema evolution (fields added, properties of collections, fields, indexes and databases set or
 * dropped), checked and built as pymilvus builds them: property values as given, a dropped property as a
 * {@code delete_keys} entry of the same request. Internal API.
 */
final class SchemaChanges {

	private SchemaChanges() {
	}

	static AddCollectionFieldRequest addField(String collection, FieldSchema field) {
		Names.requireValid(collection, "collection name");
		if (field == null) {
			throw new MilvusInvalidArgumentException("Adding a field to collection '" + collection + "' needs a field");
		}
		String what = "Cannot add field '" + field.name() + "' to collection '" + collection + "': ";
		if (field.isPrimaryKey()) {
			throw new MilvusInvalidArgumentException(what + "a collection's primary key cannot be added");
		}
		if (!field.isNullable()) {
			throw new MilvusInvalidArgumentException(
					what + "Milvus adds only nullable fields (rows written before have no value); make it nullable");
		}
		if (field.isFunctionOutput()) {
			throw new MilvusInvalidArgumentException(what + "a function output cannot be added alone");
		}
		return AddCollectionFieldRequest.newBuilder()
			.setCollectionName(collection)
			.setSchema(SchemaCodec.toProto(field).toByteString())
			.build();
	}

	static AlterCollectionRequest alterCollection(String collection, Map<String, String> properties,
			List<String> deleteKeys) {
		Names.requireValid(collection, "collection name");
		String what = "collection '" + collection + "'";
		return AlterCollectionRequest.newBuilder()
			.setCollectionName(collection)
			.addAllProperties(pairs(properties, what))
			.addAllDeleteKeys(keys(deleteKeys, what))
			.build();
	}

	static AlterCollectionFieldRequest alterField(String collection, String field, Map<String, String> properties) {
		Names.requireValid(collection, "collection name");
		Names.requireValid(field, "field name");
		return AlterCollectionFieldRequest.newBuilder()
			.setCollectionName(collection)
			.setFieldName(field)
			.addAllProperties(pairs(properties, "field '" + field + "' of collection '" + collection + "'"))
			.build();
	}

	static AlterIndexRequest alterIndex(String collection, String index, Map<String, String> properties,
			List<String> deleteKeys) {
		Names.requireValid(collection, "collection name");
		Names.requireValid(index, "index name");
		String what = "index '" + index + "' of collection '" + collection + "'";
		return AlterIndexRequest.newBuilder()
			.setCollectionName(collection)
			.setIndexName(index)
			.addAllExtraParams(pairs(properties, what))
			.addAllDeleteKeys(keys(deleteKeys, what))
			.build();
	}

	static AlterDatabaseRequest alterDatabase(String database, Map<String, String> properties,
			List<String> deleteKeys) {
		Names.requireValid(database, "database name");
		String what = "database '" + database + "'";
		return AlterDatabaseRequest.newBuilder()
			.setDbName(database)
			.addAllProperties(pairs(properties, what))
			.addAllDeleteKeys(keys(deleteKeys, what))
			.build();
	}

	/** The properties to set, in the caller's order; {@code null} is none, an empty map is refused. */
	private static List<KeyValuePair> pairs(Map<String, String> properties, String what) {
		if (properties == null) {
			return List.of();
		}
		if (properties.isEmpty()) {
			throw new MilvusInvalidArgumentException("No properties given to set on " + what);
		}
		return properties.entrySet().stream().map((entry) -> {
			if (entry.getKey() == null || entry.getKey().isBlank() || entry.getValue() == null) {
				throw new MilvusInvalidArgumentException("A property of " + what + " needs a name and a value, but"
						+ " was " + entry.getKey() + "=" + entry.getValue());
			}
			return CollectionRequests.pair(entry.getKey(), entry.getValue());
		}).toList();
	}

	/** The properties to drop; {@code null} is none, an empty list is refused. */
	private static List<String> keys(List<String> keys, String what) {
		if (keys == null) {
			return List.of();
		}
		if (keys.isEmpty()) {
			throw new MilvusInvalidArgumentException("No property names given to drop from " + what);
		}
		for (String key : keys) {
			if (key == null || key.isBlank()) {
				throw new MilvusInvalidArgumentException("A property to drop from " + what + " needs a name, but"
						+ " was '" + key + "'");
			}
		}
		return List.copyOf(keys);
	}

}
