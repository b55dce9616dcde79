package dev.milvusboot.local.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway certificate authority with a server certificate (for localhost and 127.0.0.1) and a client
 * certificate, PEM files made with the {@code openssl} command when a test starts.
 *
 * @param directory where the PEM files are
 */
public record TestCertificates(Path directory) {

	/**
	 * Makes the certificates in a new temporary directory.
	 * @return the certificates
	 * @throws IOException if openssl cannot be run
	 * @throws InterruptedException if interrupted while it runs
	 */
	public static TestCertificates create() throws IOException, InterruptedException {
		Path dir = Files.createTempDirectory("milvus-tls-");
		Files.writeString(dir.resolve("server.ext"),
				"subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
		Files.writeString(dir.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
		openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days",
				"2", "-subj", "/CN=milvus-boot test CA");
		for (String name : List.of("server", "client")) {
			openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr",
					"-subj", "/CN=" + ("server".equals(name) ? "localhost" : "milvus-boot test client"));
			openssl(dir, "x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
					"-out", name + ".pem", "-days", "2", "-extfile", name + ".ext");
		}
		return new TestCertificates(dir);
	}

	private static void openssl(Path dir, String... args) throws IOException, InterruptedException {
		List<String> command = new java.util.ArrayList<>(List.of("openssl"));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: " + output);
		}
	}

	public Path ca() {
		return this.directory.resolve("ca.pem");
	}

	public Path serverCertificate() {
		return this.directory.resolve("server.pem");
	}

	public Path serverKey() {
		return this.directory.resolve("server.key");
	}

	public Path clientCertificate() {
		return this.directory.resolve("client.pem");
	}

	public Path clientKey() {
		return this.directory.resolve("client.key");
	}

}
