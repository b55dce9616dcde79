package dev.milvusboot.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.admin.CompactionResult;
import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.data.HybridSearch;
import dev.milvusboot.client.data.MutationResult;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.data.SearchResults;
import dev.milvusboot.client.data.SparseVector;
import dev.milvusboot.client.data.SubSearch;
import dev.milvusboot.client.data.rank.Ranker;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.schema.CollectionDescription;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.IndexDescription;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.core.mapping.EntityMapper;
import dev.milvusboot.core.mapping.EntityMetadata;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;

/**
 * The Milvus API applications inject: one call for each everyday operation on collections, partitions, indexes
 * and data, typed mapping of records and classes annotated with {@code dev.milvusboot.core.mapping} annotations,
 * and failures translated into Spring's {@link DataAccessException} hierarchy with the {@link MilvusException} as
 * the cause. Thread-safe; everything else of the client is one {@link #execute(Function)} away. Over 300 lines
 * because it is a facade with one short method per operation; the entity logic lives in {@code EntityOperations}.
 */
public class MilvusTemplate {

	private final MilvusClient client;

	private final EntityOperations entities;

	/**
	 * A template over a client, translating with {@link MilvusExceptionTranslator}.
	 * @param client the client
	 */
	public MilvusTemplate(MilvusClient client) {
		this(client, new MilvusExceptionTranslator(), new EntityMapper());
	}

	/**
	 * A template over a client.
	 * @param client the client
	 * @param translator translates Milvus exceptions
	 * @param mapper maps entity types
	 */
	public MilvusTemplate(MilvusClient client, PersistenceExceptionTranslator translator, EntityMapper mapper) {
		this.client = Objects.requireNonNull(client, "client");
		this.entities = new EntityOperations(Objects.requireNonNull(translator, "translator"),
				Objects.requireNonNull(mapper, "mapper"));
	}

	/** The client underneath, for everything the template does not wrap. */
	public MilvusClient getClient() {
		return this.client;
	}

	/** The mapping of entity types, with the converter of their rows and of Java values to Milvus values. */
	public EntityMapper getEntityMapper() {
		return this.entities.mapper();
	}

	/**
	 * A filter on the members of mapped entities, its values converted as rows are: enums as their names,
	 * {@code Instant} and {@code LocalDateTime} as epoch milliseconds, {@code LocalDate} as epoch days, values with
	 * a converter of the application's as the converter writes them. For example
	 * {@code filter("status == {s} and created >= {from}", Map.of("s", Status.OPEN, "from", since))}.
	 * @param expression the expression with {@code {name}} parameters
	 * @param parameters the value of each parameter
	 * @return the filter
	 * @throws org.springframework.dao.InvalidDataAccessApiUsageException naming a parameter without a value, a value
	 * no parameter uses or a value Milvus has no literal for
	 */
	public Filter filter(String expression, Map<String, ?> parameters) {
		return this.entities.filter(expression, parameters);
	}

	/**
	 * Runs a callback with the client, translating its Milvus failures.
	 * @param <R> the result type
	 * @param callback the callback
	 * @return its result
	 */
	public <R> R execute(Function<MilvusClient, R> callback) {
		try {
			return callback.apply(this.client);
		}
		catch (MilvusException ex) {
			throw this.entities.translate(ex);
		}
	}

	private void run(java.util.function.Consumer<MilvusClient> callback) {
		execute((client) -> {
			callback.accept(client);
			return null;
		});
	}

	// ---------------------------------------------------------------- server

	/** The server version. */
	public String serverVersion() {
		return execute(MilvusClient::serverVersion);
	}

	// ---------------------------------------------------------------- collections

	/** Creates a collection with an auto-id int64 key {@code id} and a {@code vector} field, indexed and loaded. */
	public void createCollection(String name, int dimension, MetricType metric) {
		run((c) -> c.createCollection(name, dimension, metric));
	}

	/** Creates a collection from a schema (not indexed, not loaded). */
	public void createCollection(CollectionSchema schema) {
		run((c) -> c.createCollection(schema));
	}

