package dev.milvusboot.client.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Supplier;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.PoolStatistics;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.internal.codec.SearchResponse;
import dev.milvusboot.client.internal.proto.SearchRequest;
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

	private final Handshake handshake;

	private final SchemaCache schemas = new SchemaCache();

	private final FilterTemplateSupport filterTemplates;

	private volatile SearchCoalescer searches;


	private volatile ScheduledExecutorService scheduler;

	/**
	 * Creates the core of a client; no channel is built until the first call. TLS certificate and key files are
	 * checked here, so that a bad one is reported when the client is created rather than by its first call.
	 * @param options the options
	 */
	public ClientCore(MilvusClientOptions options) {
		this.options = options;
		this.filterTemplates = new FilterTemplateSupport(options.filterTemplates());
		this.handshake = new Handshake(options, new Handshake.Link() {

			@Override
			public <Q, R> CompletableFuture<R> callAsync(Rpc<Q, R> rpc, CallSettings settings) {
				return sendAsync(rpc, settings);
			}

			@Override
			public void identifier(long identifier) {
				ClientCore.this.transport.headers.identifier(identifier);
			}

		});
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
					transport = new Transport(this.options, this::scheduler);
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

	/** Whether the server takes filter templates, as far as known. */
	public FilterTemplateSupport filterTemplates() {
		return this.filterTemplates;
	}

	/** Sends searches, combining concurrent ones of the same shape (made by the first search). */
	public SearchCoalescer searches() {
		SearchCoalescer searches = this.searches;
		if (searches == null) {
			synchronized (this.transportLock) {
				searches = this.searches;
				if (searches == null) {
					searches = new SearchCoalescer(new SearchCoalescer.SearchSender() {

						@Override
						public SearchResponse send(Rpc<SearchRequest, SearchResponse> rpc, CallSettings settings) {
							return call(rpc, settings);
						}

						@Override
						public CompletableFuture<SearchResponse> sendAsync(Rpc<SearchRequest, SearchResponse> rpc,
								CallSettings settings) {
							return callAsync(rpc, settings);
						}

					}, this.options.searchCoalescing(), this.options.endpoint().address());
					this.searches = searches;
				}
			}
		}
		return searches;
	}

	/**
	 * Runs the client's timed work: the deadlines and retry backoffs of asynchronous calls and the polls of operations that wait for
	 * the server (loading, index builds), so that no caller's thread sleeps in an asynchronous operation. One daemon thread, made by the first use and
	 * stopped by {@link #close()}.
	 */
	public ScheduledExecutorService scheduler() {
		ScheduledExecutorService scheduler = this.scheduler;
		if (scheduler == null) {
			synchronized (this.transportLock) {
				scheduler = this.scheduler;
				if (scheduler == null) {
					ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, (task) -> {
						Thread thread = new Thread(task, "milvus-scheduler");
						thread.setDaemon(true);
						return thread;
					});
					// Every asynchronous call's deadline is a timer here, cancelled when the call ends: drop it then.
					timers.setRemoveOnCancelPolicy(true);
					scheduler = timers;
					this.scheduler = scheduler;
				}
			}
		}
		return scheduler;
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
		this.handshake.ensureConnected(settings);
		DatabasePlacement.check(rpc, settings, this.handshake.serverVersion());
		return transport(rpc).invoker.call(rpc, settings);
	}

	/**
	 * Sends a call without blocking; the handshake, if still due, is done first, also without blocking.
	 * @param <Q> the request type
	 * @param <R> the response type
	 * @param rpc the call
	 * @param settings its settings
	 * @return the future response
	 */
	public <Q, R> CompletableFuture<R> callAsync(Rpc<Q, R> rpc, CallSettings settings) {
		if (this.handshake.serverVersion() != null) {
			return sendAsync(rpc, settings);
		}
		return this.handshake.handshake(settings).thenCompose((version) -> sendAsync(rpc, settings));
	}

	private <Q, R> CompletableFuture<R> sendAsync(Rpc<Q, R> rpc, CallSettings settings) {
		try {
			DatabasePlacement.check(rpc, settings, this.handshake.serverVersion());
			return transport(rpc).invoker.callAsync(rpc, settings);
		}
		catch (MilvusException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}


	/**
	 * The server's version, asking it (and connecting) if not known yet: what {@code GetVersion} answers, else the
	 * build tags of {@code Connect}'s server info, else {@link MilvusClient#UNKNOWN_SERVER_VERSION}.
	 * @throws dev.milvusboot.client.exception.MilvusClientClosedException if the client is closed
	 */
	public String serverVersion(CallSettings settings) {
		if (this.closed) {
			throw RpcInvoker.closedException(Handshake.getVersionRpc());
		}
		this.handshake.ensureConnected(settings);
		return this.handshake.serverVersion();
	}

	/** The server's version if the handshake is done, else {@code null}; never blocks nor calls. */
	public String knownServerVersion() {
		return this.handshake.serverVersion();
	}

	/**
	 * The server's version, after the handshake if it is still due (without blocking).
	 * @param settings the settings of the handshake's calls
	 * @return the version, {@link dev.milvusboot.client.MilvusClient#UNKNOWN_SERVER_VERSION} for a server that
	 * tells none
	 */
	public CompletableFuture<String> serverVersionAsync(CallSettings settings) {
		String known = this.handshake.serverVersion();
		return (known != null) ? CompletableFuture.completedFuture(known) : this.handshake.handshake(settings);
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
		ScheduledExecutorService scheduler = this.scheduler;
		if (scheduler != null) {
			// Waiting retries and polls run now: they find the client closed and fail their operations, so no
			// future is left incomplete.
			scheduler.shutdownNow().forEach(Runnable::run);
		}
	}

	/** The gRPC side of a client: its headers, channel pool and invoker. */
	private static final class Transport {

		private final HeadersInterceptor headers;

		private final ChannelPool pool;

		private final RpcInvoker invoker;

		Transport(MilvusClientOptions options, Supplier<ScheduledExecutorService> scheduler) {
			this.headers = new HeadersInterceptor(options);
			this.pool = new ChannelPool(options, this.headers);
			this.invoker = new RpcInvoker(this.pool, options.endpoint(), options.listeners(), scheduler);
		}

	}

}
