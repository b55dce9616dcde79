package dev.milvusboot.client.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.PoolStatistics;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusUnsupportedException;
import dev.milvusboot.client.internal.proto.ClientInfo;
import dev.milvusboot.client.internal.proto.ConnectRequest;
import dev.milvusboot.client.internal.proto.ConnectResponse;
import dev.milvusboot.client.internal.proto.GetVersionRequest;
import dev.milvusboot.client.internal.proto.GetVersionResponse;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;
import dev.milvusboot.client.internal.transport.CallSettings;
import dev.milvusboot.client.internal.transport.ChannelPool;
import dev.milvusboot.client.internal.transport.HeadersInterceptor;
import dev.milvusboot.client.internal.transport.Rpc;
import dev.milvusboot.client.internal.transport.RpcInvoker;
import dev.milvusboot.client.internal.transport.TlsFiles;

/**
 * The shared machinery of a client and of its views ({@code withDatabase}, {@code withTimeout}): the channel pool,
 * the headers, the invoker and the one-time {@code Connect} handshake. Internal API.
 * <p>
 * The gRPC side (headers, channel pool, invoker) is only built by the first call, so creating a client loads no
 * gRPC or Netty class and starts no thread; closing a client that never called anything builds nothing.
 */
public final class ClientCore implements AutoCloseable {

	/** The SDK name sent in the {@code Connect} handshake. */
	public static final String SDK_TYPE = "Java (milvus-boot)";

	private final MilvusClientOptions options;

	private final Object transportLock = new Object();

	private volatile Transport transport;

	private volatile boolean closed;

	private final Object handshakeLock = new Object();

	private final SchemaCache schemas = new SchemaCache();

	private volatile SearchCoalescer searches;

	private volatile String serverVersion;

	/**
	 * Creates the core of a client; no channel is built until the first call. TLS certificate and key files are
	 * checked here, so that a bad one is reported when the client is created rather than by its first call.
	 * @param options the options
	 */
	public ClientCore(MilvusClientOptions options) {
		this.options = options;
		if (options.tls() != null) {
			TlsFiles.check(options.tls());
		}
	}

	public MilvusClientOptions options() {
		return this.options;
	}

	/**
	 * A snapshot of the pool without connecting. Before the first call the channels are counted as idle (they
	 * would connect on demand), after closing as shut down.
	 */
	public PoolStatistics poolStatistics() {
		Transport transport = this.transport;
		if (transport == null) {
			int size = this.options.poolSize();
			return this.closed ? new PoolStatistics(size, 0, 0, 0, 0, size, 0)
					: new PoolStatistics(size, 0, 0, size, 0, 0, 0);
		}
		return transport.pool.statistics(transport.invoker.inFlight());
	}

	/**
	 * The gRPC side, built by the first call (thread-safe). A client closed before would build nothing: the call
	 * fails as on any closed client.
	 */
	private Transport transport(Rpc<?, ?> rpc) {
		Transport transport = this.transport;
		if (transport == null) {
			synchronized (this.transportLock) {
				transport = this.transport;
				if (transport == null) {
					if (this.closed) {
						throw RpcInvoker.closedException(rpc);
					}
					transport = new Transport(this.options);
					this.transport = transport;
				}
			}
		}
		return transport;
	}

	/** The schemas and last-write timestamps of the collections used. */
	public SchemaCache schemas() {
		return this.schemas;
	}

	/** Sends searches, combining concurrent ones of the same shape (made by the first search). */
	public SearchCoalescer searches() {
		SearchCoalescer searches = this.searches;
		if (searches == null) {
			synchronized (this.transportLock) {
				searches = this.searches;
				if (searches == null) {
					searches = new SearchCoalescer(this, this.options.searchCoalescing());
					this.searches = searches;
				}
			}
		}
		return searches;
	}

	/** The settings calls use unless a view changes them. */
	public CallSettings defaultSettings() {
		return new CallSettings(this.options.requestTimeout(), this.options.database(), this.options.retry());
	}

	/**
	 * Sends a call, after the handshake if it has not been done yet.
	 * @param <Q> the request type
	 * @param <R> the response type
	 * @param rpc the call
	 * @param settings its settings
	 * @return the response
	 */
	public <Q, R> R call(Rpc<Q, R> rpc, CallSettings settings) {
		ensureConnected(settings);
		return transport(rpc).invoker.call(rpc, settings);
	}

