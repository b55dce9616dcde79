package dev.milvusboot.client;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import dev.milvusboot.client.admin.AliasDescription;
import dev.milvusboot.client.admin.CompactionResult;
import dev.milvusboot.client.admin.CreateCollectionOptions;
import dev.milvusboot.client.data.HybridSearch;
import dev.milvusboot.client.data.MutationResult;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.data.SearchIterator;
import dev.milvusboot.client.data.SearchResults;
import dev.milvusboot.client.exception.MilvusClientClosedException;
import dev.milvusboot.client.exception.MilvusUnsupportedException;
import dev.milvusboot.client.internal.ClientCore;
import dev.milvusboot.client.internal.ops.DataOperations;
import dev.milvusboot.client.internal.ops.UserOperations;
import dev.milvusboot.client.internal.ops.AliasOperations;
import dev.milvusboot.client.internal.ops.CollectionOperations;
import dev.milvusboot.client.internal.ops.DatabaseOperations;
import dev.milvusboot.client.internal.ops.IndexOperations;
import dev.milvusboot.client.internal.ops.MaintenanceOperations;
import dev.milvusboot.client.internal.ops.PartitionOperations;
import dev.milvusboot.client.internal.proto.CheckHealthRequest;
import dev.milvusboot.client.internal.proto.CheckHealthResponse;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;
import dev.milvusboot.client.internal.transport.CallSettings;
import dev.milvusboot.client.internal.transport.Rpc;
import dev.milvusboot.client.schema.CollectionDescription;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.IndexDescription;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.LoadState;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.client.schema.Names;

/**
 * A thread-safe Milvus client over a pool of gRPC connections. Create one per server with
 * {@link #create(MilvusClientOptions)}, share it across threads, and {@link #close()} it when done. Every call has a
 * deadline ({@link MilvusClientOptions#requestTimeout()} unless a view from {@link #withTimeout(Duration)} says
 * otherwise); transient failures are retried as {@link RetryOptions} say; failures are thrown as
 * {@link dev.milvusboot.client.exception.MilvusException}s.
 * <p>
 * The client connects lazily: creating it contacts no server and builds no gRPC channel (only TLS files are
 * checked), and the first call builds the pool and does the {@code Connect} handshake. After a server restart the
 * connections come back by themselves.
 */
public final class MilvusClient implements AutoCloseable {

	/** What {@link #serverVersion()} answers for a server that tells no version. */
	public static final String UNKNOWN_SERVER_VERSION = "unknown";

	private final ClientCore core;

	private final CallSettings settings;

	private final boolean view;

	private MilvusClient(ClientCore core, CallSettings settings, boolean view) {
		this.core = core;
		this.settings = settings;
		this.view = view;
	}

	/**
	 * Creates a client; no channel is built and no connection made until the first call.
	 * @param options the options
	 * @return the client
	 * @throws dev.milvusboot.client.exception.MilvusInvalidArgumentException if a TLS certificate or key file of the
	 * options holds no certificate or key
	 */
	public static MilvusClient create(MilvusClientOptions options) {
		Objects.requireNonNull(options, "options");
		ClientCore core = new ClientCore(options);
		return new MilvusClient(core, core.defaultSettings(), false);
	}

	/**
	 * Creates a client for a URI such as {@code http://localhost:19530} with default options.
	 * @param uri the server URI
	 * @return the client
	 */
	public static MilvusClient create(String uri) {
		return create(MilvusClientOptions.builder().uri(uri).build());
	}

	/** The options this client was created with. */
	public MilvusClientOptions options() {
		return this.core.options();
	}

	/** The database calls of this client use, or {@code null} for the server's default database. */
	public String database() {
		return this.settings.database();
	}

	/**
	 * A view of this client that uses another database, sharing this client's connections (no reconnect). Closing
	 * a view does nothing; close the client it came from.
	 * @param database the database
	 * @return the view
	 */
	public MilvusClient withDatabase(String database) {
		Names.requireValid(database, "database name");
		return new MilvusClient(this.core, this.settings.withDatabase(database), true);
	}

	/**
	 * A view of this client whose calls have another deadline (retries included), sharing its connections.
	 * @param timeout the deadline of each call
	 * @return the view
	 */
	public MilvusClient withTimeout(Duration timeout) {
		return new MilvusClient(this.core, this.settings.withTimeout(Durations.requirePositive(timeout, "timeout")),
				true);
	}

