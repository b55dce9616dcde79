package dev.milvusboot.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The base directory of a {@link MilvusStandalone}: links to the binaries unpacked once into the Python
 * environment, the embedded etcd's configuration, the configuration the launcher renders
 * ({@code configs/milvus.yaml}) and Milvus' own logs ({@code logs}).
 */
final class StandaloneLayout {

	private static final Pattern PORT_LINE = Pattern.compile("^  port:\\s*(\\d+)\\s*(#.*)?$");

	private final Path base;

	StandaloneLayout(Path base) {
		this.base = base;
	}

	/** The configuration the launcher renders on each start. */
	Path renderedConfig() {
		return this.base.resolve("configs").resolve("milvus.yaml");
	}

	/** Milvus' own log directory. */
	Path logs() {
		return this.base.resolve("logs");
	}

	/**
	 * Makes the base directory and links the binaries unpacked once into the Python environment, with the
	 * checksums that tell the launcher not to unpack them again (about 250 MB and seconds per start saved); the
	 * configuration rendered by an earlier start is removed, so that readiness reads this start's.
	 * @param environment the environment the {@code milvus} package is installed in
	 */
	void prepare(PythonEnvironment environment) {
		Path shared = environment.directory().resolve("milvus-base").resolve("bin");
		Path bin = this.base.resolve("bin");
		try {
			Files.createDirectories(bin);
			Files.deleteIfExists(renderedConfig());
			if (!Files.isDirectory(shared)) {
				return;
			}
			try (Stream<Path> files = Files.list(shared)) {
				for (Path file : files.toList()) {
					Path target = bin.resolve(file.getFileName().toString());
					if (file.getFileName().toString().endsWith(".md5")) {
						Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
					}
					else if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
						Files.createSymbolicLink(target, file);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR,
					"Cannot prepare the Milvus base directory " + this.base + ": " + ex, ex);
		}
	}

	/**
	 * Writes the embedded etcd's configuration: without it etcd listens on 2379 and 2380 whatever
	 * {@code --etcd-port} says, so a second server (or a stale one) would clash.
	 * @param clientPort the etcd client port
	 * @param peerPort the etcd peer port
	 * @return the file, for {@code ETCD_CONFIG_PATH}
	 */
	Path writeEtcdConfig(int clientPort, int peerPort) {
		String client = "http://" + Ports.HOST + ":" + clientPort;
		String peer = "http://" + Ports.HOST + ":" + peerPort;
		String config = "name: default\nlisten-client-urls: " + client + "\nadvertise-client-urls: " + client
				+ "\nlisten-peer-urls: " + peer + "\ninitial-advertise-peer-urls: " + peer
				+ "\ninitial-cluster: default=" + peer + "\n";
		try {
			Files.createDirectories(this.base);
			Path file = this.base.resolve("etcd.yaml");
			Files.writeString(file, config);
			return file;
		}
		catch (IOException ex) {
			throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR,
					"Cannot write the embedded etcd configuration in " + this.base + ": " + ex, ex);
		}
	}

	/**
	 * The proxy port of the rendered configuration.
	 * @return the port, or {@code -1} while the configuration is not (fully) written
	 */
	int renderedProxyPort() {
		Path config = renderedConfig();
		if (!Files.isRegularFile(config)) {
			return -1;
		}
		try {
			return proxyPort(Files.readAllLines(config));
		}
		catch (IOException | NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * The {@code proxy.port} of a rendered {@code milvus.yaml}.
	 * @param lines the file's lines
	 * @return the port, or {@code -1}
	 */
	static int proxyPort(List<String> lines) {
		boolean inProxy = false;
		for (String line : lines) {
			if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#")) {
				inProxy = line.trim().equals("proxy:");
			}
			else if (inProxy) {
				Matcher matcher = PORT_LINE.matcher(line);
				if (matcher.matches()) {
					return Integer.parseInt(matcher.group(1));
				}
			}
		}
		return -1;
	}

}
