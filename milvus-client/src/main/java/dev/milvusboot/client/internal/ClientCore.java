package dev.milvusboot.client.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.milvusboot.client.MilvusClientOptions;
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

/**
 * The shared machinery of a client and of its views ({@code withDatabase}, {@code withTimeout}): the channel pool,
 * the headers, the invoker and the one-time {@code Connect} handshake. Internal API.
 */
public final class ClientCore implements AutoCloseable {

	private static final Logger logger = System.getLogger("dev.milvusboot.client.MilvusClient");

	/** The SDK name sent in the {@code Connect} handshake. */
	public static final String SDK_TYPE = "Java (milvus-boot)";

	private final MilvusClientOptions options;

	private final HeadersInterceptor headers;

	private final ChannelPool pool;

	private final RpcInvoker invoker;

	private final Object handshakeLock = new Object();

	private final SchemaCache schemas = new SchemaCache();

	private final SearchCoalescer searches;

	private volatile String serverVersion;

	public ClientCore(MilvusClientOptions options) {
		this.options = options;
		this.headers = new HeadersInterceptor(options);
		this.pool = new ChannelPool(options, this.headers);
		this.invoker = new RpcInvoker(this.pool, options.endpoint(), options.listeners());
		this.searches = new SearchCoalescer(this, options.searchCoalescing());
	}

	public MilvusClientOptions options() {
		return this.options;
	}

	public ChannelPool pool() {
		return this.pool;
	}

	public RpcInvoker invoker() {
		return this.invoker;
	}

	/** The schemas and last-write timestamps of the collections used. */
	public SchemaCache schemas() {
		return this.schemas;
	}

	/** Sends searches, combining concurrent ones of the same shape. */
	public SearchCoalescer searches() {
		return this.searches;
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
		return this.invoker.call(rpc, settings);
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
		try {
			ensureConnected(settings);
		}
		catch (MilvusException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		return this.invoker.callAsync(rpc, settings);
	}

	/** The server's version, asking it (and connecting) if not known yet. */
	public String serverVersion(CallSettings settings) {
		ensureConnected(settings);
		return this.serverVersion;
	}

	/**
	 * Does the {@code Connect} handshake once: it tells the server who we are, takes the identifier the server
	 * hands out for later calls, and reads the server version. A failed handshake is tried again by the next call.
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
				ConnectResponse response = this.invoker.call(Rpc.of("connect", null,
						MilvusServiceGrpc.getConnectMethod(), request, ConnectResponse::getStatus), handshake);
				this.headers.identifier(response.getIdentifier());
				buildTags = response.getServerInfo().getBuildTags();
			}
			catch (MilvusUnsupportedException ex) {
				// Servers older than 2.2.9 have no Connect; calls work without it.
			}
			GetVersionResponse version = this.invoker.call(Rpc.of("getVersion", null,
					MilvusServiceGrpc.getGetVersionMethod(), GetVersionRequest.getDefaultInstance(),
					GetVersionResponse::getStatus), handshake);
			this.serverVersion = version.getVersion();
			String tags = buildTags.isEmpty() ? "" : " (" + buildTags + ")";
			logger.log(Level.INFO, () -> "Connected to Milvus " + version.getVersion() + tags + " at " + this.options.endpoint().address()
					+ " (database " + ((this.options.database() != null) ? this.options.database() : "default")
					+ ", " + this.options.poolSize() + " connections" + (this.options.tls() != null ? ", TLS" : "")
					+ ")");
		}
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
		return this.invoker.isClosed();
	}

	@Override
	public void close() {
		this.invoker.close();
		this.pool.close();
	}

}