	/**
	 * A view of this client with another retry policy, sharing its connections.
	 * @param retry the retry policy
	 * @return the view
	 */
	public MilvusClient withRetry(RetryOptions retry) {
		return new MilvusClient(this.core, this.settings.withRetry(Objects.requireNonNull(retry, "retry")), true);
	}

	// ---------------------------------------------------------------- server

	/**
	 * The server's version, for example {@code v2.3.5} or {@code milvus_lite-3.2.2}: what the server answers to
	 * {@code GetVersion}, else the build tags its {@code Connect} answer carries, else
	 * {@link #UNKNOWN_SERVER_VERSION} (Milvus Lite 2.5 tells neither). Asks the server on first use.
	 * @throws MilvusClientClosedException if the client is closed
	 */
	public String serverVersion() {
		return this.core.serverVersion(this.settings);
	}

	/**
	 * Asks the server whether it is healthy. A server without {@code CheckHealth} (Milvus Lite 2.5 answers it gRPC
	 * {@code UNIMPLEMENTED}) has answered all the same, so it counts as healthy.
	 */
	public HealthStatus checkHealth() {
		CheckHealthResponse response;
		try {
			response = call(Rpc.of("checkHealth", null, MilvusServiceGrpc.getCheckHealthMethod(),
					CheckHealthRequest.getDefaultInstance(), CheckHealthResponse::getStatus));
		}
		catch (MilvusUnsupportedException ex) {
			return new HealthStatus(true, List.of());
		}
		return new HealthStatus(response.getIsHealthy(), response.getReasonsList());
	}

	/** A snapshot of the connection pool: channels by state and calls in flight. */
	public PoolStatistics poolStatistics() {
		return this.core.poolStatistics();
	}

	// ---------------------------------------------------------------- collections, partitions, indexes, aliases, databases, flush, compaction

	/**
	 * The quick set-up: creates a collection with an int64 primary key {@code id} with automatic ids, a float
	 * vector {@code vector} of that dimension and the dynamic field, indexes the vector ({@code AUTOINDEX} with
	 * that metric) and loads the collection, all within one deadline.
	 * @param name the collection name
	 * @param dimension the vector dimension
	 * @param metric how vectors are compared
	 */
	public void createCollection(String name, int dimension, MetricType metric) {
		createCollection(name, dimension, metric, true);
	}

	/**
	 * The quick set-up of {@link #createCollection(String, int, MetricType)}, choosing whether the server assigns
	 * the ids.
	 * @param name the collection name
	 * @param dimension the vector dimension
	 * @param metric how vectors are compared
	 * @param autoId whether the server assigns the primary keys
	 */
	public void createCollection(String name, int dimension, MetricType metric, boolean autoId) {
		forgetSchema(name);
		collections().createQuick(name, dimension, metric, autoId);
	}

	/**
	 * Creates a collection with {@link CreateCollectionOptions#DEFAULTS}. It has no index and is not loaded.
	 * @param schema the schema, which names the collection
	 */
	public void createCollection(CollectionSchema schema) {
		createCollection(schema, CreateCollectionOptions.DEFAULTS);
	}

	/**
	 * Creates a collection. It has no index and is not loaded.
	 * @param schema the schema, which names the collection
	 * @param options shards, consistency level and properties
	 */
	public void createCollection(CollectionSchema schema, CreateCollectionOptions options) {
		forgetSchema(schema.name());
		collections().create(schema, options);
	}

	/** Whether a collection (or alias) of that name exists. */
	public boolean hasCollection(String name) {
		return collections().has(name);
	}

	/** Describes a collection (or the collection an alias points to). */
	public CollectionDescription describeCollection(String name) {
		return collections().describe(name);
	}

	/** The names of the collections of this client's database. */
	public List<String> listCollections() {
		return collections().list();
	}

	/** Drops a collection and its data. */
	public void dropCollection(String name) {
		forgetSchema(name);
		collections().drop(name);
	}

	/** Renames a collection. */
	public void renameCollection(String oldName, String newName) {
		forgetSchema(oldName);
		forgetSchema(newName);
		collections().rename(oldName, newName);
	}