	/**
	 * Creates the collection an entity type maps to (with the BM25 function of each full-text field), builds the
	 * index of every vector field and loads it.
	 * @param type the annotated record or class
	 */
	public void createCollection(Class<?> type) {
		EntityMetadata<?> metadata = this.entities.metadata(type);
		run((c) -> {
			c.createCollection(metadata.schema());
			metadata.indexes().forEach(c::createIndex);
			c.loadCollection(metadata.collection());
		});
	}

	public boolean hasCollection(String name) {
		return execute((c) -> c.hasCollection(name));
	}

	/** Whether the collection of an entity type exists. */
	public boolean hasCollection(Class<?> type) {
		return hasCollection(this.entities.collection(type));
	}

	public CollectionDescription describeCollection(String name) {
		return execute((c) -> c.describeCollection(name));
	}

	public List<String> listCollections() {
		return execute(MilvusClient::listCollections);
	}

	public void dropCollection(String name) {
		run((c) -> c.dropCollection(name));
	}

	/** Drops the collection of an entity type. */
	public void dropCollection(Class<?> type) {
		dropCollection(this.entities.collection(type));
	}

	/**
	 * The number of entities in a collection, counted exactly (a {@code count(*)} query, like
	 * {@link MilvusClient#count(String, String)} with an empty filter).
	 */
	public long count(String collection) {
		return execute((c) -> c.count(collection, ""));
	}

	/** The number of entities of an entity type's collection, counted exactly. */
	public long count(Class<?> type) {
		return count(this.entities.collection(type));
	}

	/**
	 * The row count in the collection's statistics, as {@link MilvusClient#rowCount(String)}: cheap, but it
	 * counts only flushed rows and may include deleted ones; {@link #count(String)} is exact.
	 */
	public long rowCount(String collection) {
		return execute((c) -> c.rowCount(collection));
	}

	public void loadCollection(String name) {
		run((c) -> c.loadCollection(name));
	}

	public void releaseCollection(String name) {
		run((c) -> c.releaseCollection(name));
	}

	// ---------------------------------------------------------------- partitions

	public void createPartition(String collection, String partition) {
		run((c) -> c.createPartition(collection, partition));
	}

	public void dropPartition(String collection, String partition) {
		run((c) -> c.dropPartition(collection, partition));
	}

	public boolean hasPartition(String collection, String partition) {
		return execute((c) -> c.hasPartition(collection, partition));
	}

	public List<String> listPartitions(String collection) {
		return execute((c) -> c.listPartitions(collection));
	}

	public void loadPartitions(String collection, String... partitions) {
		run((c) -> c.loadPartitions(collection, partitions));
	}

	public void releasePartitions(String collection, String... partitions) {
		run((c) -> c.releasePartitions(collection, partitions));
	}

	// ---------------------------------------------------------------- indexes

	/** Creates an index and waits until it is built. */
	public void createIndex(IndexParams index) {
		run((c) -> c.createIndex(index));
	}

	public IndexDescription describeIndex(String collection, String indexNameOrField) {
		return execute((c) -> c.describeIndex(collection, indexNameOrField));
	}

	public void dropIndex(String collection, String indexNameOrField) {
		run((c) -> c.dropIndex(collection, indexNameOrField));
	}

	// ---------------------------------------------------------------- writes

	/** Inserts rows (maps of field names to values, vectors as {@code float[]}). */
	public MutationResult insert(String collection, List<? extends Map<String, ?>> rows) {
		return execute((c) -> c.insert(collection, rows));
	}

	/** Inserts bare vectors with automatic ids (the classic form). */
	public MutationResult insertVectors(String collection, List<float[]> vectors) {
		return execute((c) -> c.insertVectors(collection, vectors));
	}

	/** Inserts bare vectors with their ids. */
	public MutationResult insertVectors(String collection, List<Long> ids, List<float[]> vectors) {
		return execute((c) -> c.insertVectors(collection, ids, vectors));
	}

	/** Inserts rows into a partition. */
	public MutationResult insert(String collection, String partition, List<? extends Map<String, ?>> rows) {
		return execute((c) -> c.insert(collection, partition, rows));
	}

