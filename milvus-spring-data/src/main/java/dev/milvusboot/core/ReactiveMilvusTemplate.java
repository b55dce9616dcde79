package dev.milvusboot.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.api.reactive.MilvusReactiveCommands;
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
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.core.mapping.EntityMapper;
import dev.milvusboot.core.mapping.EntityMetadata;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;

/**
 * The reactive counterpart of {@link MilvusTemplate}, for WebFlux applications: the same operations under the same
 * names, returning {@link Mono}s and {@link Flux}es over {@link MilvusClient#reactive()}. Nothing is sent before a
 * subscription, and each subscription runs its operation once; no method blocks. Failures arrive as error signals:
 * Milvus failures translated into Spring's {@link DataAccessException} hierarchy (with the Milvus exception as the
 * cause), bad input and mapping errors as they are. Thread-safe. Over 300 lines because it is a facade with one
 * short method per operation, like {@link MilvusTemplate}; the logic they share lives in {@code EntityOperations}.
 */
public class ReactiveMilvusTemplate {

	private final MilvusClient client;

	private final MilvusReactiveCommands commands;

	private final EntityOperations entities;

	/**
	 * A template over a client, translating with {@link MilvusExceptionTranslator}.
	 * @param client the client
	 */
	public ReactiveMilvusTemplate(MilvusClient client) {
		this(client, new MilvusExceptionTranslator(), new EntityMapper());
	}

