package dev.milvusboot.client;

import java.time.Duration;
import java.util.Objects;

import dev.milvusboot.client.api.async.MilvusAsyncCommands;
import dev.milvusboot.client.api.reactive.MilvusReactiveCommands;
import dev.milvusboot.client.api.sync.MilvusCommands;
import dev.milvusboot.client.internal.command.AbstractSyncCommands;
import dev.milvusboot.client.internal.command.Dispatch;
import dev.milvusboot.client.internal.command.SyncCommandsView;
import dev.milvusboot.client.exception.MilvusClientClosedException;
import dev.milvusboot.client.internal.ClientCore;
import dev.milvusboot.client.internal.transport.CallSettings;

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

	private final Dispatch dispatch;

	/** This client's commands as a view: makes the views, so that they are made in one place. */
	private final SyncCommandsView views;

	private MilvusClient(ClientCore core, CallSettings settings) {
		this.core = core;
		this.settings = settings;
		this.dispatch = new Dispatch(core, settings);
		this.views = new SyncCommandsView(this.dispatch);
	}

	@Override
	protected Dispatch dispatch() {
		return this.dispatch;
	}

	/**
	 * The commands of this client in asynchronous form, with its database, deadline and retry policy.
	 * @return the asynchronous commands
	 */
	@Override
	public MilvusAsyncCommands async() {
		return this.views.async();
	}

	/**
	 * The commands of this client in reactive form, with its database, deadline and retry policy. Needs
	 * {@code reactor-core} on the class path.
	 * @return the reactive commands
	 */
	@Override
	public MilvusReactiveCommands reactive() {
		return this.views.reactive();
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
		return new MilvusClient(core, core.defaultSettings());
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
	 * A view of this client that uses another database, sharing this client's connections (no reconnect). A view
	 * has nothing to close; close this client when done.
	 * @param database the database
	 * @return the view
	 */
	@Override
	public MilvusCommands withDatabase(String database) {
		return this.views.withDatabase(database);
	}

	/**
	 * A view of this client whose calls have another deadline (retries included), sharing its connections.
	 * @param timeout the deadline of each call
	 * @return the view
	 */
	@Override
	public MilvusCommands withTimeout(Duration timeout) {
		return this.views.withTimeout(timeout);
	}

	/**
	 * A view of this client with another retry policy, sharing its connections.
	 * @param retry the retry policy
	 * @return the view
	 */
	@Override
	public MilvusCommands withRetry(RetryOptions retry) {
		return this.views.withRetry(retry);
	}

	// ---------------------------------------------------------------- server

	/**
	 * The server's version, for example {@code v2.3.5} or {@code milvus_lite-3.2.2}: what the server answers to
	 * {@code GetVersion}, else the build tags its {@code Connect} answer carries, else
	 * {@link #UNKNOWN_SERVER_VERSION} (Milvus Lite 2.5 tells neither). Asks the server on first use.
	 * @throws MilvusClientClosedException if the client is closed
	 */
	@Override
	public String serverVersion() {
		return this.core.serverVersion(this.settings);
	}

	/** A snapshot of the connection pool: channels by state and calls in flight. */
	public PoolStatistics poolStatistics() {
		return this.core.poolStatistics();
	}

	// ---------------------------------------------------------------- plumbing

	/** Whether this client is closed. */
	public boolean isClosed() {
		return this.core.isClosed();
	}

	/**
	 * Closes the connections and releases every thread the client started. Calls in progress fail with
	 * {@link MilvusClientClosedException}, and so do calls of its views.
	 */
	@Override
	public void close() {
		this.core.close();
	}

	@Override
	public String toString() {
		return "MilvusClient[" + this.core.options().endpoint().address()
				+ ((this.settings.database() != null) ? ", database=" + this.settings.database() : "") + "]";
	}

}
