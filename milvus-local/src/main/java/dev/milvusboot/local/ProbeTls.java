package dev.milvusboot.local;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

import javax.net.ssl.X509TrustManager;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.TlsChannelCredentials;

/** The channel credentials of a {@link MilvusProbe}: plain TCP, one-way TLS or mutual TLS. */
final class ProbeTls {

	private ProbeTls() {
	}

	/**
	 * The credentials.
	 * @param trustedCertificates the CA certificates (PEM) to trust, or {@code null}
	 * @param trustAny whether every server certificate is trusted (our own loopback server only)
	 * @param clientCertificate the client certificate (PEM) for mutual TLS, or {@code null}
	 * @param clientKey its PKCS#8 private key (PEM)
	 * @return plain-TCP credentials when neither trust is set, else TLS
	 */
	static ChannelCredentials credentials(Path trustedCertificates, boolean trustAny, Path clientCertificate,
			Path clientKey) {
		if (trustedCertificates == null && !trustAny) {
			return InsecureChannelCredentials.create();
		}
		try {
			TlsChannelCredentials.Builder tls = TlsChannelCredentials.newBuilder();
			if (trustAny) {
				tls.trustManager(new TrustingAnyCertificate());
			}
			else {
				tls.trustManager(trustedCertificates.toFile());
			}
			if (clientCertificate != null) {
				tls.keyManager(clientCertificate.toFile(), clientKey.toFile());
			}
			return tls.build();
		}
		catch (IOException ex) {
			throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR, "Cannot read TLS files "
					+ trustedCertificates + ", " + clientCertificate + ", " + clientKey + ": " + ex, ex);
		}
	}

	/** Accepts every server certificate: for probing our own loopback server only. */
	private static final class TrustingAnyCertificate implements X509TrustManager {

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return new X509Certificate[0];
		}

	}

}
