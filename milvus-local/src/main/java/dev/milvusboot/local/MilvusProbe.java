package dev.milvusboot.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.grpc.CallOptions;
import io.grpc.ChannelCredentials;
import io.grpc.ClientCall;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;

/**
 * A minimal Milvus gRPC client for readiness checks, without generated stubs: {@code GetVersion} and
 * {@code CheckHealth} of {@code milvus.proto.milvus.MilvusService}, with byte-array messages decoded by hand.
 * Works over plain TCP, one-way TLS or mutual TLS, with or without user credentials.
 */
public final class MilvusProbe implements AutoCloseable {

	/** The gRPC service of Milvus. */
	public static final String SERVICE = "milvus.proto.milvus.MilvusService";

	/** The default deadline of one call. */
	public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(5);

	private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
			Metadata.ASCII_STRING_MARSHALLER);

	private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
		@Override
		public InputStream stream(byte[] value) {
			return new ByteArrayInputStream(value);
		}

		@Override
		public byte[] parse(InputStream stream) {
			try {
				return stream.readAllBytes();
			}
			catch (IOException ex) {
				throw Status.INTERNAL.withDescription("cannot read response").withCause(ex).asRuntimeException();
			}
		}
	};

	private static final MethodDescriptor<byte[], byte[]> GET_VERSION = unary("GetVersion");

	private static final MethodDescriptor<byte[], byte[]> CHECK_HEALTH = unary("CheckHealth");

	private static final MethodDescriptor<byte[], byte[]> CONNECT = unary("Connect");

	private final String target;

	private final ManagedChannel channel;

	private final String authorization;

	private final Duration deadline;

	private MilvusProbe(Builder builder) {
		this.target = builder.host + ":" + builder.port;
		ManagedChannelBuilder<?> channelBuilder = Grpc.newChannelBuilderForAddress(builder.host, builder.port,
				builder.credentials());
		if (builder.authority != null) {
			channelBuilder.overrideAuthority(builder.authority);
		}
		this.channel = channelBuilder.build();
		this.authorization = builder.user == null ? null : Base64.getEncoder()
			.encodeToString((builder.user + ":" + builder.password).getBytes(StandardCharsets.UTF_8));
		this.deadline = builder.deadline;
	}

	/**
	 * A plain-TCP probe without credentials.
	 * @param host the host
	 * @param port the gRPC port
	 * @return the probe; close it after use
	 */
	public static MilvusProbe connect(String host, int port) {
		return builder(host, port).build();
	}

	/**
	 * Starts a builder.
	 * @param host the host
	 * @param port the gRPC port
	 * @return the builder
	 */
	public static Builder builder(String host, int port) {
		return new Builder(host, port);
	}

	/**
	 * Calls {@code GetVersion}.
	 * @return the server's version string, e.g. {@code v2.3.5-lite} or {@code milvus_lite-3.2.2}
	 * @throws MilvusLocalException with {@link MilvusLocalException.Reason#NOT_RUNNING} if the call fails or the
	 * server answers with an error status
	 */
	public String getVersion() {
		List<Wire.Field> fields = call(GET_VERSION);
		String version = "";
		for (Wire.Field field : fields) {
			if (field.number == 1) {
				checkStatus(field.bytes, "GetVersion");
			}
			else if (field.number == 2) {
				version = field.string();
			}
		}
		return version;
	}

	/**
	 * Calls {@code CheckHealth}.
	 * @return whether the server says it is healthy, with its reasons if not
	 * @throws MilvusLocalException with {@link MilvusLocalException.Reason#NOT_RUNNING} if the call fails or the
	 * server answers with an error status
	 */
	public Health checkHealth() {
		List<Wire.Field> fields = call(CHECK_HEALTH);
		boolean healthy = false;
		List<String> reasons = new ArrayList<>();
		for (Wire.Field field : fields) {
			if (field.number == 1) {
				checkStatus(field.bytes, "CheckHealth");
			}
			else if (field.number == 2) {
				healthy = field.varint != 0;
			}
			else if (field.number == 3) {
				reasons.add(field.string());
			}
		}
		return new Health(healthy, List.copyOf(reasons));
	}

	/**
	 * Calls {@code Connect} (with an empty request), which servers that implement neither {@code GetVersion} nor
	 * {@code CheckHealth} (Milvus Lite 2.5) answer.
	 * @return the {@code build_tags} of the server's info (its version on Milvus), empty when it sends none
	 * @throws MilvusLocalException with {@link MilvusLocalException.Reason#NOT_RUNNING} if the call fails or the
	 * server answers with an error status
	 */
	public String connect() {
		String buildTags = "";
		for (Wire.Field field : call(CONNECT)) {
			if (field.number == 1) {
				checkStatus(field.bytes, "Connect");
			}
			else if (field.number == 2) {
				for (Wire.Field info : Wire.fields(field.bytes)) {
					if (info.number == 1) {
						buildTags = info.string();
					}
				}
			}
		}
		return buildTags;
	}

	@Override
	public void close() {
		this.channel.shutdownNow();
		try {
			this.channel.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private List<Wire.Field> call(MethodDescriptor<byte[], byte[]> method) {
		ClientCall<byte[], byte[]> call = this.channel.newCall(method,
				CallOptions.DEFAULT.withDeadlineAfter(this.deadline.toMillis(), TimeUnit.MILLISECONDS));
		CompletableFuture<byte[]> result = new CompletableFuture<>();
		Metadata headers = new Metadata();
		if (this.authorization != null) {
			headers.put(AUTHORIZATION, this.authorization);
		}
		call.start(new ClientCall.Listener<>() {
			private byte[] message;

			@Override
			public void onMessage(byte[] message) {
				this.message = message;
			}

			@Override
			public void onClose(Status status, Metadata trailers) {
				if (!status.isOk()) {
					result.completeExceptionally(status.asRuntimeException(trailers));
				}
				else if (this.message == null) {
					result.completeExceptionally(
							Status.INTERNAL.withDescription("no response message").asRuntimeException());
				}
				else {
					result.complete(this.message);
				}
			}
		}, headers);
		call.request(2);
		call.sendMessage(new byte[0]);
		call.halfClose();
		try {
			return Wire.fields(result.get(this.deadline.toMillis() + 1000, TimeUnit.MILLISECONDS));
		}
		catch (ExecutionException ex) {
			throw new MilvusLocalException(MilvusLocalException.Reason.NOT_RUNNING,
					method.getBareMethodName() + " on " + this.target + " failed: " + ex.getCause().getMessage(),
					ex.getCause());
		}
		catch (TimeoutException ex) {
			call.cancel("probe timed out", null);
			throw new MilvusLocalException(MilvusLocalException.Reason.NOT_RUNNING,
					method.getBareMethodName() + " on " + this.target + " got no answer", ex);
		}
		catch (InterruptedException ex) {
			call.cancel("interrupted", null);
			Thread.currentThread().interrupt();
			throw new MilvusLocalException(MilvusLocalException.Reason.NOT_RUNNING,
					"Interrupted during " + method.getBareMethodName() + " on " + this.target, ex);
		}
		catch (IllegalArgumentException ex) {
			throw new MilvusLocalException(MilvusLocalException.Reason.NOT_RUNNING,
					method.getBareMethodName() + " on " + this.target + " returned an unreadable message: "
							+ ex.getMessage(),
					ex);
		}
	}

	private void checkStatus(byte[] status, String method) {
		long errorCode = 0;
		long code = 0;
		String reason = "";
		for (Wire.Field field : Wire.fields(status)) {
			switch (field.number) {
				case 1 -> errorCode = field.varint;
				case 2 -> reason = field.string();
				case 3 -> code = field.varint;
				default -> {
				}
			}
		}
		if (errorCode != 0 || code != 0) {
			throw new MilvusLocalException(MilvusLocalException.Reason.NOT_RUNNING, method + " on " + this.target
					+ " answered error_code=" + errorCode + " code=" + code + ": " + reason);
		}
	}

	/**
	 * A unary method of the Milvus service that sends and receives raw message bytes.
	 * @param name the method, such as {@code "Search"}
	 * @return its descriptor
	 */
	public static MethodDescriptor<byte[], byte[]> unary(String name) {
		return MethodDescriptor.<byte[], byte[]>newBuilder()
			.setType(MethodDescriptor.MethodType.UNARY)
			.setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name))
			.setRequestMarshaller(BYTES)
			.setResponseMarshaller(BYTES)
			.setIdempotent(true)
			.build();
	}

	/**
	 * The answer of {@code CheckHealth}.
	 * @param healthy whether the server is healthy
	 * @param reasons why not, if it is not
	 */
	public record Health(boolean healthy, List<String> reasons) {
	}

	/** Accepts every server certificate: for probing our own loopback server only. */
	private static final class TrustingAnyCertificate implements javax.net.ssl.X509TrustManager {

		@Override
		public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
		}

		@Override
		public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
		}

		@Override
		public java.security.cert.X509Certificate[] getAcceptedIssuers() {
			return new java.security.cert.X509Certificate[0];
		}

	}

	/** Builds a {@link MilvusProbe}. */
	public static final class Builder {

		private final String host;

		private final int port;

		private Path trustedCertificates;

		private boolean trustAny;

		private Path clientCertificate;

		private Path clientKey;

		private String authority;

		private String user;

		private String password;

		private Duration deadline = DEFAULT_DEADLINE;

		private Builder(String host, int port) {
			this.host = Objects.requireNonNull(host, "host");
			this.port = port;
		}

		/**
		 * Uses TLS, trusting the certificates (PEM) in {@code caPem}.
		 * @param caPem the CA certificate file
		 * @return this builder
		 */
		public Builder tls(Path caPem) {
			this.trustedCertificates = caPem;
			return this;
		}

		/**
		 * Uses TLS without checking the server's certificate: only for probing our own server on the loopback
		 * interface when its CA is not known.
		 * @return this builder
		 */
		Builder tlsTrustingAnyCertificate() {
			this.trustAny = true;
			return this;
		}

		/**
		 * Presents a client certificate (mutual TLS); needs {@link #tls(Path)}.
		 * @param certificatePem the client certificate chain (PEM)
		 * @param privateKeyPem the client's PKCS#8 private key (PEM)
		 * @return this builder
		 */
		public Builder clientCertificate(Path certificatePem, Path privateKeyPem) {
			this.clientCertificate = certificatePem;
			this.clientKey = privateKeyPem;
			return this;
		}

		/**
		 * Overrides the authority (the TLS server name checked against the certificate).
		 * @param authority e.g. {@code localhost}
		 * @return this builder
		 */
		public Builder authority(String authority) {
			this.authority = authority;
			return this;
		}

		/**
		 * Sends user credentials in the {@code authorization} header.
		 * @param user the user
		 * @param password the password
		 * @return this builder
		 */
		public Builder credentials(String user, String password) {
			this.user = user;
			this.password = password;
			return this;
		}

		/**
		 * Sets the deadline of each call (default {@link MilvusProbe#DEFAULT_DEADLINE}).
		 * @param deadline the deadline
		 * @return this builder
		 */
		public Builder deadline(Duration deadline) {
			this.deadline = Durations.requirePositive(deadline, "probe deadline");
			return this;
		}

		/**
		 * Builds the probe (opens a channel lazily).
		 * @return the probe; close it after use
		 */
		public MilvusProbe build() {
			return new MilvusProbe(this);
		}

		private ChannelCredentials credentials() {
			if (this.trustedCertificates == null && !this.trustAny) {
				return InsecureChannelCredentials.create();
			}
			try {
				TlsChannelCredentials.Builder tls = TlsChannelCredentials.newBuilder();
				if (this.trustAny) {
					tls.trustManager(new TrustingAnyCertificate());
				}
				else {
					tls.trustManager(this.trustedCertificates.toFile());
				}
				if (this.clientCertificate != null) {
					tls.keyManager(this.clientCertificate.toFile(), this.clientKey.toFile());
				}
				return tls.build();
			}
			catch (IOException ex) {
				throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR,
						"Cannot read TLS files " + this.trustedCertificates + ", " + this.clientCertificate + ", "
								+ this.clientKey + ": " + ex,
						ex);
			}
		}

	}

}
