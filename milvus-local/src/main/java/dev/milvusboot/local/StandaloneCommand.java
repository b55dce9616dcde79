package dev.milvusboot.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line of the {@code milvus-server} launcher for a {@link MilvusStandalone}: every port it uses, the
 * configuration it must not choose itself, where the data goes, authentication and TLS.
 */
final class StandaloneCommand {

	/** The launcher's flags of the ports other than the proxy's, each given a reserved port. */
	static final List<String> OTHER_PORT_FLAGS = List.of("--proxy-internal-port", "--etcd-port", "--root-coord-port",
			"--query-coord-port", "--query-node-port", "--index-coord-port", "--index-node-port", "--data-coord-port",
			"--data-node-port");

	private StandaloneCommand() {
	}

	/**
	 * The command line.
	 * @param launcher the {@code milvus-server} executable
	 * @param base the base directory
	 * @param proxyPort the proxy port
	 * @param otherPorts the other ports by {@link #OTHER_PORT_FLAGS flag}
	 * @param dataDirectory the data directory when it is not {@code <base>/data}, else {@code null}
	 * @param settings authentication and TLS
	 * @return the command line
	 */
	static List<String> of(Path launcher, Path base, int proxyPort, Map<String, Integer> otherPorts,
			Path dataDirectory, MilvusStandalone.Builder settings) {
		List<String> command = new ArrayList<>(List.of(launcher.toString(), "--data", base.toString(),
				"--proxy-port", Integer.toString(proxyPort)));
		otherPorts.forEach((flag, port) -> command.addAll(List.of(flag, Integer.toString(port))));
		// The Python launcher binds each port to test it (without SO_REUSEADDR) and silently takes the next one when
		// that fails, as it does after a kill while the old connections wait in TIME_WAIT; Milvus binds with
		// SO_REUSEADDR, so the proxy port is set again in its configuration to keep it across restarts.
		extraConfig(command, "proxy.port", Integer.toString(proxyPort));
		extraConfig(command, "common.session.ttl", Integer.toString(MilvusStandalone.SESSION_TTL_SECONDS));
		extraConfig(command, "common.gracefulStopTimeout",
				Integer.toString(MilvusStandalone.GRACEFUL_STOP_TIMEOUT_SECONDS));
		if (dataDirectory != null) {
			extraConfig(command, "etcd.data.dir", dataDirectory.resolve("etcd.data").toString());
			extraConfig(command, "localStorage.path", dataDirectory.toString());
			extraConfig(command, "rocksmq.path", dataDirectory.resolve("rocksmq").toString());
		}
		if (settings.authorization) {
			// argparse type=bool: any non-empty value is true, so the flag is only passed to enable it
			command.addAll(List.of("--authorization-enabled", "true"));
		}
		if (settings.tlsMode > 0) {
			command.addAll(List.of("--tls-mode", Integer.toString(settings.tlsMode), "--server-pem-path",
					settings.serverCertificate.toString(), "--server-key-path", settings.serverKey.toString()));
			if (settings.caCertificate != null) {
				command.addAll(List.of("--ca-pem-path", settings.caCertificate.toString()));
			}
		}
		return command;
	}

	private static void extraConfig(List<String> command, String key, String value) {
		command.add("--extra-config");
		command.add(key + "=" + value);
	}

}
