package dev.milvusboot.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The full Milvus 2.3 standalone (embedded etcd, local storage) from the PyPI package {@code milvus}, on 127.0.0.1:
 * for what Milvus Lite lacks (authentication, TLS, partition load and release, real compaction, indexes built in
 * the background). Every port it uses is picked free beforehand, so several can run side by side.
 */
public final class MilvusStandalone implements AutoCloseable {

	/** The PyPI {@code milvus} version installed unless told otherwise (the newest there). */
	public static final String DEFAULT_VERSION = "2.3.5";

	/** The root user of a server with authorization enabled. */
	public static final String ROOT_USER = "root";

	/** The root user's password until changed. */
	public static final String ROOT_PASSWORD = "Milvus";

	/** How long the server may take to become ready. */
	public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(180);

	private static final Pattern BANNER_VERSION = Pattern.compile("Version:\\s+(\\S+)");

	private static final List<String> PORT_FLAGS = List.of("--proxy-internal-port",
			"--root-coord-port", "--query-coord-port", "--query-node-port", "--index-coord-port", "--index-node-port",
			"--data-coord-port", "--data-node-port");

	private final Builder settings;

	private final Path baseDirectory;

	private final boolean temporaryBase;

	private final int port;

	private PythonEnvironment environment;

	private ServerProcess process;

