package dev.milvusboot.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * Immutable settings of a {@link MilvusClient}: where to connect, credentials, database, deadlines, keepalive,
 * the channel pool, message sizes, retries and TLS. Every setting has a named default. {@link #toString()} never
 * shows the token or password. Over 300 lines because each of its twenty-odd settings is a field, an accessor and
 * a documented builder method; splitting them would scatter one value class.
 */
public final class MilvusClientOptions {

	/** Default time allowed to open a connection. */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	/** Default deadline of every call. */
	public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * Default keepalive ping interval. Milvus Lite (a gRPC-core server) drops clients that ping more often than
	 * every five minutes without data, so the default stays at that bound.
	 */
	public static final Duration DEFAULT_KEEP_ALIVE_TIME = Duration.ofMinutes(5);

	/** Default time to wait for a keepalive answer before the connection is considered dead. */
	public static final Duration DEFAULT_KEEP_ALIVE_TIMEOUT = Duration.ofSeconds(20);

	/** Default largest response accepted (256 MiB, the Milvus server's own send limit). */
	public static final int DEFAULT_MAX_INBOUND_MESSAGE_SIZE = Limits.DEFAULT_MAX_INBOUND_MESSAGE_SIZE;

	/** Default largest request sent; larger inserts are split into batches (64 MiB, Milvus 2.3's receive limit). */
	public static final int DEFAULT_MAX_REQUEST_SIZE = Limits.DEFAULT_MAX_REQUEST_SIZE;

	/** Default number of connections: one per core, at least two, at most eight. */
	/**
	 * The largest vector dimension a collection may have unless {@link Builder#maxVectorDimension(int)} says
	 * otherwise: Milvus's default limit ({@code proxy.maxDimension}), eight times that for binary vectors.
	 */
	public static final int DEFAULT_MAX_VECTOR_DIMENSION = Limits.DEFAULT_MAX_VECTOR_DIMENSION;

	public static final int DEFAULT_POOL_SIZE = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));

	private final MilvusEndpoint endpoint;

	private final String token;

	private final String username;

	private final String password;

	private final String database;

	private final Duration connectTimeout;

	private final Duration requestTimeout;

	private final Duration keepAliveTime;

	private final Duration keepAliveTimeout;

	private final boolean keepAliveWithoutCalls;

	private final int poolSize;

	private final int maxInboundMessageSize;

	private final int maxRequestSize;

	private final int maxVectorDimension;

	private final RetryOptions retry;

	private final SearchCoalescing searchCoalescing;

	private final FilterTemplates filterTemplates;

	private final Executor callbackExecutor;

	private final TlsOptions tls;

	private final List<MilvusCallListener> listeners;

	private MilvusClientOptions(Builder builder, MilvusEndpoint endpoint, TlsOptions tls) {
		this.endpoint = endpoint;
		this.token = builder.token;
		this.username = builder.username;
		this.password = builder.password;
		this.database = (builder.database != null) ? builder.database : endpoint.database();
		this.connectTimeout = builder.connectTimeout;
		this.requestTimeout = builder.requestTimeout;
		this.keepAliveTime = builder.keepAliveTime;
		this.keepAliveTimeout = builder.keepAliveTimeout;
		this.keepAliveWithoutCalls = builder.keepAliveWithoutCalls;
		this.poolSize = builder.poolSize;
		this.maxInboundMessageSize = builder.maxInboundMessageSize;
		this.maxRequestSize = builder.maxRequestSize;
		this.maxVectorDimension = builder.maxVectorDimension;
		this.retry = builder.retry;
		this.searchCoalescing = builder.searchCoalescing;
		this.filterTemplates = builder.filterTemplates;
		this.callbackExecutor = builder.callbackExecutor;
		this.tls = tls;
		this.listeners = List.copyOf(builder.listeners);
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Returns a builder holding these options, to derive changed options from. */
	public Builder toBuilder() {
		Builder builder = new Builder().host(this.endpoint.host())
			.port(this.endpoint.port())
			.token(this.token)
			.username(this.username)
			.password(this.password)
			.database(this.database)
			.connectTimeout(this.connectTimeout)
			.requestTimeout(this.requestTimeout)
			.keepAliveTime(this.keepAliveTime)
			.keepAliveTimeout(this.keepAliveTimeout)
			.keepAliveWithoutCalls(this.keepAliveWithoutCalls)
			.poolSize(this.poolSize)
			.maxInboundMessageSize(this.maxInboundMessageSize)
			.maxRequestSize(this.maxRequestSize)
			.maxVectorDimension(this.maxVectorDimension)
			.retry(this.retry)
			.searchCoalescing(this.searchCoalescing)
			.filterTemplates(this.filterTemplates)
			.callbackExecutor(this.callbackExecutor)
			.tls(this.tls);
		this.listeners.forEach(builder::listener);
		return builder;
	}

	/** The server to connect to. */
	public MilvusEndpoint endpoint() {
		return this.endpoint;
	}

	/** The token, or {@code null}. Never logged. */
	public String token() {
		return this.token;
	}

	/** The user name, or {@code null}. */
	public String username() {
		return this.username;
	}

	/** The password, or {@code null}. Never logged. */
	public String password() {
		return this.password;
	}

	/** Whether credentials are configured. */
	public boolean hasCredentials() {
		return this.token != null || this.username != null;
	}

	/** The database used by calls that name none, or {@code null} for the server's default database. */
	public String database() {
		return this.database;
	}

	public Duration connectTimeout() {
		return this.connectTimeout;
	}

	/** The deadline of each call unless the call sets its own. */
	public Duration requestTimeout() {
		return this.requestTimeout;
	}

	public Duration keepAliveTime() {
		return this.keepAliveTime;
	}

	public Duration keepAliveTimeout() {
		return this.keepAliveTimeout;
	}

	public boolean keepAliveWithoutCalls() {
		return this.keepAliveWithoutCalls;
	}

	/** The number of gRPC channels (separate HTTP/2 connections) used round-robin. */
	public int poolSize() {
		return this.poolSize;
	}

	public int maxInboundMessageSize() {
		return this.maxInboundMessageSize;
	}

	/** The largest request the client sends; larger inserts and upserts are split into batches. */
	public int maxRequestSize() {
		return this.maxRequestSize;
	}

	/** The largest vector dimension of a collection this client creates (eight times that for binary vectors). */
	public int maxVectorDimension() {
		return this.maxVectorDimension;
	}

	public RetryOptions retry() {
		return this.retry;
	}

	/** How concurrent searches of the same shape are combined into one request. */
	public SearchCoalescing searchCoalescing() {
		return this.searchCoalescing;
	}

	/** How filter parameters reach the server ({@link FilterTemplates#DETECT} unless set). */
	public FilterTemplates filterTemplates() {
		return this.filterTemplates;
	}

	/**
	 * Where the results of asynchronous and reactive commands are handed over, or {@code null} (the default) to
	 * complete them on the client's transport threads (keep callbacks short there, or set an executor).
	 */
	public Executor callbackExecutor() {
		return this.callbackExecutor;
	}

	/** TLS settings, or {@code null} for plaintext. */
	public TlsOptions tls() {
		return this.tls;
	}

	/** Listeners told of every call, for metrics and tracing. */
	public List<MilvusCallListener> listeners() {
		return this.listeners;
	}

	@Override
	public String toString() {
		return "MilvusClientOptions[endpoint=" + this.endpoint.address() + ", secure=" + (this.tls != null)
				+ ", database=" + this.database + ", username=" + this.username + ", token="
				+ ((this.token != null) ? "******" : null) + ", password=" + ((this.password != null) ? "******" : null)
				+ ", connectTimeout=" + this.connectTimeout + ", requestTimeout=" + this.requestTimeout
				+ ", keepAliveTime=" + this.keepAliveTime + ", poolSize=" + this.poolSize + ", maxInboundMessageSize="
				+ this.maxInboundMessageSize + ", maxRequestSize=" + this.maxRequestSize + ", retry=" + this.retry
				+ ", searchCoalescing=" + this.searchCoalescing + ", filterTemplates=" + this.filterTemplates + ", tls=" + this.tls + "]";
	}

	/** Builds {@link MilvusClientOptions}; validation happens in {@link #build()}. */
	public static final class Builder {

		private String uri;

		private String host = MilvusEndpoint.DEFAULT_HOST;

		private int port = MilvusEndpoint.DEFAULT_PORT;

		private String token;

		private String username;

		private String password;

		private String database;

		private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

		private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;

		private Duration keepAliveTime = DEFAULT_KEEP_ALIVE_TIME;

		private Duration keepAliveTimeout = DEFAULT_KEEP_ALIVE_TIMEOUT;

		private boolean keepAliveWithoutCalls;

		private int poolSize = DEFAULT_POOL_SIZE;

		private int maxInboundMessageSize = DEFAULT_MAX_INBOUND_MESSAGE_SIZE;

		private int maxRequestSize = DEFAULT_MAX_REQUEST_SIZE;

		private int maxVectorDimension = DEFAULT_MAX_VECTOR_DIMENSION;

		private RetryOptions retry = RetryOptions.DEFAULTS;

		private SearchCoalescing searchCoalescing = SearchCoalescing.DEFAULTS;

		private FilterTemplates filterTemplates = FilterTemplates.DETECT;

		private Executor callbackExecutor;

		private TlsOptions tls;

		private final List<MilvusCallListener> listeners = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Connects to this URI ({@code http://host:port}, {@code https://host:port}, {@code tcp://host:port}, with an
		 * optional {@code /database}); wins over {@link #host(String)} and {@link #port(int)}.
		 */
		public Builder uri(String uri) {
			this.uri = uri;
			return this;
		}

		public Builder host(String host) {
			this.host = host;
			return this;
		}

		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/** Authenticates with this token (or {@code user:password}); wins over username and password. */
		public Builder token(String token) {
			this.token = blankToNull(token);
			return this;
		}

		public Builder username(String username) {
			this.username = blankToNull(username);
			return this;
		}

		public Builder password(String password) {
			this.password = password;
			return this;
		}

		/** Uses this database for calls that name none; wins over a database in the URI. */
		public Builder database(String database) {
			this.database = blankToNull(database);
			return this;
		}

		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
			return this;
		}

		public Builder requestTimeout(Duration requestTimeout) {
			this.requestTimeout = requestTimeout;
			return this;
		}

		public Builder keepAliveTime(Duration keepAliveTime) {
			this.keepAliveTime = keepAliveTime;
			return this;
		}

		public Builder keepAliveTimeout(Duration keepAliveTimeout) {
			this.keepAliveTimeout = keepAliveTimeout;
			return this;
		}

		public Builder keepAliveWithoutCalls(boolean keepAliveWithoutCalls) {
			this.keepAliveWithoutCalls = keepAliveWithoutCalls;
			return this;
		}

		public Builder poolSize(int poolSize) {
			this.poolSize = poolSize;
			return this;
		}

		public Builder maxInboundMessageSize(int bytes) {
			this.maxInboundMessageSize = bytes;
			return this;
		}

		public Builder maxRequestSize(int bytes) {
			this.maxRequestSize = bytes;
			return this;
		}

		/**
		 * The largest vector dimension of a collection the client creates ({@link #DEFAULT_MAX_VECTOR_DIMENSION}
		 * unless set; eight times that for binary vectors): a larger one is refused before anything is sent, as
		 * Milvus refuses it by default, even where a server (Milvus Lite) accepts it. Set the limit of your
		 * servers' {@code proxy.maxDimension} if raised, or {@link Integer#MAX_VALUE} to leave the check to the
		 * server.
		 */
		public Builder maxVectorDimension(int maxVectorDimension) {
			this.maxVectorDimension = maxVectorDimension;
			return this;
		}

		public Builder retry(RetryOptions retry) {
			this.retry = Objects.requireNonNull(retry, "retry");
			return this;
		}

		/**
		 * How concurrent searches of the same shape are combined ({@link SearchCoalescing#DEFAULTS} unless set;
		 * {@link SearchCoalescing#DISABLED} sends every search on its own).
		 */
		public Builder searchCoalescing(SearchCoalescing searchCoalescing) {
			this.searchCoalescing = Objects.requireNonNull(searchCoalescing, "searchCoalescing");
			return this;
		}

		/**
		 * How the parameters of filters reach the server: {@link FilterTemplates#DETECT} (the default) asks the
		 * server once, {@link FilterTemplates#ALWAYS} sends Milvus filter templates (Milvus 2.5+),
		 * {@link FilterTemplates#NEVER} renders escaped literals.
		 */
		public Builder filterTemplates(FilterTemplates filterTemplates) {
			this.filterTemplates = Objects.requireNonNull(filterTemplates, "filterTemplates");
			return this;
		}

		/**
		 * Completes the futures of asynchronous and reactive commands on this executor (for example an
		 * application's own pool), so that callbacks never run on the client's transport threads; {@code null}
		 * (the default) completes them where the answer arrives.
		 */
		public Builder callbackExecutor(Executor callbackExecutor) {
			this.callbackExecutor = callbackExecutor;
			return this;
		}

		/** Uses TLS with these settings; {@code null} for plaintext (unless the URI is {@code https}). */
		public Builder tls(TlsOptions tls) {
			this.tls = tls;
			return this;
		}

		/** Adds a listener told of every call. */
		public Builder listener(MilvusCallListener listener) {
			this.listeners.add(Objects.requireNonNull(listener, "listener"));
			return this;
		}

		/**
		 * Validates and builds the options.
		 * @throws dev.milvusboot.client.exception.MilvusInvalidArgumentException naming the setting that is wrong
		 */
		public MilvusClientOptions build() {
			MilvusEndpoint endpoint = (this.uri != null && !this.uri.isBlank()) ? MilvusEndpoint.parse(this.uri)
					: new MilvusEndpoint(this.host, this.port, false, null);
			Durations.requirePositive(this.connectTimeout, "connectTimeout");
			Durations.requirePositive(this.requestTimeout, "requestTimeout");
			Durations.requirePositive(this.keepAliveTime, "keepAliveTime");
			Durations.requirePositive(this.keepAliveTimeout, "keepAliveTimeout");
			if (this.poolSize < 1 || this.poolSize > 64) {
				throw new MilvusInvalidArgumentException("poolSize must be between 1 and 64, but was " + this.poolSize);
			}
			if (this.maxInboundMessageSize < 1024) {
				throw new MilvusInvalidArgumentException(
						"maxInboundMessageSize must be at least 1024 bytes, but was " + this.maxInboundMessageSize);
			}
			if (this.maxRequestSize < 1024) {
				throw new MilvusInvalidArgumentException(
						"maxRequestSize must be at least 1024 bytes, but was " + this.maxRequestSize);
			}
			if (this.maxVectorDimension < 1) {
				throw new MilvusInvalidArgumentException(
						"maxVectorDimension must be at least 1, but was " + this.maxVectorDimension);
			}
			if (this.token == null && (this.username == null) != (this.password == null)) {
				throw new MilvusInvalidArgumentException(
						"Both username and password are needed for authentication; only the "
								+ ((this.username != null) ? "username" : "password") + " was given");
			}
			TlsOptions tls = (this.tls == null && endpoint.secure()) ? TlsOptions.defaults() : this.tls;
			return new MilvusClientOptions(this, endpoint, tls);
		}

		private static String blankToNull(String value) {
			return (value == null || value.isBlank()) ? null : value;
		}

	}

}
