package dev.milvusboot.client.internal.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.milvusboot.client.TlsOptions;
import dev.milvusboot.client.exception.MilvusException.ErrorDetails;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * Checks the PEM files of {@link TlsOptions} with the JDK alone, when a client is created: the channels that use
 * them are only built by the first call, and a bad certificate or key should not wait until then to be reported.
 * Internal API.
 */
public final class TlsFiles {

	private static final Pattern CERTIFICATE = Pattern.compile(
			"-+BEGIN\\s+.*CERTIFICATE[^-]*-+(?:\\s|\\r|\\n)+([a-z0-9+/=\\r\\n]+)-+END\\s+.*CERTIFICATE[^-]*-+",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern KEY = Pattern.compile("-+BEGIN\\s[^-]*PRIVATE\\s+KEY[^-]*-+(?:\\s|\\r|\\n)+"
			+ "([a-z0-9+/=\\r\\n]+)-+END\\s[^-]*PRIVATE\\s+KEY[^-]*-+", Pattern.CASE_INSENSITIVE);

	private TlsFiles() {
	}

	/**
	 * Checks that the certificate files hold X.509 certificates and the key file a private key.
	 * @param tls the TLS options
	 * @throws MilvusInvalidArgumentException if a file cannot be read or holds no such thing
	 */
	public static void check(TlsOptions tls) {
		checkCertificates(tls.trustCertificate(), "TLS trust certificate");
		checkCertificates(tls.clientCertificate(), "TLS client certificate");
		if (tls.clientKey() != null && !KEY.matcher(read(tls.clientKey(), "TLS client key")).find()) {
			throw new MilvusInvalidArgumentException(
					"TLS client key '" + tls.clientKey() + "' holds no PEM private key");
		}
	}

	private static void checkCertificates(Path file, String what) {
		if (file == null) {
			return;
		}
		Matcher matcher = CERTIFICATE.matcher(read(file, what));
		boolean found = false;
		try {
			CertificateFactory factory = CertificateFactory.getInstance("X.509");
			while (matcher.find()) {
				byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
				factory.generateCertificate(new ByteArrayInputStream(der));
				found = true;
			}
		}
		catch (CertificateException | IllegalArgumentException ex) {
			throw new MilvusInvalidArgumentException(what + " '" + file + "' holds an invalid certificate: "
					+ ex.getMessage(), ErrorDetails.CLIENT, ex);
		}
		if (!found) {
			throw new MilvusInvalidArgumentException(what + " '" + file + "' holds no PEM certificate");
		}
	}

	private static String read(Path file, String what) {
		try {
			return Files.readString(file, StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			throw new MilvusInvalidArgumentException(what + " '" + file + "' cannot be read: " + ex.getMessage(),
					ErrorDetails.CLIENT, ex);
		}
	}

}