	private MilvusStandalone(Builder settings) {
		this.settings = settings;
		try {
			this.temporaryBase = settings.baseDirectory == null;
			this.baseDirectory = (settings.baseDirectory != null) ? settings.baseDirectory
					: Files.createTempDirectory("milvus-standalone-");
		}
		catch (IOException ex) {
			throw new MilvusLocalException("Cannot create a directory for Milvus: " + ex.getMessage(), ex);
		}
		this.port = ServerProcess.freePort();
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Installs the server if needed and starts it; returns when it is ready.
	 * @return this server
	 */
	public synchronized MilvusStandalone start() {
		if (this.environment == null) {
			this.environment = PythonEnvironment.ensure(this.settings.cacheDirectory, "milvus-standalone",
					this.settings.python, List.of("milvus==" + this.settings.version), this.settings.installTimeout,
					this.settings.progress);
		}
		if (this.process != null && this.process.isRunning()) {
			return this;
		}
		int etcdPort = ServerProcess.freePort();
		List<String> command = new ArrayList<>(List.of(this.environment.executable("milvus-server").toString(),
				"--data", this.baseDirectory.toString(), "--proxy-port", Integer.toString(this.port), "--etcd-port",
				Integer.toString(etcdPort)));
		for (String flag : PORT_FLAGS) {
			command.add(flag);
			command.add(Integer.toString(ServerProcess.freePort()));
		}
		if (this.settings.authorization) {
			command.add("--authorization-enabled");
			command.add("true");
		}
		if (this.settings.tlsMode > 0) {
			command.addAll(List.of("--tls-mode", Integer.toString(this.settings.tlsMode), "--server-pem-path",
					this.settings.serverCertificate.toString(), "--server-key-path", this.settings.serverKey.toString()));
			if (this.settings.caCertificate != null) {
				command.addAll(List.of("--ca-pem-path", this.settings.caCertificate.toString()));
			}
		}
		Map<String, String> environment = new HashMap<>();
		environment.put("PYTHONUNBUFFERED", "1");
		// The embedded etcd otherwise listens on 2379 and 2380, so a second server (or a stale one) would clash.
		environment.put("ETCD_CONFIG_PATH", etcdConfig(etcdPort, ServerProcess.freePort()).toString());
		Path log = this.baseDirectory.resolve("milvus-server.log");
		this.process = new ServerProcess("Milvus " + this.settings.version + " standalone", command, environment, log,
				this.port, this.settings.startupTimeout, this.settings.progress, MilvusStandalone::bannerVersion);
		this.process.start();
		return this;
	}

	private Path etcdConfig(int clientPort, int peerPort) {
		String client = "http://127.0.0.1:" + clientPort;
		String peer = "http://127.0.0.1:" + peerPort;
		String config = "name: default\nlisten-client-urls: " + client + "\nadvertise-client-urls: " + client
				+ "\nlisten-peer-urls: " + peer + "\ninitial-advertise-peer-urls: " + peer
				+ "\ninitial-cluster: default=" + peer + "\n";
		try {
			Files.createDirectories(this.baseDirectory);
			Path file = this.baseDirectory.resolve("etcd.yaml");
			Files.writeString(file, config);
			return file;
		}
		catch (IOException ex) {
			throw new MilvusLocalException("Cannot write the embedded etcd configuration in " + this.baseDirectory, ex);
		}
	}

	/** The version in the start-up banner, printed once the server answers its health check. */
	private static String bannerVersion(ServerProcess process) {
		String lines = process.lastLines(30);
		if (!lines.contains("Welcome to use Milvus")) {
			return null;
		}
		Matcher matcher = BANNER_VERSION.matcher(lines);
		return matcher.find() ? matcher.group(1) : "unknown";
	}

	public String host() {
		return ServerProcess.HOST;
	}

	/** The gRPC (proxy) port. */
	public int port() {
		return this.port;
	}

	/** The URI clients connect to: {@code https://...} when TLS is on. */
	public String uri() {
		return ((this.settings.tlsMode > 0) ? "https://" : "http://") + ServerProcess.HOST + ":" + this.port;
	}

	/** The version from the server's banner, e.g. {@code v2.3.5-lite}. */
	public String serverVersion() {
		return (this.process != null) ? this.process.version() : null;
	}

	public boolean isAuthorizationEnabled() {
		return this.settings.authorization;
	}

	/** The base directory: data, configuration and logs. */
	public Path baseDirectory() {
		return this.baseDirectory;
	}

	public boolean isRunning() {
		return this.process != null && this.process.isRunning();
	}

	public long pid() {
		return (this.process != null) ? this.process.pid() : -1;
	}

	public synchronized void stop() {
		if (this.process != null) {
			this.process.stop();
		}
	}

	/** Kills the server at once (SIGKILL). */
	public synchronized void kill() {
		if (this.process != null) {
			this.process.kill();
		}
	}

	public void pause() {
		this.process.signal("STOP");
	}

	public void resume() {
		this.process.signal("CONT");
	}

	@Override
	public synchronized void close() {
		stop();
		if (this.temporaryBase) {
			try {
				PythonEnvironment.deleteRecursively(this.baseDirectory);
			}
			catch (IOException ex) {
				// left for the OS
			}
		}
	}

	@Override
	public String toString() {
		return "MilvusStandalone[" + uri() + (this.settings.authorization ? ", authorization" : "") + "]";
	}

	/** Settings of a {@link MilvusStandalone}. */
	public static final class Builder {

		private String version = DEFAULT_VERSION;

		private Path baseDirectory;

		private Path cacheDirectory = PythonEnvironment.defaultCacheDirectory();

		private String python = "python3";

		private boolean authorization;

		private int tlsMode;

		private Path serverCertificate;

		private Path serverKey;

		private Path caCertificate;

		private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;

		private Duration installTimeout = MilvusLite.DEFAULT_INSTALL_TIMEOUT;

		private Consumer<String> progress = (line) -> System.getLogger(MilvusStandalone.class.getName())
			.log(System.Logger.Level.INFO, line);

		private Builder() {
		}

		public Builder version(String version) {
			this.version = Objects.requireNonNull(version, "version");
			return this;
		}

		/** Keeps data, configuration and logs here; by default a temporary directory deleted on close. */
		public Builder baseDirectory(Path baseDirectory) {
			this.baseDirectory = baseDirectory;
			return this;
		}

		public Builder cacheDirectory(Path cacheDirectory) {
			this.cacheDirectory = Objects.requireNonNull(cacheDirectory, "cacheDirectory");
			return this;
		}

		public Builder python(String python) {
			this.python = Objects.requireNonNull(python, "python");
			return this;
		}

		/** Requires authentication (user {@code root}, password {@code Milvus}). */
		public Builder authorization(boolean enabled) {
			this.authorization = enabled;
			return this;
		}

		/** One-way TLS with this server certificate and key (PEM). */
		public Builder tls(Path serverCertificate, Path serverKey) {
			this.tlsMode = 1;
			this.serverCertificate = Objects.requireNonNull(serverCertificate, "serverCertificate");
			this.serverKey = Objects.requireNonNull(serverKey, "serverKey");
			return this;
		}

		/** Mutual TLS: clients must present a certificate signed by this CA. */
		public Builder mutualTls(Path serverCertificate, Path serverKey, Path caCertificate) {
			tls(serverCertificate, serverKey);
			this.tlsMode = 2;
			this.caCertificate = Objects.requireNonNull(caCertificate, "caCertificate");
			return this;
		}

		public Builder startupTimeout(Duration startupTimeout) {
			this.startupTimeout = Objects.requireNonNull(startupTimeout, "startupTimeout");
			return this;
		}

		public Builder progress(Consumer<String> progress) {
			this.progress = Objects.requireNonNull(progress, "progress");
			return this;
		}

		public MilvusStandalone build() {
			return new MilvusStandalone(this);
		}

	}

}
