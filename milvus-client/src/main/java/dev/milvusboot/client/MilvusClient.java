package dev.milvusboot.client;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import dev.milvusboot.client.exception.MilvusClientClosedException;
import dev.milvusboot.client.internal.ClientCore;
import dev.milvusboot.client.internal.proto.CheckHealthRequest;
import dev.milvusboot.client.internal.proto.CheckHealthResponse;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;
import dev.milvusboot.client.internal.transport.CallSettings;
import dev.milvusboot.client.internal.transport.Rpc;
import dev.milvusboot.client.schema.Names;
import io.grpc.ConnectivityState;

/**
 * A thread-safe Milvus client over a pool of gRPC connections. Create one per server with
 * {@link #create(MilvusClientOptions)}, share it across threads, and {@link #close()} it when done. Every call has a
 * deadline ({@link MilvusClientOptions#requestTimeout()} unless a view from {@link #withTimeout(Duration)} says
 * otherwise); transient failures are retried as {@link RetryOptions} say; failures are thrown as
 * {@link dev.milvusboot.client.exception.MilvusException}s.
 * <p>
 * The client connects lazily: creating it contacts no server, and the first call does the {@code Connect}
 * handshake. After a server restart the connections come back by themselves.
 */
public final class MilvusClient implements AutoCloseable {

	private final ClientCore core;

	private final CallSettings settings;

	private final boolean view;

	private MilvusClient(ClientCore core, CallSettings settings, boolean view) {
		this.core = core;
		this.settings = settings;
		this.view = view;
	}

	/**
	 * Creates a client; no connection is made until the first call.
	 * @param options the options
	 * @return the client
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

	/** The server's version, for example {@code v2.3.5} or {@code milvus_lite-3.2.2}. */
	public String serverVersion() {
		return this.core.serverVersion(this.settings);
	}

	/** Asks the server whether it is healthy. */
	public HealthStatus checkHealth() {
		CheckHealthResponse response = call(Rpc.of("checkHealth", null, MilvusServiceGrpc.getCheckHealthMethod(),
				CheckHealthRequest.getDefaultInstance(), CheckHealthResponse::getStatus));
		return new HealthStatus(response.getIsHealthy(), response.getReasonsList());
	}

	/** A snapshot of the connection pool: channels by state and calls in flight. */
	public PoolStatistics poolStatistics() {
		Map<ConnectivityState, Integer> states = this.core.pool().states();
		return new PoolStatistics(this.core.pool().size(), states.getOrDefault(ConnectivityState.READY, 0),
				states.getOrDefault(ConnectivityState.CONNECTING, 0), states.getOrDefault(ConnectivityState.IDLE, 0),
				states.getOrDefault(ConnectivityState.TRANSIENT_FAILURE, 0),
				states.getOrDefault(ConnectivityState.SHUTDOWN, 0), this.core.invoker().inFlight());
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