	/**
	 * The number of rows the server counts in a collection's statistics. Milvus counts persisted segments, so
	 * call {@link #flush(String...)} first for an exact figure; deleted rows may be counted until compaction.
	 */
	public long rowCount(String collection) {
		return collections().rowCount(collection);
	}

	/** Loads a collection for search and query, and waits (within the deadline) until it is loaded. */
	public void loadCollection(String name) {
		collections().load(name);
	}

	/** Releases a collection from memory. */
	public void releaseCollection(String name) {
		collections().release(name);
	}

	/** Whether a collection is loaded; {@link LoadState#NOT_EXIST} if there is no such collection. */
	public LoadState loadState(String name) {
		return collections().loadState(name);
	}

	/** Creates a partition. */
	public void createPartition(String collection, String partition) {
		partitions().create(collection, partition);
	}

	/** Drops a partition and its data; it must be released first. */
	public void dropPartition(String collection, String partition) {
		partitions().drop(collection, partition);
	}

	/** Whether a partition exists. */
	public boolean hasPartition(String collection, String partition) {
		return partitions().has(collection, partition);
	}

	/** The names of the partitions of a collection, {@code _default} included. */
	public List<String> listPartitions(String collection) {
		return partitions().list(collection);
	}

	/**
	 * Loads partitions and waits (within the deadline) until they are loaded.
	 * @throws dev.milvusboot.client.exception.MilvusUnsupportedException on Milvus Lite, which loads whole
	 * collections only
	 */
	public void loadPartitions(String collection, String... partitions) {
		partitions().load(collection, List.of(partitions));
	}

	/**
	 * Releases partitions from memory.
	 * @throws dev.milvusboot.client.exception.MilvusUnsupportedException on Milvus Lite, which releases whole
	 * collections only
	 */
	public void releasePartitions(String collection, String... partitions) {
		partitions().release(collection, List.of(partitions));
	}

	/**
	 * Creates an index and waits (within the deadline) until the server reports it built. Milvus builds indexes
	 * in the background; Milvus Lite builds them at once (and names every index after its field).
	 * @param index the collection, the field and how to index it
	 */
	public void createIndex(IndexParams index) {
		createIndex(index, true);
	}

	/**
	 * Creates an index.
	 * @param index the collection, the field and how to index it
	 * @param waitUntilBuilt whether to wait (within the deadline) until the server reports the index built
	 */
	public void createIndex(IndexParams index, boolean waitUntilBuilt) {
		indexes().create(index, waitUntilBuilt);
	}

	/**
	 * Describes an index, found by its name or else by the field it indexes.
	 * @throws dev.milvusboot.client.exception.MilvusNotFoundException if there is no such index
	 */
	public IndexDescription describeIndex(String collection, String indexNameOrField) {
		return indexes().describe(collection, indexNameOrField);
	}

	/** The names of the indexes of a collection (empty if it has none). */
	public List<String> listIndexes(String collection) {
		return indexes().list(collection);
	}

	/** Drops an index, found by its name or else by the field it indexes; the collection must be released. */
	public void dropIndex(String collection, String indexName) {
		indexes().drop(collection, indexName);
	}

	/** Creates an alias for a collection; an alias can be used wherever a collection name can. */
	public void createAlias(String collection, String alias) {
		aliases().create(collection, alias);
	}

	/** Points an existing alias to another collection. */
	public void alterAlias(String collection, String alias) {
		aliases().alter(collection, alias);
	}

	/** Drops an alias. */
	public void dropAlias(String alias) {
		aliases().drop(alias);
	}

	/** Says which collection an alias points to. */
	public AliasDescription describeAlias(String alias) {
		return aliases().describe(alias);
	}

	/** The aliases of a collection. */
	public List<String> listAliases(String collection) {
		return aliases().list(collection);
	}

	/** Creates a database. */
	public void createDatabase(String database) {
		new DatabaseOperations(this.core, this.settings).create(database);
	}

	/** Drops a database; it must have no collections. */
	public void dropDatabase(String database) {
		new DatabaseOperations(this.core, this.settings).drop(database);
	}

	/** The names of the databases. */
	public List<String> listDatabases() {
		return new DatabaseOperations(this.core, this.settings).list();
	}

	/** Persists the recent writes of collections and waits (within the deadline) until they are flushed. */
	public void flush(String... collections) {
		maintenance().flush(List.of(collections));
	}

