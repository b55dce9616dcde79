package dev.milvusboot.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * TLS settings: one-way (trust a CA certificate, or the JVM's default trust store), mutual (a client certificate
 * and key as well), an optional server-name override, or ready key and trust managers (such as those of a Spring
 * Boot SSL bundle). The server's host name is always verified.
 */
public final class TlsOptions {

	private final Path trustCertificate;

	private final Path clientCertificate;

	private final Path clientKey;

	private final TrustManagerFactory trustManagerFactory;

	private final KeyManagerFactory keyManagerFactory;

	private final String serverName;

	private TlsOptions(Builder builder) {
		this.trustCertificate = builder.trustCertificate;
		this.clientCertificate = builder.clientCertificate;
		this.clientKey = builder.clientKey;
		this.trustManagerFactory = builder.trustManagerFactory;
		this.keyManagerFactory = builder.keyManagerFactory;
		this.serverName = builder.serverName;
	}

	/** TLS trusting the JVM's default trust store, with no client certificate. */
	public static TlsOptions defaults() {
		return builder().build();
	}

	public static Builder builder() {
		return new Builder();
	}

	/** PEM file of the CA (or server) certificates to trust, or {@code null} for the JVM default. */
	public Path trustCertificate() {
		return this.trustCertificate;
	}

	/** PEM file of the client certificate chain for mutual TLS, or {@code null}. */
	public Path clientCertificate() {
		return this.clientCertificate;
	}

	/** PEM file of the client's PKCS#8 private key for mutual TLS, or {@code null}. */
	public Path clientKey() {
		return this.clientKey;
	}

	/** Ready trust managers, or {@code null}. */
	public TrustManagerFactory trustManagerFactory() {
		return this.trustManagerFactory;
	}

	/** Ready key managers for mutual TLS, or {@code null}. */
	public KeyManagerFactory keyManagerFactory() {
		return this.keyManagerFactory;
	}

	/** The name to expect in the server's certificate instead of the host, or {@code null}. */
	public String serverName() {
		return this.serverName;
	}

	/** Whether a client certificate is presented. */
	public boolean isMutual() {
		return this.clientCertificate != null || this.keyManagerFactory != null;
	}

	@Override
	public String toString() {
		return "TlsOptions[trustCertificate=" + this.trustCertificate + ", clientCertificate=" + this.clientCertificate
				+ ", clientKey=" + ((this.clientKey != null) ? "******" : null) + ", serverName=" + this.serverName
				+ ", managers=" + (this.trustManagerFactory != null || this.keyManagerFactory != null) + "]";
	}

	/** Builds {@link TlsOptions}. */
	public static final class Builder {

		private Path trustCertificate;

		private Path clientCertificate;

		private Path clientKey;

		private TrustManagerFactory trustManagerFactory;

		private KeyManagerFactory keyManagerFactory;

		private String serverName;

		private Builder() {
		}

		/** Trusts the certificates in this PEM file instead of the JVM's default trust store. */
		public Builder trustCertificate(Path pemFile) {
			this.trustCertificate = pemFile;
			return this;
		}

		/** Presents this client certificate chain and PKCS#8 key (PEM files): mutual TLS. */
		public Builder clientCertificate(Path certificatePem, Path privateKeyPem) {
			this.clientCertificate = certificatePem;
			this.clientKey = privateKeyPem;
			return this;
		}

		/** Uses these trust managers (for example from a Spring Boot SSL bundle). */
		public Builder trustManagerFactory(TrustManagerFactory trustManagerFactory) {
			this.trustManagerFactory = trustManagerFactory;
			return this;
		}

		/** Uses these key managers for mutual TLS (for example from a Spring Boot SSL bundle). */
		public Builder keyManagerFactory(KeyManagerFactory keyManagerFactory) {
			this.keyManagerFactory = keyManagerFactory;
			return this;
		}

		/** Expects this name in the server's certificate instead of the host name. */
		public Builder serverName(String serverName) {
			this.serverName = serverName;
			return this;
		}

		public TlsOptions build() {
			requireReadable(this.trustCertificate, "TLS trust certificate");
			if ((this.clientCertificate == null) != (this.clientKey == null)) {
				throw new MilvusInvalidArgumentException(
						"Mutual TLS needs both a client certificate and a client key; only one was given");
			}
			requireReadable(this.clientCertificate, "TLS client certificate");
			requireReadable(this.clientKey, "TLS client key");
			if (this.trustCertificate != null && this.trustManagerFactory != null) {
				throw new MilvusInvalidArgumentException(
						"Give either a TLS trust certificate file or a trust manager factory, not both");
			}
			if (this.clientCertificate != null && this.keyManagerFactory != null) {
				throw new MilvusInvalidArgumentException(
						"Give either a TLS client certificate or a key manager factory, not both");
			}
			return new TlsOptions(this);
		}

		private static void requireReadable(Path file, String what) {
			if (file != null && !Files.isReadable(Objects.requireNonNull(file))) {
				throw new MilvusInvalidArgumentException(what + " '" + file + "' does not exist or is not readable");
			}
		}

	}

}