	/**
	 * Sends a call without blocking; the handshake, if still due, is done first on the calling thread.
	 * @param <Q> the request type
	 * @param <R> the response type
	 * @param rpc the call
	 * @param settings its settings
	 * @return the future response
	 */
	public <Q, R> CompletableFuture<R> callAsync(Rpc<Q, R> rpc, CallSettings settings) {
		Transport transport;
		try {
			ensureConnected(settings);
			transport = transport(rpc);
		}
		catch (MilvusException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		return transport.invoker.callAsync(rpc, settings);
	}

	/**
	 * The server's version, asking it (and connecting) if not known yet: what {@code GetVersion} answers, else the
	 * build tags of {@code Connect}'s server info, else {@link MilvusClient#UNKNOWN_SERVER_VERSION}.
	 * @throws dev.milvusboot.client.exception.MilvusClientClosedException if the client is closed
	 */
	public String serverVersion(CallSettings settings) {
		if (this.closed) {
			throw RpcInvoker.closedException(getVersionRpc());
		}
		ensureConnected(settings);
		return this.serverVersion;
	}

	/**
	 * Does the handshake once: {@code Connect} tells the server who we are and takes the identifier it hands out for
	 * later calls, {@code GetVersion} reads the server version. A server answering either call gRPC
	 * {@code UNIMPLEMENTED} (Milvus before 2.2.9 has no {@code Connect}, Milvus Lite 2.5 no {@code GetVersion}) is
	 * served all the same: the version is then what {@code Connect} told, or
	 * {@link MilvusClient#UNKNOWN_SERVER_VERSION}. A handshake that failed otherwise is tried again by the next call.
	 */
	private void ensureConnected(CallSettings settings) {
		if (this.serverVersion != null) {
			return;
		}
		synchronized (this.handshakeLock) {
			if (this.serverVersion != null) {
				return;
			}
			CallSettings handshake = settings.withTimeout(min(settings.timeout(), this.options.connectTimeout()));
			String buildTags = "";
			try {
				ConnectRequest request = ConnectRequest.newBuilder()
					.setClientInfo(ClientInfo.newBuilder()
						.setSdkType(SDK_TYPE)
						.setSdkVersion(ClientVersion.get())
						.setUser((this.options.username() != null) ? this.options.username() : "")
						.setHost(localHostName())
						.setLocalTime(java.time.OffsetDateTime.now().toString()))
					.build();
				Rpc<ConnectRequest, ConnectResponse> connect = Rpc.of("connect", null,
						MilvusServiceGrpc.getConnectMethod(), request, ConnectResponse::getStatus);
				Transport transport = transport(connect);
				ConnectResponse response = transport.invoker.call(connect, handshake);
				transport.headers.identifier(response.getIdentifier());
				buildTags = response.getServerInfo().getBuildTags();
			}
			catch (MilvusUnsupportedException ex) {
				// Servers older than 2.2.9 have no Connect; calls work without it.
			}
			String version;
			try {
				Rpc<GetVersionRequest, GetVersionResponse> getVersion = getVersionRpc();
				version = transport(getVersion).invoker.call(getVersion, handshake).getVersion();
			}
			catch (MilvusUnsupportedException ex) {
				// Milvus Lite 2.5 has no GetVersion; calls work without it.
				version = "";
			}
			String tags = buildTags.isBlank() ? "" : " (" + buildTags + ")";
			if (version.isBlank()) {
				version = buildTags.isBlank() ? MilvusClient.UNKNOWN_SERVER_VERSION : buildTags;
				tags = "";
			}
			String described = MilvusClient.UNKNOWN_SERVER_VERSION.equals(version)
					? "(version unknown: the server tells none)" : version + tags;
			Logger logger = System.getLogger("dev.milvusboot.client.MilvusClient");
			logger.log(Level.INFO, () -> "Connected to Milvus " + described + " at " + this.options.endpoint().address()
					+ " (database " + ((this.options.database() != null) ? this.options.database() : "default")
					+ ", " + this.options.poolSize() + " connections" + (this.options.tls() != null ? ", TLS" : "")
					+ ")");
			this.serverVersion = version;
		}
	}

	private static Rpc<GetVersionRequest, GetVersionResponse> getVersionRpc() {
		return Rpc.of("getVersion", null, MilvusServiceGrpc.getGetVersionMethod(),
				GetVersionRequest.getDefaultInstance(), GetVersionResponse::getStatus);
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static String localHostName() {
		try {
			return java.net.InetAddress.getLocalHost().getHostName();
		}
		catch (java.io.IOException | SecurityException ex) {
			return "";
		}
	}

	/** Whether {@link #close()} was called. */
	public boolean isClosed() {
		return this.closed;
	}

	@Override
	public void close() {
		Transport transport;
		synchronized (this.transportLock) {
			this.closed = true;
			transport = this.transport;
		}
		if (transport != null) {
			transport.invoker.close();
			transport.pool.close();
		}
		SearchCoalescer searches = this.searches;
		if (searches != null) {
			searches.close();
		}
	}

	/** The gRPC side of a client: its headers, channel pool and invoker. */
	private static final class Transport {

		private final HeadersInterceptor headers;

		private final ChannelPool pool;

		private final RpcInvoker invoker;

		/**
		 * Netty 4.2's Java Flight Recorder events (in grpc-netty-shaded): 0.6 MB of heap and 135 classes for
		 * events nobody records by default. Off unless the application sets the property itself.
		 */
		private static final String NETTY_JFR = "io.grpc.netty.shaded.io.netty.jfr.enabled";

		Transport(MilvusClientOptions options) {
			if (System.getProperty(NETTY_JFR) == null) {
				System.setProperty(NETTY_JFR, "false");
			}
			this.headers = new HeadersInterceptor(options);
			this.pool = new ChannelPool(options, this.headers);
			this.invoker = new RpcInvoker(this.pool, options.endpoint(), options.listeners());
		}

	}

}
