package dev.milvusboot.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the Milvus client ({@code milvus.*}). The server is named either by {@code uri} or by
 * {@code host} and {@code port}; authentication is either a {@code token} or a {@code username} and
 * {@code password}. {@link #toString()} never shows the token or password. Its length is its properties' fields,
 * accessors and the javadoc that becomes the configuration metadata.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("milvus")
public class MilvusProperties {

	/**
	 * Default port of a Milvus server.
	 */
	public static final int DEFAULT_PORT = 19530;

	/**
	 * Milvus server URI, such as 'http://localhost:19530', 'https://host:443' (TLS) or 'http://host:19530/db'
	 * (with a database). When set, 'host' and 'port' are ignored.
	 */
	private @Nullable String uri;

	/**
	 * Milvus server host. Ignored if 'uri' is set.
	 */
	private String host = "localhost";

	/**
	 * Milvus server port. Ignored if 'uri' is set.
	 */
	private int port = DEFAULT_PORT;

	/**
	 * Authentication token: an API key, or 'user:password'. Takes precedence over 'username' and 'password'.
	 */
	private @Nullable String token;

	/**
	 * Login user of the Milvus server.
	 */
	private @Nullable String username;

	/**
	 * Login password of the Milvus server.
	 */
	private @Nullable String password;

	/**
	 * Database used by calls that name none. Defaults to the database in the URI, else the server's default
	 * database.
	 */
	private @Nullable String database;

	/**
	 * Time allowed to open a connection and do the handshake.
	 */
	private Duration connectTimeout = Duration.ofSeconds(10);

	/**
	 * Deadline of each call, retries included, unless the call sets its own.
	 */
	private Duration requestTimeout = Duration.ofSeconds(30);

	/**
	 * Number of gRPC connections, used round-robin. Defaults to the number of processors, between 2 and 8.
	 */
	private @Nullable Integer poolSize;

	/**
	 * Largest response accepted from the server.
	 */
	private DataSize maxInboundMessageSize = DataSize.ofMegabytes(256);

	/**
	 * Largest request sent to the server; larger inserts and upserts are split into batches.
	 */
	private DataSize maxRequestSize = DataSize.ofMegabytes(64);

	private final KeepAlive keepAlive = new KeepAlive();

	private final Retry retry = new Retry();

	private final SearchCoalescing searchCoalescing = new SearchCoalescing();

	private final Ssl ssl = new Ssl();

	public @Nullable String getUri() {
		return this.uri;
	}

	public void setUri(@Nullable String uri) {
		this.uri = uri;
	}

	public String getHost() {
		return this.host;
	}

	public void setHost(String host) {
		this.host = host;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		this.port = port;
	}

	public @Nullable String getToken() {
		return this.token;
	}

	public void setToken(@Nullable String token) {
		this.token = token;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public @Nullable String getDatabase() {
		return this.database;
	}

	public void setDatabase(@Nullable String database) {
		this.database = database;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getRequestTimeout() {
		return this.requestTimeout;
	}

	public void setRequestTimeout(Duration requestTimeout) {
		this.requestTimeout = requestTimeout;
	}

	public @Nullable Integer getPoolSize() {
		return this.poolSize;
	}

	public void setPoolSize(@Nullable Integer poolSize) {
		this.poolSize = poolSize;
	}

	public DataSize getMaxInboundMessageSize() {
		return this.maxInboundMessageSize;
	}

	public void setMaxInboundMessageSize(DataSize maxInboundMessageSize) {
		this.maxInboundMessageSize = maxInboundMessageSize;
	}

	public DataSize getMaxRequestSize() {
		return this.maxRequestSize;
	}

	public void setMaxRequestSize(DataSize maxRequestSize) {
		this.maxRequestSize = maxRequestSize;
	}

	public KeepAlive getKeepAlive() {
		return this.keepAlive;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public SearchCoalescing getSearchCoalescing() {
		return this.searchCoalescing;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	@Override
	public String toString() {
		return "MilvusProperties[uri=" + this.uri + ", host=" + this.host + ", port=" + this.port + ", token="
				+ mask(this.token) + ", username=" + this.username + ", password=" + mask(this.password)
				+ ", database=" + this.database + ", connectTimeout=" + this.connectTimeout + ", requestTimeout="
				+ this.requestTimeout + ", poolSize=" + this.poolSize + ", maxInboundMessageSize="
				+ this.maxInboundMessageSize + ", maxRequestSize=" + this.maxRequestSize + ", keepAlive="
				+ this.keepAlive + ", retry=" + this.retry + ", searchCoalescing=" + this.searchCoalescing + ", ssl=" + this.ssl + "]";
	}

	static @Nullable String mask(@Nullable String secret) {
		return (secret != null) ? "******" : null;
	}

	/**
	 * Keepalive pings that detect dead connections.
	 */
	public static class KeepAlive {

		/**
		 * Interval between keepalive pings. Milvus Lite drops clients that ping more often than every 5 minutes
		 * without calls in progress.
		 */
		private Duration time = Duration.ofMinutes(5);

		/**
		 * Time to wait for a keepalive answer before the connection is considered dead.
		 */
		private Duration timeout = Duration.ofSeconds(20);

		/**
		 * Whether to send keepalive pings when no call is in progress.
		 */
		private boolean withoutCalls;

		public Duration getTime() {
			return this.time;
		}

		public void setTime(Duration time) {
			this.time = time;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public boolean isWithoutCalls() {
			return this.withoutCalls;
		}

		public void setWithoutCalls(boolean withoutCalls) {
			this.withoutCalls = withoutCalls;
		}

		@Override
		public String toString() {
			return "[time=" + this.time + ", timeout=" + this.timeout + ", withoutCalls=" + this.withoutCalls + "]";
		}

	}

	/**
	 * Retries of transient failures (server unavailable, not ready or rate limited), with exponential backoff and
	 * jitter.
	 */
	public static class Retry {

		/**
		 * Number of attempts in all, the first included. 1 disables retries.
		 */
		private int maxAttempts = 5;

		/**
		 * Wait before the first retry.
		 */
		private Duration initialBackoff = Duration.ofMillis(100);

		/**
		 * Longest wait between two attempts.
		 */
		private Duration maxBackoff = Duration.ofSeconds(3);

		/**
		 * Factor by which the wait grows after each retry.
		 */
		private double multiplier = 2.0;

		/**
		 * Total time after which no further attempt is started.
		 */
		private Duration maxElapsed = Duration.ofSeconds(30);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxElapsed() {
			return this.maxElapsed;
		}

		public void setMaxElapsed(Duration maxElapsed) {
			this.maxElapsed = maxElapsed;
		}

		@Override
		public String toString() {
			return "[maxAttempts=" + this.maxAttempts + ", initialBackoff=" + this.initialBackoff + ", maxBackoff="
					+ this.maxBackoff + ", multiplier=" + this.multiplier + ", maxElapsed=" + this.maxElapsed + "]";
		}

	}

	/**
	 * Combining concurrent searches of the same shape (collection, filter, parameters, top-k, output fields) into
	 * one request once enough of them are in flight. Each caller still gets exactly its own hits.
	 */
	public static class SearchCoalescing {

		/**
		 * Whether concurrent searches of the same shape are combined.
		 */
		private boolean enabled = true;

		/**
		 * Requests of one shape in flight before further searches wait to be combined.
		 */
		private int maxConcurrentRequests = dev.milvusboot.client.SearchCoalescing.DEFAULT_MAX_CONCURRENT_REQUESTS;

		/**
		 * Most query vectors in one combined request.
		 */
		private int maxQueriesPerRequest = dev.milvusboot.client.SearchCoalescing.DEFAULT_MAX_QUERIES_PER_REQUEST;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxConcurrentRequests() {
			return this.maxConcurrentRequests;
		}

		public void setMaxConcurrentRequests(int maxConcurrentRequests) {
			this.maxConcurrentRequests = maxConcurrentRequests;
		}

		public int getMaxQueriesPerRequest() {
			return this.maxQueriesPerRequest;
		}

		public void setMaxQueriesPerRequest(int maxQueriesPerRequest) {
			this.maxQueriesPerRequest = maxQueriesPerRequest;
		}

		@Override
		public String toString() {
			return "[enabled=" + this.enabled + ", maxConcurrentRequests=" + this.maxConcurrentRequests
					+ ", maxQueriesPerRequest=" + this.maxQueriesPerRequest + "]";
		}

	}

	/**
	 * TLS to the server.
	 */
	public static class Ssl {

		/**
		 * Whether to use TLS. Enabled automatically if 'bundle' is set or the URI uses https, unless set to
		 * false.
		 */
		private @Nullable Boolean enabled;

		/**
		 * SSL bundle (spring.ssl.bundle.*) with the certificates to trust and, for mutual TLS, the client key.
		 * Without a bundle the JVM's default trust store is used.
		 */
		private @Nullable String bundle;

		/**
		 * Name expected in the server's certificate, if it is not the host name.
		 */
		private @Nullable String serverName;

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

		public @Nullable String getServerName() {
			return this.serverName;
		}

		public void setServerName(@Nullable String serverName) {
			this.serverName = serverName;
		}

		@Override
		public String toString() {
			return "[enabled=" + this.enabled + ", bundle=" + this.bundle + ", serverName=" + this.serverName + "]";
		}

	}

}