	/** Compacts a collection (merging small segments, purging deleted rows) and waits until it is done. */
	public CompactionResult compact(String collection) {
		return maintenance().compact(collection);
	}

	/** Starts compacting a collection without waiting; returns the id to pass to {@link #compactionState(long)}. */
	public long startCompaction(String collection) {
		return maintenance().startCompaction(collection);
	}

	/** The state of a compaction started by {@link #startCompaction(String)}. */
	public CompactionResult compactionState(long compactionId) {
		return maintenance().compactionState(compactionId);
	}

	private CollectionOperations collections() {
		return new CollectionOperations(this.core, this.settings);
	}

	private PartitionOperations partitions() {
		return new PartitionOperations(this.core, this.settings);
	}

	private IndexOperations indexes() {
		return new IndexOperations(this.core, this.settings);
	}

	private AliasOperations aliases() {
		return new AliasOperations(this.core, this.settings);
	}

	private MaintenanceOperations maintenance() {
		return new MaintenanceOperations(this.core, this.settings);
	}

	// ---------------------------------------------------------------- data: insert, upsert, delete, get, query, search

	/**
	 * Inserts rows (maps of field names to values; vectors as {@code float[]}). Every row is checked before
	 * anything is sent; rows beyond the request size limit are sent in several batches, in order.
	 * @param collection the collection
	 * @param rows the rows
	 * @return the primary keys written and the count
	 * @throws dev.milvusboot.client.exception.MilvusInvalidArgumentException naming the row and field at fault
	 * @throws dev.milvusboot.client.exception.MilvusPartialWriteException if a later batch failed after earlier
	 * ones were written
	 */
	public MutationResult insert(String collection, List<? extends Map<String, ?>> rows) {
		return data().insert(collection, null, rows);
	}

	/**
	 * Inserts rows into a partition.
	 * @param collection the collection
	 * @param partition the partition
	 * @param rows the rows
	 * @return the primary keys written and the count
	 */
	public MutationResult insert(String collection, String partition, List<? extends Map<String, ?>> rows) {
		return data().insert(collection, partition, rows);
	}

	/**
	 * Inserts bare vectors, the classic way, into a collection with one vector field and automatic ids.
	 * @param collection the collection
	 * @param vectors the vectors
	 * @return the generated ids
	 */
	public MutationResult insertVectors(String collection, List<float[]> vectors) {
		return data().insertVectors(collection, null, null, vectors);
	}

	/**
	 * Inserts bare vectors with their ids into a collection with one vector field and an int64 key.
	 * @param collection the collection
	 * @param ids the ids, one per vector
	 * @param vectors the vectors
	 * @return the ids written
	 */
	public MutationResult insertVectors(String collection, List<Long> ids, List<float[]> vectors) {
		return data().insertVectors(collection, null, ids, vectors);
	}

	/** Inserts bare vectors with automatic ids into a partition. */
	public MutationResult insertVectors(String collection, String partition, List<float[]> vectors) {
		return data().insertVectors(collection, partition, null, vectors);
	}

	/** Inserts rows without blocking; the future fails with a {@code MilvusException}. */
	public CompletableFuture<MutationResult> insertAsync(String collection, List<? extends Map<String, ?>> rows) {
		return data().insertAsync(collection, null, rows);
	}

	/**
	 * Inserts rows, or replaces the rows with the same primary keys.
	 * @param collection the collection
	 * @param rows the rows, each with its primary key
	 * @return the primary keys written and the count
	 */
	public MutationResult upsert(String collection, List<? extends Map<String, ?>> rows) {
		return data().upsert(collection, null, rows);
	}

	/** Upserts rows into a partition. */
	public MutationResult upsert(String collection, String partition, List<? extends Map<String, ?>> rows) {
		return data().upsert(collection, partition, rows);
	}

	/** Upserts rows without blocking. */
	public CompletableFuture<MutationResult> upsertAsync(String collection, List<? extends Map<String, ?>> rows) {
		return data().upsertAsync(collection, null, rows);
	}

	/**
	 * Deletes entities by primary key.
	 * @param collection the collection
	 * @param ids the primary keys ({@code Long} or {@code String})
	 * @return the delete count
	 */
	public MutationResult delete(String collection, List<?> ids) {
		return data().deleteByIds(collection, null, ids);
	}