	/**
	 * Inserts entities into their type's collection; generated ids are set on mutable entities.
	 * @param <T> the entity type
	 * @param entities the entities, all of one type
	 * @return the ids and count
	 */
	public <T> MutationResult insert(List<T> entities) {
		return writeEntities(entities, false);
	}

	/** Inserts or replaces entities by primary key. */
	public <T> MutationResult upsert(List<T> entities) {
		return writeEntities(entities, true);
	}

	/** Inserts or replaces rows by primary key. */
	public MutationResult upsert(String collection, List<? extends Map<String, ?>> rows) {
		return execute((c) -> c.upsert(collection, rows));
	}

	private <T> MutationResult writeEntities(List<T> entities, boolean upsert) {
		EntityOperations.EntityRows<T> rows = this.entities.rows(entities);
		String collection = rows.metadata().collection();
		if (upsert) {
			return execute((c) -> c.upsert(collection, rows.rows()));
		}
		return rows.insertedAs(execute((c) -> c.insert(collection, rows.rows())));
	}

	/** Deletes entities by primary key. */
	public MutationResult delete(String collection, List<?> ids) {
		return execute((c) -> c.delete(collection, ids));
	}

	/** Deletes entities of a type by primary key, given as the entities hold them (converted like their values). */
	public MutationResult delete(Class<?> type, List<?> ids) {
		return delete(this.entities.collection(type), this.entities.ids(ids));
	}

	/** Deletes the entities a boolean expression matches. */
	public MutationResult deleteWhere(String collection, String filter) {
		return deleteWhere(collection, Filter.of(filter));
	}

	/** Deletes the entities a filter with parameters matches. */
	public MutationResult deleteWhere(String collection, Filter filter) {
		return execute((c) -> c.deleteWhere(collection, filter));
	}

	/** Persists everything written so far to storage, waiting until done. */
	public void flush(String... collections) {
		run((c) -> c.flush(collections));
	}

	/** Compacts a collection, waiting until done. */
	public CompactionResult compact(String collection) {
		return execute((c) -> c.compact(collection));
	}

	// ---------------------------------------------------------------- reads

	/** Gets rows by primary key. */
	public List<Row> get(String collection, List<?> ids, String... outputFields) {
		return execute((c) -> c.get(collection, ids, outputFields));
	}

	/**
	 * Gets entities by primary key, in the order of the ids; ids not found are left out.
	 * @param <T> the entity type
	 * @param type the type
	 * @param ids the primary keys, as the entities hold them (a {@code UUID} or a key with a converter is converted)
	 * @return the entities
	 */
	public <T> List<T> findByIds(Class<T> type, List<?> ids) {
		EntityMetadata<T> metadata = this.entities.metadata(type);
		List<Row> rows = get(metadata.collection(), this.entities.ids(ids), this.entities.outputFields(metadata));
		return rows.stream().map(metadata::fromRow).toList();
	}

	/** Runs a query. */
	public List<Row> query(Query query) {
		return execute((c) -> c.query(query));
	}

	/**
	 * Finds entities of a type matching a boolean expression.
	 * @param <T> the entity type
	 * @param type the type
	 * @param filter the expression, e.g. {@code "year > 2000"}
	 * @param limit the most entities returned
	 * @return the entities
	 */
	public <T> List<T> find(Class<T> type, String filter, long limit) {
		return find(type, Filter.of(filter), limit);
	}

	/**
	 * Finds entities of a type matching a filter with parameters.
	 * @param <T> the entity type
	 * @param type the type
	 * @param filter the filter, e.g. {@code Filter.of("year > {min}", Map.of("min", min))}
	 * @param limit the most entities returned
	 * @return the entities
	 */
	public <T> List<T> find(Class<T> type, Filter filter, long limit) {
		EntityMetadata<T> metadata = this.entities.metadata(type);
		List<Row> rows = query(execute((client) -> this.entities.query(metadata, filter, limit)));
		return rows.stream().map(metadata::fromRow).toList();
	}

	/** Counts the entities a boolean expression matches. */
	public long count(String collection, String filter) {
		return count(collection, Filter.of(filter));
	}

	/** Counts the entities a filter with parameters matches. */
	public long count(String collection, Filter filter) {
		return execute((c) -> c.count(collection, filter));
	}

