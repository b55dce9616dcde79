package dev.milvusboot.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a {@link MilvusStandalone} is ready: the rendered configuration names the proxy port (which the launcher
 * may have moved), and the proxy answers {@code CheckHealth} and {@code GetVersion} over gRPC, with TLS and
 * credentials as configured. Under mutual TLS without a probe client certificate, once {@code /healthz} on the
 * metrics port says OK.
 */
final class StandaloneReadiness {

	private static final Pattern METRICS_PORT = Pattern.compile("(?:^|\\x00)METRICS_PORT=(\\d+)");

	private StandaloneReadiness() {
	}

	/**
	 * Probes the server once.
	 * @param server the server
	 * @param layout its base directory
	 * @param process its process
	 * @return the version once ready, else {@code null}
	 */
	static String probe(MilvusStandalone server, StandaloneLayout layout, ServerProcess process) {
		int port = layout.renderedProxyPort();
		if (port <= 0) {
			return null;
		}
		server.proxyPortRendered(port);
		MilvusStandalone.Builder settings = server.settings;
		if (server.tlsMode() == 2 && settings.probeClientCertificate == null) {
			return healthz(metricsPort(process.pid())) ? "v" + server.version() + "-lite" : null;
		}
		MilvusProbe.Builder probe = MilvusProbe.builder(ServerProcess.HOST, port).deadline(Readiness.PROBE_DEADLINE);
		if (server.tlsMode() > 0) {
			probe.tlsTrustingAnyCertificate().authority("localhost");
			if (settings.probeClientCertificate != null) {
				probe.clientCertificate(settings.probeClientCertificate, settings.probeClientKey);
			}
		}
		if (server.isAuthorizationEnabled()) {
			probe.credentials(MilvusStandalone.ROOT_USER, MilvusStandalone.ROOT_PASSWORD);
		}
		return Readiness.check(probe);
	}

	private static boolean healthz(int metricsPort) {
		if (metricsPort <= 0) {
			return false;
		}
		try {
			HttpURLConnection connection = (HttpURLConnection) new URL(
					"http://" + ServerProcess.HOST + ":" + metricsPort + "/healthz").openConnection();
			connection.setConnectTimeout(1000);
			connection.setReadTimeout(2000);
			try (InputStream in = connection.getInputStream()) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("OK");
			}
			finally {
				connection.disconnect();
			}
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * The metrics port the launcher chose, from the environment of the server below it (Linux only).
	 * @param pid the launcher's process id
	 * @return the port, or {@code -1} when not known
	 */
	static int metricsPort(long pid) {
		return ProcessHandle.of(pid)
			.stream()
			.flatMap(ProcessHandle::descendants)
			.map((handle) -> Paths.get("/proc", Long.toString(handle.pid()), "environ"))
			.map((environ) -> {
				try {
					Matcher matcher = METRICS_PORT.matcher(new String(Files.readAllBytes(environ),
							StandardCharsets.UTF_8));
					return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
				}
				catch (IOException | RuntimeException ex) {
					return -1;
				}
			})
			.filter((port) -> port > 0)
			.findFirst()
			.orElse(-1);
	}

}
