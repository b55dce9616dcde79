package dev.milvusboot.local;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor;

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
				ProbeTls.credentials(builder.trustedCertificates, builder.trustAny, builder.clientCertificate,
						builder.clientKey));
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
		byte[] answer = RawUnaryCall.call(this.channel, method, this.deadline, this.authorization, this.target);
		try {
			return Wire.fields(answer);
		}
		catch (IllegalArgumentException ex) {
			throw new MilvusLocalException(MilvusLocalException.Reason.NOT_RUNNING, method.getBareMethodName()
					+ " on " + this.target + " returned an unreadable message: " + ex.getMessage(), ex);
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
		return RawUnaryCall.method(SERVICE, name);
	}

	/**
	 * The answer of {@code CheckHealth}.
	 * @param healthy whether the server is healthy
	 * @param reasons why not, if it is not
	 */
	public record Health(boolean healthy, List<String> reasons) {
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
			this.deadline = Arguments.positive(deadline, "probe deadline");
			return this;
		}

		/**
		 * Builds the probe (opens a channel lazily).
		 * @return the probe; close it after use
		 */
		public MilvusProbe build() {
			return new MilvusProbe(this);
		}

	}

}
