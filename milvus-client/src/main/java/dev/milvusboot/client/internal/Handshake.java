package dev.milvusboot.client.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import dev.milvusboot.client.MilvusClient;
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
import dev.milvusboot.client.internal.transport.Rpc;

/**
 * The one-time {@code Connect} handshake of a client, asynchronous and shared by every call waiting for it; the
 * blocking form waits for it on the caller's thread. Internal API.
 */
final class Handshake {

	/** Sends the handshake's calls. */
	interface Link {

		/**
		 * Sends a call without blocking (no handshake first).
		 * @param <Q> the request type
		 * @param <R> the response type
		 * @param rpc the call
		 * @param settings its settings
		 * @return the future response
		 */
		<Q, R> CompletableFuture<R> callAsync(Rpc<Q, R> rpc, CallSettings settings);

		/**
		 * Keeps the identifier the server handed out, for the headers of later calls.
		 * @param identifier the identifier
		 */
		void identifier(long identifier);

	}

	/** The logger the connection is logged to. */
	static final String LOGGER = "dev.milvusboot.client.MilvusClient";

	private final MilvusClientOptions options;

	private final Link link;

	private final AtomicReference<CompletableFuture<String>> handshake = new AtomicReference<>();

	private volatile String serverVersion;

	Handshake(MilvusClientOptions options, Link link) {
		this.options = options;
		this.link = link;
	}

	/** The server's version once the handshake is done, else {@code null}. */
	String serverVersion() {
		return this.serverVersion;
	}

	/** Does the handshake if still due, waiting on the caller's thread for the one in progress. */
	void ensureConnected(CallSettings settings) {
		if (this.serverVersion != null) {
			return;
		}
		try {
			handshake(settings).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MilvusException("Interrupted while connecting to Milvus at " + this.options.endpoint().address(),
					MilvusException.ErrorDetails.CLIENT, ex);
		}
		catch (ExecutionException ex) {
			throw unwrap(ex.getCause());
		}
	}

	/**
	 * The handshake, done once and shared by every call waiting for it: {@code Connect} tells the server who we are
	 * and takes the identifier it hands out for later calls, {@code GetVersion} reads the server version. Nothing
	 * blocks: both calls go out at once (one round trip), and a failure of {@code Connect} is the one reported when
	 * both fail. A server answering either call gRPC {@code UNIMPLEMENTED} (Milvus before 2.2.9
	 * has no {@code Connect}, Milvus Lite 2.5 no {@code GetVersion}) is served all the same: the version is then what
	 * {@code Connect} told, or {@link MilvusClient#UNKNOWN_SERVER_VERSION}. A handshake that failed otherwise is
	 * tried again by the next call.
	 */
	CompletableFuture<String> handshake(CallSettings settings) {
		String known = this.serverVersion;
		if (known != null) {
			return CompletableFuture.completedFuture(known);
		}
		CompletableFuture<String> mine = new CompletableFuture<>();
		CompletableFuture<String> running = this.handshake.compareAndExchange(null, mine);
		if (running != null) {
			return running;
		}
		FirstCallWarmUp.start();
		CallSettings handshake = settings.withTimeout(min(settings.timeout(), this.options.connectTimeout()));
		CompletableFuture<String> done;
		try {
			// Both at once (one round trip instead of two): GetVersion needs nothing Connect hands out.
			CompletableFuture<String> buildTags = connect(handshake);
			CompletableFuture<String> version = getVersion(handshake);
			done = buildTags.thenCombine(version, (tags, answered) -> connected(answered, tags));
		}
		catch (RuntimeException ex) {
			done = CompletableFuture.failedFuture(ex);
		}
		done.whenComplete((version, failure) -> {
			if (failure != null) {
				this.handshake.compareAndSet(mine, null);
				mine.completeExceptionally(unwrap(failure));
			}
			else {
				mine.complete(version);
			}
		});
		return mine;
	}

	/** Sends {@code Connect}; the future tells the server's build tags ({@code ""} if it has no {@code Connect}). */
	private CompletableFuture<String> connect(CallSettings settings) {
		ConnectRequest request = ConnectRequest.newBuilder()
			.setClientInfo(ClientInfo.newBuilder()
				.setSdkType(ClientCore.SDK_TYPE)
				.setSdkVersion(ClientVersion.get())
				.setUser((this.options.username() != null) ? this.options.username() : "")
				.setHost(localHostName())
				.setLocalTime(java.time.OffsetDateTime.now().toString()))
			.build();
		Rpc<ConnectRequest, ConnectResponse> connect = Rpc.of("connect", null, MilvusServiceGrpc.getConnectMethod(),
				request, ConnectResponse::getStatus);
		return this.link.callAsync(connect, settings).handle((response, failure) -> {
			if (failure == null) {
				this.link.identifier(response.getIdentifier());
				return response.getServerInfo().getBuildTags();
			}
			RuntimeException cause = unwrap(failure);
			if (cause instanceof MilvusUnsupportedException) {
				return ""; // Servers older than 2.2.9 have no Connect; calls work without it.
			}
			throw cause;
		});
	}

	/** Sends {@code GetVersion}; the future tells the version ({@code ""} if the server has no such call). */
	private CompletableFuture<String> getVersion(CallSettings settings) {
		Rpc<GetVersionRequest, GetVersionResponse> getVersion = getVersionRpc();
		return this.link.callAsync(getVersion, settings).handle((response, failure) -> {
			if (failure == null) {
				return response.getVersion();
			}
			RuntimeException cause = unwrap(failure);
			if (cause instanceof MilvusUnsupportedException) {
				return ""; // Milvus Lite 2.5 has no GetVersion; calls work without it.
			}
			throw cause;
		});
	}

	/** Records the version the handshake found and logs the connection, once. */
	private String connected(String answered, String buildTags) {
		String version = answered;
		String tags = buildTags.isBlank() ? "" : " (" + buildTags + ")";
		if (version.isBlank()) {
			version = buildTags.isBlank() ? MilvusClient.UNKNOWN_SERVER_VERSION : buildTags;
			tags = "";
		}
		String described = MilvusClient.UNKNOWN_SERVER_VERSION.equals(version)
				? "(version unknown: the server tells none)" : version + tags;
		Logger logger = System.getLogger(LOGGER);
		logger.log(Level.INFO, () -> "Connected to Milvus " + described + " at " + this.options.endpoint().address()
				+ " (database " + ((this.options.database() != null) ? this.options.database() : "default") + ", "
				+ this.options.poolSize() + " connections" + (this.options.tls() != null ? ", TLS" : "") + ")");
		this.serverVersion = version;
		return version;
	}

	private static RuntimeException unwrap(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return (cause instanceof RuntimeException runtime) ? runtime
				: new MilvusException("Connecting to Milvus failed: " + cause, MilvusException.ErrorDetails.CLIENT,
						cause);
	}

	static Rpc<GetVersionRequest, GetVersionResponse> getVersionRpc() {
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

}
