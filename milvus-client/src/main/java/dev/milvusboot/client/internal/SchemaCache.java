package dev.milvusboot.client.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import dev.milvusboot.client.schema.CollectionSchema;

/**
 * The schemas of collections this client writes to and searches, fetched once and dropped when a call suggests they
 * changed (the collection was dropped, recreated or altered). Also remembers the timestamp of the last write to each
 * collection, so that reads see this client's own writes. Internal API.
 */
public final class SchemaCache {

	private final ConcurrentMap<String, CollectionSchema> schemas = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Long> lastWrites = new ConcurrentHashMap<>();

	private static String key(String database, String collection) {
		return ((database != null) ? database : "") + '/' + collection;
	}

	/**
	 * The cached schema, or the one {@code loader} fetches.
	 * @param database the database, or {@code null}
	 * @param collection the collection
	 * @param loader fetches the schema
	 * @return the schema
	 */
	public CollectionSchema get(String database, String collection, Supplier<CollectionSchema> loader) {
		String key = key(database, collection);
		CollectionSchema schema = this.schemas.get(key);
		if (schema == null) {
			schema = loader.get();
			this.schemas.put(key, schema);
		}
		return schema;
	}

	/** Forgets a collection's schema (and its last write). */
	public void invalidate(String database, String collection) {
		this.schemas.remove(key(database, collection));
		this.lastWrites.remove(key(database, collection));
	}

	/** Records the server timestamp of a write. */
	public void wrote(String database, String collection, long timestamp) {
		if (timestamp > 0) {
			this.lastWrites.merge(key(database, collection), timestamp, Math::max);
		}
	}

	/** The timestamp of the last write this client made to a collection, or {@code 0}. */
	public long lastWrite(String database, String collection) {
		return this.lastWrites.getOrDefault(key(database, collection), 0L);
	}

}