	/** Runs a vector search. */
	public SearchResults search(Search search) {
		return execute((c) -> c.search(search));
	}

	/**
	 * Searches an entity type's collection for the entities closest to a vector of its only dense vector field
	 * (an entity with several names the field: {@link #search(Class, String, float[], int, Filter)}).
	 * @param <T> the entity type
	 * @param type the type
	 * @param vector the query vector
	 * @param topK how many entities
	 * @return the entities with their scores, closest first
	 */
	public <T> List<ScoredEntity<T>> search(Class<T> type, float[] vector, int topK) {
		return search(type, vector, topK, Filter.NONE);
	}

	/**
	 * Searches an entity type's collection, keeping only entities matching a filter.
	 * @param <T> the entity type
	 * @param type the type
	 * @param vector the query vector
	 * @param topK how many entities
	 * @param filter a boolean expression, or {@code null}
	 * @return the entities with their scores, closest first
	 */
	public <T> List<ScoredEntity<T>> search(Class<T> type, float[] vector, int topK, String filter) {
		return search(type, vector, topK, Filter.of(filter));
	}

	/**
	 * Searches an entity type's collection, keeping only entities matching a filter.
	 * @param <T> the entity type
	 * @param type the type
	 * @param vector the query vector
	 * @param topK how many entities
	 * @param filter the filter, with parameters
	 * @return the entities with their scores, closest first
	 */
	public <T> List<ScoredEntity<T>> search(Class<T> type, float[] vector, int topK, Filter filter) {
		EntityMetadata<T> metadata = this.entities.metadata(type);
		Search search = execute((client) -> this.entities.search(metadata, vector, topK, filter));
		return search(search, type).get(0);
	}

	/**
	 * Searches one dense vector field of an entity type's collection, keeping only entities matching a filter.
	 * @param <T> the entity type
	 * @param type the type
	 * @param vectorField the Milvus name of a {@code @MilvusVector} field of the type
	 * @param vector the query vector
	 * @param topK how many entities
	 * @param filter the filter, with parameters ({@link Filter#NONE} for all)
	 * @return the entities with their scores, closest first
	 * @throws dev.milvusboot.core.mapping.MappingException if the type has no such vector field
	 */
	public <T> List<ScoredEntity<T>> search(Class<T> type, String vectorField, float[] vector, int topK,
			Filter filter) {
		EntityMetadata<T> metadata = this.entities.metadata(type);
		return search(execute((client) -> this.entities.search(metadata, vectorField, vector, topK, filter)), type)
			.get(0);
	}

	/**
	 * Searches one sparse vector field of an entity type's collection, keeping only entities matching a filter.
	 * @param <T> the entity type
	 * @param type the type
	 * @param vectorField the Milvus name of a {@code @MilvusSparseVector} field of the type
	 * @param vector the sparse query vector
	 * @param topK how many entities
	 * @param filter the filter, with parameters ({@link Filter#NONE} for all)
	 * @return the entities with their scores, closest first
	 */
	public <T> List<ScoredEntity<T>> search(Class<T> type, String vectorField, SparseVector vector, int topK,
			Filter filter) {
		EntityMetadata<T> metadata = this.entities.metadata(type);
		return search(execute((client) -> this.entities.search(metadata, vectorField, vector, topK, filter)), type)
			.get(0);
	}

	/**
	 * Full-text search: the entities whose {@code @MilvusFullText} field matches a text best (BM25).
	 * @param <T> the entity type
	 * @param type the type, with one full-text field
	 * @param text the query text, analyzed by the server as the field is
	 * @param topK how many entities
	 * @return the entities with their BM25 scores, best first
	 */
	public <T> List<ScoredEntity<T>> searchText(Class<T> type, String text, int topK) {
		return searchText(type, text, topK, Filter.NONE);
	}

	/**
	 * Full-text search keeping only entities matching a boolean expression.
	 * @param <T> the entity type
	 * @param type the type, with one full-text field
	 * @param text the query text
	 * @param topK how many entities
	 * @param filter the expression, or {@code null}; values from users go through {@link Filter#of(String, Map)}
	 * @return the entities with their BM25 scores, best first
	 */
	public <T> List<ScoredEntity<T>> searchText(Class<T> type, String text, int topK, String filter) {
		return searchText(type, text, topK, Filter.of(filter));
	}

