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

	/** The last write's timestamp is not known: read with strong consistency. */
	public static final long UNKNOWN = -1;

	private final ConcurrentMap<Key, CollectionSchema> schemas = new ConcurrentHashMap<>();

	private final ConcurrentMap<Key, Long> lastWrites = new ConcurrentHashMap<>();

	/** A collection of a database ({@code null} for the default one); hashed from the names' cached hashes. */
	private record Key(String database, String collection) {
	}

	private static Key key(String database, String collection) {
		return new Key((database != null) ? database : "", collection);
	}

	/**
	 * The cached schema, or the one {@code loader} fetches.
	 * @param database the database, or {@code null}
	 * @param collection the collection
	 * @param loader fetches the schema
	 * @return the schema
	 */
	public CollectionSchema get(String database, String collection, Supplier<CollectionSchema> loader) {
		Key key = key(database, collection);
		CollectionSchema schema = this.schemas.get(key);
		if (schema == null) {
			schema = loader.get();
			this.schemas.put(key, schema);
		}
		return schema;
	}

	/**
	 * The cached schema of a collection.
	 * @param database the database, or {@code null}
	 * @param collection the collection
	 * @return the schema, or {@code null} if not cached
	 */
	public CollectionSchema cached(String database, String collection) {
		return this.schemas.get(key(database, collection));
	}

	/** Caches the schema of a collection. */
	public void put(String database, String collection, CollectionSchema schema) {
		this.schemas.put(key(database, collection), schema);
	}

	/** Forgets a collection's schema (and its last write). */
	public void invalidate(String database, String collection) {
		this.schemas.remove(key(database, collection));
		this.lastWrites.remove(key(database, collection));
	}

	/**
	 * Records the server timestamp of a write. Some servers leave it out (Milvus 2.3 for deletes, Milvus Lite
	 * always); then reads of the collection use strong consistency until a write brings a timestamp again.
	 */
	public void wrote(String database, String collection, long timestamp) {
		this.lastWrites.merge(key(database, collection), (timestamp > 0) ? timestamp : UNKNOWN,
				(previous, next) -> (next == UNKNOWN) ? UNKNOWN : Math.max(previous, next));
	}

	/**
	 * The timestamp of the last write this client made to a collection, {@code 0} if none, or {@link #UNKNOWN} if
	 * the server did not say.
	 */
	public long lastWrite(String database, String collection) {
		return this.lastWrites.getOrDefault(key(database, collection), 0L);
	}

}