	/** Deletes entities of a partition by primary key. */
	public MutationResult delete(String collection, String partition, List<?> ids) {
		return data().deleteByIds(collection, partition, ids);
	}

	/**
	 * Deletes the entities a boolean expression matches, e.g. {@code "year < 2000"}.
	 * @param collection the collection
	 * @param filter the expression
	 * @return the delete count
	 */
	public MutationResult deleteWhere(String collection, String filter) {
		return data().delete(collection, null, filter);
	}

	/**
	 * Gets entities by primary key, in the order of the ids; ids not found are left out.
	 * @param collection the collection
	 * @param ids the primary keys
	 * @param outputFields the fields to return (none: the primary key only; {@code "*"}: all)
	 * @return the entities found
	 */
	public List<Row> get(String collection, List<?> ids, String... outputFields) {
		return data().get(collection, null, ids, List.of(outputFields));
	}

	/**
	 * Runs a query.
	 * @param query the query
	 * @return the matching entities
	 */
	public List<Row> query(Query query) {
		return data().query(query);
	}

	/** Runs a query without blocking. */
	public CompletableFuture<List<Row>> queryAsync(Query query) {
		return data().queryAsync(query);
	}

	/**
	 * Counts entities.
	 * @param collection the collection
	 * @param filter a boolean expression, or empty for all entities
	 * @return the count
	 */
	public long count(String collection, String filter) {
		return data().count(collection, filter);
	}

	/**
	 * Runs a vector search.
	 * @param search the search
	 * @return the hits of each query vector
	 */
	public SearchResults search(Search search) {
		return data().search(search);
	}

	/** Runs a vector search without blocking. */
	public CompletableFuture<SearchResults> searchAsync(Search search) {
		return data().searchAsync(search);
	}

	/**
	 * Runs a hybrid search over several vector fields (Milvus 2.4 and later).
	 * @param search the hybrid search
	 * @return the merged hits of each query
	 */
	public SearchResults hybridSearch(HybridSearch search) {
		return data().hybridSearch(search);
	}

	/**
	 * Pages through every entity a query matches, in primary key order, however many there are.
	 * @param query the query; its limit, if any, caps the total
	 * @param batchSize the entities per page (1 to 16384)
	 * @return the pages
	 */
	public Iterator<List<Row>> queryIterator(Query query, int batchSize) {
		return data().queryIterator(query, batchSize);
	}

	/**
	 * Pages through the hits of one query vector, best first, beyond the 16384 one search may return.
	 * @param search the search, with exactly one query vector (its top-k is ignored)
	 * @param batchSize the hits per page (1 to 16384)
	 * @param total the most hits to return in all
	 * @return the pages
	 */
	public SearchIterator searchIterator(Search search, int batchSize, long total) {
		return data().searchIterator(search, batchSize, total);
	}

	/** Drops the cached schema of a collection whose schema is about to change. */
	private void forgetSchema(String collection) {
		this.core.schemas().invalidate(this.settings.database(), collection);
	}

	// ---------------------------------------------------------------- users (servers with authentication)

	/**
	 * Creates a user.
	 * @param user the user name
	 * @param password the password, 6 to 256 characters
	 */
	public void createUser(String user, String password) {
		new UserOperations(this.core, this.settings).create(user, password);
	}

	/** Drops a user. */
	public void dropUser(String user) {
		new UserOperations(this.core, this.settings).drop(user);
	}

	/** The users of the server. */
	public List<String> listUsers() {
		return new UserOperations(this.core, this.settings).list();
	}

	private DataOperations data() {
		return new DataOperations(this.core, this.settings);
	}

	// ---------------------------------------------------------------- plumbing

	<Q, R> R call(Rpc<Q, R> rpc) {
		return this.core.call(rpc, this.settings);
	}

	/** Whether this client (or the client this view came from) is closed. */
	public boolean isClosed() {
		return this.core.isClosed();
	}

	/**
	 * Closes the connections and releases every thread the client started. Calls in progress fail with
	 * {@link MilvusClientClosedException}. Closing a view from {@link #withDatabase(String)} does nothing.
	 */
	@Override
	public void close() {
		if (!this.view) {
			this.core.close();
		}
	}

	@Override
	public String toString() {
		return "MilvusClient[" + this.core.options().endpoint().address()
				+ ((this.settings.database() != null) ? ", database=" + this.settings.database() : "") + "]";
	}

}