	/**
	 * A template over a client.
	 * @param client the client
	 * @param translator translates Milvus exceptions
	 * @param mapper maps entity types
	 */
	public ReactiveMilvusTemplate(MilvusClient client, PersistenceExceptionTranslator translator, EntityMapper mapper) {
		this.client = Objects.requireNonNull(client, "client");
		this.commands = client.reactive();
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
	 * Runs a callback with the client's reactive commands when subscribed, translating its Milvus failures.
	 * @param <R> the result type
	 * @param callback the callback
	 * @return its result
	 */
	public <R> Mono<R> execute(Function<MilvusReactiveCommands, Mono<R>> callback) {
		return Mono.defer(() -> callback.apply(this.commands)).onErrorMap(MilvusException.class, this.entities::translate);
	}

	/**
	 * Runs a callback returning many results with the client's reactive commands when subscribed, translating its
	 * Milvus failures.
	 * @param <R> the element type
	 * @param callback the callback
	 * @return its results
	 */
	public <R> Flux<R> executeMany(Function<MilvusReactiveCommands, Flux<R>> callback) {
		return Flux.defer(() -> callback.apply(this.commands)).onErrorMap(MilvusException.class, this.entities::translate);
	}

	// ---------------------------------------------------------------- collections

	/** Creates a collection with an auto-id int64 key {@code id} and a {@code vector} field, indexed and loaded. */
	public Mono<Void> createCollection(String name, int dimension, MetricType metric) {
		return execute((c) -> c.createCollection(name, dimension, metric));
	}

	/** Creates a collection from a schema (not indexed, not loaded). */
	public Mono<Void> createCollection(CollectionSchema schema) {
		return execute((c) -> c.createCollection(schema));
	}

	/**
	 * Creates the collection an entity type maps to (with the BM25 function of each full-text field), builds the
	 * index of every vector field and loads it.
	 * @param type the annotated record or class
	 * @return completes when the collection is loaded
	 */
	public Mono<Void> createCollection(Class<?> type) {
		return execute((c) -> {
			EntityMetadata<?> metadata = this.entities.metadata(type);
			return c.createCollection(metadata.schema())
				.thenMany(Flux.fromIterable(metadata.indexes()).concatMap(c::createIndex))
				.then(c.loadCollection(metadata.collection()));
		});
	}

	public Mono<Boolean> hasCollection(String name) {
		return execute((c) -> c.hasCollection(name));
	}

	/** Whether the collection of an entity type exists. */
	public Mono<Boolean> hasCollection(Class<?> type) {
		return execute((c) -> c.hasCollection(this.entities.collection(type)));
	}

	public Mono<Void> dropCollection(String name) {
		return execute((c) -> c.dropCollection(name));
	}

	/** Drops the collection of an entity type. */
	public Mono<Void> dropCollection(Class<?> type) {
		return execute((c) -> c.dropCollection(this.entities.collection(type)));
	}

	/** The number of entities in a collection, counted exactly (a {@code count(*)} query). */
	public Mono<Long> count(String collection) {
		return count(collection, "");
	}

	/** The number of entities of an entity type's collection, counted exactly. */
	public Mono<Long> count(Class<?> type) {
		return execute((c) -> c.count(this.entities.collection(type), ""));
	}

	/** Counts the entities a boolean expression matches. */
	public Mono<Long> count(String collection, String filter) {
		return count(collection, Filter.of(filter));
	}

	/** Counts the entities a filter with parameters matches. */
	public Mono<Long> count(String collection, Filter filter) {
		return execute((c) -> c.count(collection, filter));
	}

	/**
	 * The row count in the collection's statistics: cheap, but it counts only flushed rows and may include deleted
	 * ones; {@link #count(String)} is exact.
	 */
	public Mono<Long> rowCount(String collection) {
		return execute((c) -> c.rowCount(collection));
	}

	// ---------------------------------------------------------------- writes

	/** Inserts rows (maps of field names to values, vectors as {@code float[]}). */
	public Mono<MutationResult> insert(String collection, List<? extends Map<String, ?>> rows) {
		return execute((c) -> c.insert(collection, rows));
	}

	/**
	 * Inserts entities into their type's collection; generated ids are set on mutable entities.
	 * @param <T> the entity type
	 * @param entities the entities, all of one type
	 * @return the ids and count
	 */
	public <T> Mono<MutationResult> insert(List<T> entities) {
		return execute((c) -> {
			EntityOperations.EntityRows<T> rows = this.entities.rows(entities);
			return c.insert(rows.metadata().collection(), rows.rows()).map(rows::insertedAs);
		});
	}

	/** Inserts or replaces rows by primary key. */
	public Mono<MutationResult> upsert(String collection, List<? extends Map<String, ?>> rows) {
		return execute((c) -> c.upsert(collection, rows));
	}

	/** Inserts or replaces entities by primary key. */
	public <T> Mono<MutationResult> upsert(List<T> entities) {
		return execute((c) -> {
			EntityOperations.EntityRows<T> rows = this.entities.rows(entities);
			return c.upsert(rows.metadata().collection(), rows.rows());
		});
	}

	/** Deletes entities by primary key. */
	public Mono<MutationResult> delete(String collection, List<?> ids) {
		return execute((c) -> c.delete(collection, ids));
	}

	/** Deletes entities of a type by primary key, given as the entities hold them (converted like their values). */
	public Mono<MutationResult> delete(Class<?> type, List<?> ids) {
		return execute((c) -> c.delete(this.entities.collection(type), this.entities.ids(ids)));
	}

	/** Deletes the entities a boolean expression matches. */
	public Mono<MutationResult> deleteWhere(String collection, String filter) {
		return deleteWhere(collection, Filter.of(filter));
	}

	/** Deletes the entities a filter with parameters matches. */
	public Mono<MutationResult> deleteWhere(String collection, Filter filter) {
		return execute((c) -> c.deleteWhere(collection, filter));
	}

	// ---------------------------------------------------------------- reads

	/** Gets rows by primary key. */
	public Flux<Row> get(String collection, List<?> ids, String... outputFields) {
		return execute((c) -> c.get(collection, ids, outputFields)).flatMapIterable(Function.identity());
	}

	/**
	 * Gets entities by primary key, in the order of the ids; ids not found are left out.
	 * @param <T> the entity type
	 * @param type the type
	 * @param ids the primary keys, as the entities hold them (a {@code UUID} or a key with a converter is converted)
	 * @return the entities
	 */
	public <T> Flux<T> findByIds(Class<T> type, List<?> ids) {
		return execute((c) -> {
			EntityMetadata<T> metadata = this.entities.metadata(type);
			return c.get(metadata.collection(), this.entities.ids(ids), this.entities.outputFields(metadata))
				.map((rows) -> rows.stream().map(metadata::fromRow).toList());
		}).flatMapIterable(Function.identity());
	}

	/** Runs a query. */
	public Flux<Row> query(Query query) {
		return execute((c) -> c.query(query)).flatMapIterable(Function.identity());
	}

	/**
	 * Finds entities of a type matching a boolean expression.
	 * @param <T> the entity type
	 * @param type the type
	 * @param filter the expression, e.g. {@code "year > 2000"}
	 * @param limit the most entities returned
	 * @return the entities
	 */
	public <T> Flux<T> find(Class<T> type, String filter, long limit) {
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
	public <T> Flux<T> find(Class<T> type, Filter filter, long limit) {
		return execute((c) -> {
			EntityMetadata<T> metadata = this.entities.metadata(type);
			return c.query(this.entities.query(metadata, filter, limit))
				.map((rows) -> rows.stream().map(metadata::fromRow).toList());
		}).flatMapIterable(Function.identity());
	}

	/** Pages through the rows of a query, one request per batch as demand arrives. */
	public Flux<Row> queryIterator(Query query, int batchSize) {
		return executeMany((c) -> c.queryIterator(query, batchSize));
	}

	/**
	 * Pages through all entities of a type matching a boolean expression, one request per batch as demand arrives.
	 * @param <T> the entity type
	 * @param type the type
	 * @param filter the expression, or empty for all
	 * @param batchSize the entities per request
	 * @return the entities
	 */
	public <T> Flux<T> queryIterator(Class<T> type, String filter, int batchSize) {
		return queryIterator(type, Filter.of(filter), batchSize);
	}

	/**
	 * Pages through all entities of a type matching a filter with parameters, one request per batch as demand arrives.
	 * @param <T> the entity type
	 * @param type the type
	 * @param filter the filter, {@link Filter#NONE} for all
	 * @param batchSize the entities per request
	 * @return the entities
	 */
	public <T> Flux<T> queryIterator(Class<T> type, Filter filter, int batchSize) {
		return executeMany((c) -> {
			EntityMetadata<T> metadata = this.entities.metadata(type);
			return c.queryIterator(this.entities.query(metadata, filter), batchSize).map(metadata::fromRow);
		});
	}

	/** Runs a vector search. */
	public Mono<SearchResults> search(Search search) {
		return execute((c) -> c.search(search));
	}

	/**
	 * Searches an entity type's collection for the entities closest to a vector.
	 * @param <T> the entity type
	 * @param type the type
	 * @param vector the query vector
	 * @param topK how many entities
	 * @return the entities with their scores, closest first
	 */
	public <T> Flux<ScoredEntity<T>> search(Class<T> type, float[] vector, int topK) {
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
	public <T> Flux<ScoredEntity<T>> search(Class<T> type, float[] vector, int topK, String filter) {
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
	public <T> Flux<ScoredEntity<T>> search(Class<T> type, float[] vector, int topK, Filter filter) {
		return searchEntities(type, (metadata) -> this.entities.search(metadata, vector, topK, filter));
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
	 */
	public <T> Flux<ScoredEntity<T>> search(Class<T> type, String vectorField, float[] vector, int topK,
			Filter filter) {
		return searchEntities(type, (metadata) -> this.entities.search(metadata, vectorField, vector, topK, filter));
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
	public <T> Flux<ScoredEntity<T>> search(Class<T> type, String vectorField, SparseVector vector, int topK,
			Filter filter) {
		return searchEntities(type, (metadata) -> this.entities.search(metadata, vectorField, vector, topK, filter));
	}

	/**
	 * Full-text search: the entities whose {@code @MilvusFullText} field matches a text best (BM25).
	 * @param <T> the entity type
	 * @param type the type, with one full-text field
	 * @param text the query text
	 * @param topK how many entities
	 * @return the entities with their BM25 scores, best first
	 */
	public <T> Flux<ScoredEntity<T>> searchText(Class<T> type, String text, int topK) {
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
	public <T> Flux<ScoredEntity<T>> searchText(Class<T> type, String text, int topK, String filter) {
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
	 */
	public <T> Flux<ScoredEntity<T>> searchText(Class<T> type, String text, int topK, Filter filter) {
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
	public <T> Flux<ScoredEntity<T>> searchText(Class<T> type, String textField, String text, int topK,
			Filter filter) {
		return searchEntities(type, (metadata) -> this.entities.textSearch(metadata, textField, text, topK, filter));
	}

	private <T> Flux<ScoredEntity<T>> searchEntities(Class<T> type, Function<EntityMetadata<T>, Search> search) {
		return execute((c) -> {
			EntityMetadata<T> metadata = this.entities.metadata(type);
			return c.search(search.apply(metadata)).map((results) -> this.entities.entities(metadata, results).get(0));
		}).flatMapIterable(Function.identity());
	}

	/** Runs a hybrid search (several sub-searches merged by a ranker). */
	public Mono<SearchResults> hybridSearch(HybridSearch search) {
		return execute((c) -> c.hybridSearch(search));
	}

	/**
	 * Hybrid search of an entity type's collection: sub-searches of its vector and full-text fields (each with its
	 * own query, top-k and filter with parameters), merged by a ranker.
	 * @param <T> the entity type
	 * @param type the type
	 * @param searches the sub-searches
	 * @param ranker how hits are merged, e.g. {@code Ranker.rrf()}
	 * @param topK how many merged entities
	 * @return the entities with their merged scores, best first
	 */
	public <T> Flux<ScoredEntity<T>> hybridSearch(Class<T> type, List<SubSearch> searches, Ranker ranker, int topK) {
		return hybridEntities(type, (metadata) -> searches, ranker, topK);
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
	public <T> Flux<ScoredEntity<T>> hybridSearch(Class<T> type, float[] vector, String text, int topK,
			Ranker ranker, Filter filter) {
		return hybridEntities(type, (metadata) -> this.entities.vectorAndText(metadata, vector, text, topK, filter),
				ranker, topK);
	}

	private <T> Flux<ScoredEntity<T>> hybridEntities(Class<T> type, Function<EntityMetadata<T>, List<SubSearch>> searches,
			Ranker ranker, int topK) {
		return execute((c) -> {
			EntityMetadata<T> metadata = this.entities.metadata(type);
			HybridSearch search = this.entities.hybridSearch(metadata, searches.apply(metadata), ranker, topK);
			return c.hybridSearch(search).map((results) -> this.entities.entities(metadata, results).get(0));
		}).flatMapIterable(Function.identity());
	}

	/**
	 * Runs a search and maps each hit to an entity of a type.
	 * @param <T> the entity type
	 * @param search the search (its output fields should cover the type's fields)
	 * @param type the type
	 * @return per query vector, the entities with their scores
	 */
	public <T> Mono<List<List<ScoredEntity<T>>>> search(Search search, Class<T> type) {
		return execute((c) -> {
			EntityMetadata<T> metadata = this.entities.metadata(type);
			return c.search(search).map((results) -> this.entities.entities(metadata, results));
		});
	}

}
