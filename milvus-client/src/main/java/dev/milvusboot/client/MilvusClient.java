package dev.milvusboot.client;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import dev.milvusboot.client.api.async.MilvusAsyncCommands;
import dev.milvusboot.client.api.reactive.MilvusReactiveCommands;
import dev.milvusboot.client.api.sync.MilvusCommands;
import dev.milvusboot.client.internal.command.AbstractSyncCommands;
import dev.milvusboot.client.internal.command.AsyncCommandsView;
import dev.milvusboot.client.internal.command.Dispatch;
import dev.milvusboot.client.internal.command.ReactiveCommandsView;
import dev.milvusboot.client.data.HybridSearch;
import dev.milvusboot.client.data.MutationResult;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.data.SearchIterator;
import dev.milvusboot.client.data.SearchResults;
import dev.milvusboot.client.exception.MilvusClientClosedException;
import dev.milvusboot.client.internal.ClientCore;
import dev.milvusboot.client.internal.ops.DataOperations;
import dev.milvusboot.client.internal.transport.CallSettings;
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
public final class MilvusClient extends AbstractSyncCommands implements MilvusCommands, AutoCloseable {

	/** What {@link #serverVersion()} answers for a server that tells no version. */
	public static final String UNKNOWN_SERVER_VERSION = "unknown";

	private final ClientCore core;

	private final CallSettings settings;

	private final boolean view;

	private final Dispatch dispatch;

	private MilvusClient(ClientCore core, CallSettings settings, boolean view) {
		this.core = core;
		this.settings = settings;
		this.view = view;
		this.dispatch = new Dispatch(core, settings);
	}

	@Override
	protected Dispatch dispatch() {
		return this.dispatch;
	}

	/**
	 * The commands of this client (or view) in asynchronous form, with its database, deadline and retry policy.
	 * @return the asynchronous commands
	 */
	@Override
	public MilvusAsyncCommands async() {
		return new AsyncCommandsView(this.dispatch);
	}

	/**
	 * The commands of this client (or view) in reactive form, with its database, deadline and retry policy. Needs
	 * {@code reactor-core} on the class path.
	 * @return the reactive commands
	 */
	@Override
	public MilvusReactiveCommands reactive() {
		return new ReactiveCommandsView(this.dispatch);
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
	@Override
	public String database() {
		return this.settings.database();
	}

	/**
	 * A view of this client that uses another database, sharing this client's connections (no reconnect). Closing
	 * a view does nothing; close the client it came from.
	 * @param database the database
	 * @return the view
	 */
	@Override
	public MilvusClient withDatabase(String database) {
		Names.requireValid(database, "database name");
		return new MilvusClient(this.core, this.settings.withDatabase(database), true);
	}

	/**
	 * A view of this client whose calls have another deadline (retries included), sharing its connections.
	 * @param timeout the deadline of each call
	 * @return the view
	 */
	@Override
	public MilvusClient withTimeout(Duration timeout) {
		return new MilvusClient(this.core, this.settings.withTimeout(Durations.requirePositive(timeout, "timeout")),
				true);
	}

	/**
	 * A view of this client with another retry policy, sharing its connections.
	 * @param retry the retry policy
	 * @return the view
	 */
	@Override
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

	/** A snapshot of the connection pool: channels by state and calls in flight. */
	public PoolStatistics poolStatistics() {
		return this.core.poolStatistics();
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

	private DataOperations data() {
		return new DataOperations(this.core, this.settings);
	}

	// ---------------------------------------------------------------- plumbing

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