	/**
	 * Full-text search keeping only entities matching a filter with parameters.
	 * @param <T> the entity type
	 * @param type the type, with one full-text field
	 * @param text the query text
	 * @param topK how many entities
	 * @param filter the filter ({@link Filter#NONE} for all)
	 * @return the entities with their BM25 scores, best first
	 * @throws dev.milvusboot.core.mapping.MappingException if the type has no full-text field, or several
	 */
	public <T> List<ScoredEntity<T>> searchText(Class<T> type, String text, int topK, Filter filter) {
		return searchText(type, null, text, topK, filter);
	}

	/**
	 * Full-text search of one of several full-text fields, keeping only entities matching a filter.
	 * @param <T> the entity type
	 * @param type the type
	 * @param textField the Milvus name of a {@code @MilvusFullText} field or of its BM25 output
	 * @param text the query text
	 * @param topK how many entities
	 * @param filter the filter ({@link Filter#NONE} for all)
	 * @return the entities with their BM25 scores, best first
	 */
	public <T> List<ScoredEntity<T>> searchText(Class<T> type, String textField, String text, int topK,
			Filter filter) {
		EntityMetadata<T> metadata = this.entities.metadata(type);
		return search(execute((client) -> this.entities.textSearch(metadata, textField, text, topK, filter)), type)
			.get(0);
	}

	/** Runs a hybrid search (several sub-searches merged by a ranker). */
	public SearchResults hybridSearch(HybridSearch search) {
		return execute((c) -> c.hybridSearch(search));
	}

	/**
	 * Hybrid search of an entity type's collection: sub-searches of its vector and full-text fields (each with its
	 * own query, top-k and filter with parameters), merged by a ranker.
	 * @param <T> the entity type
	 * @param type the type
	 * @param searches the sub-searches, e.g. {@code SubSearch.field("embedding").vector(v).topK(20).build()} and
	 * {@code SubSearch.field("body_sparse").text("quick fox").topK(20).filter(filter).build()}
	 * @param ranker how hits are merged, e.g. {@code Ranker.rrf()} or {@code Ranker.weighted(0.7, 0.3)}
	 * @param topK how many merged entities
	 * @return the entities with their merged scores, best first
	 */
	public <T> List<ScoredEntity<T>> hybridSearch(Class<T> type, List<SubSearch> searches, Ranker ranker, int topK) {
		EntityMetadata<T> metadata = this.entities.metadata(type);
		HybridSearch search = execute((client) -> this.entities.hybridSearch(metadata, searches, ranker, topK));
		return this.entities.entities(metadata, hybridSearch(search)).get(0);
	}

	/**
	 * Hybrid search by meaning and by words: a search of the type's only dense vector field and a full-text search
	 * of its only full-text field, each contributing {@code topK} entities matching the filter, merged by a ranker.
	 * @param <T> the entity type
	 * @param type the type
	 * @param vector the query vector
	 * @param text the query text
	 * @param topK how many entities each sub-search contributes and how many merged entities are returned
	 * @param ranker how hits are merged
	 * @param filter the filter of both sub-searches ({@link Filter#NONE} for all)
	 * @return the entities with their merged scores, best first
	 */
	public <T> List<ScoredEntity<T>> hybridSearch(Class<T> type, float[] vector, String text, int topK, Ranker ranker,
			Filter filter) {
		EntityMetadata<T> metadata = this.entities.metadata(type);
		List<SubSearch> searches = execute((client) -> this.entities.vectorAndText(metadata, vector, text, topK, filter));
		return hybridSearch(type, searches, ranker, topK);
	}

	/**
	 * Runs a search and maps each hit to an entity of a type.
	 * @param <T> the entity type
	 * @param search the search (its output fields should cover the type's fields)
	 * @param type the type
	 * @return per query vector, the entities with their scores
	 */
	public <T> List<List<ScoredEntity<T>>> search(Search search, Class<T> type) {
		EntityMetadata<T> metadata = this.entities.metadata(type);
		return this.entities.entities(metadata, search(search));
	}

}
