package dev.milvusboot.client.internal.transport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.milvusboot.client.MilvusClientOptions;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

/**
 * Adds the headers Milvus expects to every call: {@code authorization} (base64 of the token, or of
 * {@code user:password}), {@code dbname} (the call's database) and {@code identifier} (from the {@code Connect}
 * handshake). Internal API.
 */
public final class HeadersInterceptor implements ClientInterceptor {

	/** The call option carrying the database of one call; {@code null} means the server's default. */
	public static final CallOptions.Key<String> DATABASE = CallOptions.Key.create("milvus-database");

	private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
			Metadata.ASCII_STRING_MARSHALLER);

	private static final Metadata.Key<String> DB_NAME = Metadata.Key.of("dbname", Metadata.ASCII_STRING_MARSHALLER);

	private static final Metadata.Key<String> IDENTIFIER = Metadata.Key.of("identifier",
			Metadata.ASCII_STRING_MARSHALLER);

	private final String authorization;

	/** The identifier header's value, or {@code null} before the handshake; rendered once, not per call. */
	private volatile String identifier;

	public HeadersInterceptor(MilvusClientOptions options) {
		this.authorization = authorization(options);
	}

	/** Records the identifier the server gave in its {@code Connect} answer. */
	public void identifier(long identifier) {
		this.identifier = (identifier != 0) ? Long.toString(identifier) : null;
	}

	@Override
	public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions callOptions, Channel next) {
		String database = callOptions.getOption(DATABASE);
		return new SimpleForwardingClientCall<>(next.newCall(method, callOptions)) {

			@Override
			public void start(Listener<R> responseListener, Metadata headers) {
				if (HeadersInterceptor.this.authorization != null) {
					headers.put(AUTHORIZATION, HeadersInterceptor.this.authorization);
				}
				if (database != null) {
					headers.put(DB_NAME, database);
				}
				String id = HeadersInterceptor.this.identifier;
				if (id != null) {
					headers.put(IDENTIFIER, id);
				}
				super.start(responseListener, headers);
			}

		};
	}

	private static String authorization(MilvusClientOptions options) {
		String secret = (options.token() != null) ? options.token()
				: (options.username() != null) ? options.username() + ":" + options.password() : null;
		return (secret != null) ? Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)) : null;
	}

}
