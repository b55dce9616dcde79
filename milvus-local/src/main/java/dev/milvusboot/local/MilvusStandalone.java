package dev.milvusboot.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The full Milvus 2.3 standalone (embedded etcd, local storage, rocksmq) from the PyPI package {@code milvus}, on
 * 127.0.0.1, run through its console script {@code milvus-server}: for what Milvus Lite lacks (authentication, TLS,
 * partition load and release, real compaction, indexes built in the background). Every port it uses (proxy,
 * internal proxy, embedded etcd client and peer, all coordinators and nodes) is reserved beforehand and kept across
 * {@link #restart()}, so several servers run side by side. {@link #start()} returns once the proxy answers
 * {@code CheckHealth} and {@code GetVersion} over gRPC (for mutual TLS without a probe client certificate: once
 * {@code /healthz} on the metrics port says OK).
 */
public final class MilvusStandalone implements MilvusLocalServer {

	/** The PyPI {@code milvus} version installed unless told otherwise (the newest there). */
	public static final String DEFAULT_VERSION = PythonRequirements.DEFAULT_MILVUS_STANDALONE_VERSION;

	/** The root user of a server with authorization enabled. */
	public static final String ROOT_USER = "root";

	/** The root user's password until changed. */
	public static final String ROOT_PASSWORD = "Milvus";

	/** How long the server may take to become ready. */
	public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(180);

	/** How long a stopping server may take before it is killed. */
	public static final Duration STOP_GRACE = Duration.ofSeconds(10);

	/**
	 * The session TTL in seconds given to Milvus (its default is 30): a restarted server waits for the sessions of
	 * the killed one to expire, so a shorter TTL makes {@link #restart()} after {@link #kill()} faster.
	 */
	public static final int SESSION_TTL_SECONDS = 15;

	/** The graceful stop time-out in seconds given to Milvus (its default is 1800). */
	public static final int GRACEFUL_STOP_TIMEOUT_SECONDS = 5;

	private static final String NAME = "Milvus standalone";

	private static final List<String> OTHER_PORT_FLAGS = List.of("--proxy-internal-port", "--etcd-port",
			"--root-coord-port", "--query-coord-port", "--query-node-port", "--index-coord-port", "--index-node-port",
			"--data-coord-port", "--data-node-port");

	private static final Pattern PORT_LINE = Pattern.compile("^  port:\\s*(\\d+)\\s*(#.*)?$");

	private static final Pattern METRICS_PORT = Pattern.compile("(?:^|\\x00)METRICS_PORT=(\\d+)");

	private final Builder settings;

	private final Path baseDirectory;

	private final boolean temporaryBase;

	private final Path dataDirectory;

	private final Ports.Reservation proxyPort;

	private final Map<String, Ports.Reservation> otherPorts = new LinkedHashMap<>();

	private final Ports.Reservation etcdPeerPort;

	private PythonEnvironment environment;

	private ServerProcess process;

	private volatile int resolvedPort;

	private String version;

	private MilvusStandalone(Builder settings) {
		this.settings = settings;
		List<Ports.Reservation> reserved = new ArrayList<>();
		try {
			this.proxyPort = (settings.port != 0) ? Ports.reserve(settings.cacheDirectory, settings.port, NAME)
					: Ports.reserveFree(settings.cacheDirectory);
			reserved.add(this.proxyPort);
			for (String flag : OTHER_PORT_FLAGS) {
				Ports.Reservation port = Ports.reserveFree(settings.cacheDirectory);
				reserved.add(port);
				this.otherPorts.put(flag, port);
			}
			this.etcdPeerPort = Ports.reserveFree(settings.cacheDirectory);
			reserved.add(this.etcdPeerPort);
			this.temporaryBase = settings.baseDirectory == null;
			this.baseDirectory = (settings.baseDirectory != null) ? settings.baseDirectory.toAbsolutePath()
					: Files.createTempDirectory("milvus-standalone-");
			this.dataDirectory = (settings.dataDirectory != null) ? settings.dataDirectory.toAbsolutePath()
					: this.baseDirectory.resolve("data");
		}
		catch (IOException | RuntimeException ex) {
			reserved.forEach(Ports.Reservation::close);
			if (ex instanceof MilvusLocalException local) {
				throw local;
			}
			throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR,
					"Cannot create a temporary base directory for Milvus: " + ex.getMessage(), ex);
		}
		this.resolvedPort = this.proxyPort.port();
	}

	/**
	 * Starts a builder with the defaults.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Installs the server if needed and starts it; returns when it is ready.
	 * @return this server
	 * @throws MilvusLocalException saying why it could not start (with the last lines of its logs)
	 */
	public synchronized MilvusStandalone start() {
		if (this.environment == null) {
			this.environment = PythonInstaller.builder()
				.cacheDirectory(this.settings.cacheDirectory)
				.python(this.settings.python)
				.timeout(this.settings.installTimeout)
				.progress(this.settings.progress)
				.build()
				.install(PythonRequirements.milvusStandalone(this.settings.version));
		}
		if (this.process != null && this.process.isRunning()) {
			return this;
		}
		prepareBaseDirectory();
		List<String> command = new ArrayList<>(List.of(this.environment.executable("milvus-server").toString(),
				"--data", this.baseDirectory.toString(), "--proxy-port", Integer.toString(this.proxyPort.port())));
		this.otherPorts.forEach((flag, port) -> command.addAll(List.of(flag, Integer.toString(port.port()))));
		// The Python launcher binds each port to test it (without SO_REUSEADDR) and silently takes the next one when
		// that fails, as it does after a kill while the old connections wait in TIME_WAIT; Milvus binds with
		// SO_REUSEADDR, so the proxy port is set again in its configuration to keep it across restarts.
		extraConfig(command, "proxy.port", Integer.toString(this.proxyPort.port()));
		extraConfig(command, "common.session.ttl", Integer.toString(SESSION_TTL_SECONDS));
		extraConfig(command, "common.gracefulStopTimeout", Integer.toString(GRACEFUL_STOP_TIMEOUT_SECONDS));
		if (this.settings.dataDirectory != null) {
			extraConfig(command, "etcd.data.dir", this.dataDirectory.resolve("etcd.data").toString());
			extraConfig(command, "localStorage.path", this.dataDirectory.toString());
			extraConfig(command, "rocksmq.path", this.dataDirectory.resolve("rocksmq").toString());
		}
		if (this.settings.authorization) {
			// argparse type=bool: any non-empty value is true, so the flag is only passed to enable it
			command.addAll(List.of("--authorization-enabled", "true"));
		}
		if (this.settings.tlsMode > 0) {
			command.addAll(List.of("--tls-mode", Integer.toString(this.settings.tlsMode), "--server-pem-path",
					this.settings.serverCertificate.toString(), "--server-key-path",
					this.settings.serverKey.toString()));
			if (this.settings.caCertificate != null) {
				command.addAll(List.of("--ca-pem-path", this.settings.caCertificate.toString()));
			}
		}
		Map<String, String> environment = new HashMap<>();
		environment.put("PYTHONUNBUFFERED", "1");
		// The embedded etcd otherwise listens on 2379 and 2380 whatever --etcd-port says, so a second server (or a
		// stale one) would clash; its own configuration file moves both ports.
		environment.put("ETCD_CONFIG_PATH", writeEtcdConfig().toString());
		Path logs = this.baseDirectory.resolve("logs");
		this.process = ServerProcess.builder(NAME + " " + this.settings.version, command)
			.environment(environment)
			.workingDirectory(this.baseDirectory)
			.logFile(logFile())
			.otherLog(logs.resolve("milvus-stderr.log"))
			.otherLog(logs.resolve("milvus-stdout.log"))
			.port(this.proxyPort.port())
			.startupTimeout(this.settings.startupTimeout)
			.stopGrace(STOP_GRACE)
			.watchdog(this.settings.cacheDirectory)
			.progress(this.settings.progress)
			.serverExecutable("milvus")
			.readiness(this::probe)
			.build();
		// The Python launcher picks the metrics port as the first free one from 9091: starts are serialized so
		// that two launchers never pick the same.
		try (FileLocks.Held lock = FileLocks.acquire(
				this.settings.cacheDirectory.resolve("locks").resolve("milvus-standalone-start.lock"),
				this.settings.startupTimeout, "starting another Milvus standalone", this.settings.progress)) {
			this.process.start();
		}
		this.version = this.process.version();
		return this;
	}

	private static void extraConfig(List<String> command, String key, String value) {
		command.add("--extra-config");
		command.add(key + "=" + value);
	}

	/**
	 * Makes the base directory and links the binaries unpacked once into the Python environment, with the
	 * checksums that tell the launcher not to unpack them again (about 250 MB and seconds per start saved).
	 */
	private void prepareBaseDirectory() {
		Path shared = this.environment.directory().resolve("milvus-base").resolve("bin");
		Path bin = this.baseDirectory.resolve("bin");
		try {
			Files.createDirectories(bin);
			Files.deleteIfExists(this.baseDirectory.resolve("configs").resolve("milvus.yaml"));
			if (!Files.isDirectory(shared)) {
				return;
			}
			try (Stream<Path> files = Files.list(shared)) {
				for (Path file : files.toList()) {
					Path target = bin.resolve(file.getFileName().toString());
					if (file.getFileName().toString().endsWith(".md5")) {
						Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
					}
					else if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
						Files.createSymbolicLink(target, file);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR,
					"Cannot prepare the Milvus base directory " + this.baseDirectory + ": " + ex, ex);
		}
	}

	private Path writeEtcdConfig() {
		String client = "http://127.0.0.1:" + this.otherPorts.get("--etcd-port").port();
		String peer = "http://127.0.0.1:" + this.etcdPeerPort.port();
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
			throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR,
					"Cannot write the embedded etcd configuration in " + this.baseDirectory + ": " + ex, ex);
		}
	}

	/** Readiness: the rendered configuration names the proxy port, which answers CheckHealth and GetVersion. */
	private String probe(ServerProcess server) {
		Path config = this.baseDirectory.resolve("configs").resolve("milvus.yaml");
		if (!Files.isRegularFile(config)) {
			return null;
		}
		try {
			int port = proxyPort(Files.readAllLines(config));
			if (port <= 0) {
				return null;
			}
			if (port != this.resolvedPort) {
				this.settings.progress.accept("Milvus chose proxy port " + port + " instead of the reserved "
						+ this.proxyPort.port() + " (the reserved one was taken)");
				this.resolvedPort = port;
			}
		}
		catch (IOException | NumberFormatException ex) {
			return null;
		}
		if (this.settings.tlsMode == 2 && this.settings.probeClientCertificate == null) {
			return healthz() ? "v" + this.settings.version + "-lite" : null;
		}
		MilvusProbe.Builder probe = MilvusProbe.builder(ServerProcess.HOST, this.resolvedPort)
			.deadline(Readiness.PROBE_DEADLINE);
		if (this.settings.tlsMode > 0) {
			probe.tlsTrustingAnyCertificate().authority("localhost");
			if (this.settings.probeClientCertificate != null) {
				probe.clientCertificate(this.settings.probeClientCertificate, this.settings.probeClientKey);
			}
		}
		if (this.settings.authorization) {
			probe.credentials(ROOT_USER, ROOT_PASSWORD);
		}
		return Readiness.check(probe);
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

	private boolean healthz() {
		int metrics = metricsPort();
		if (metrics <= 0) {
			return false;
		}
		try {
			HttpURLConnection connection = (HttpURLConnection) new URL(
					"http://" + ServerProcess.HOST + ":" + metrics + "/healthz").openConnection();
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
	 * The port of Milvus' metrics and {@code /healthz} HTTP endpoint, chosen by the launcher (Linux only: read from
	 * the server process' environment).
	 * @return the port, or {@code -1} when not known
	 */
	public int metricsPort() {
		ServerProcess current = this.process;
		if (current == null) {
			return -1;
		}
		return ProcessHandle.of(current.pid())
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

	@Override
	public String host() {
		return ServerProcess.HOST;
	}

	/**
	 * The gRPC (proxy) port, as read from the rendered {@code configs/milvus.yaml}.
	 * @return the port
	 */
	@Override
	public int port() {
		return this.resolvedPort;
	}

	/**
	 * The URI clients connect to.
	 * @return {@code http://127.0.0.1:P}, or {@code https://...} when TLS is on
	 */
	@Override
	public String uri() {
		return ((this.settings.tlsMode > 0) ? "https://" : "http://") + ServerProcess.HOST + ":" + port();
	}

	/**
	 * The version the server reported over gRPC, e.g. {@code v2.3.5-lite} (for mutual TLS without a probe client
	 * certificate: the package version in the same form).
	 * @return the version, or {@code null} before the first start
	 */
	@Override
	public String serverVersion() {
		return this.version;
	}

	/**
	 * Whether authentication is required (user {@value #ROOT_USER}, password {@value #ROOT_PASSWORD}).
	 * @return whether authorization is enabled
	 */
	public boolean isAuthorizationEnabled() {
		return this.settings.authorization;
	}

	/**
	 * The TLS mode.
	 * @return 0 (plain), 1 (one-way TLS) or 2 (mutual TLS)
	 */
	public int tlsMode() {
		return this.settings.tlsMode;
	}

	/**
	 * The base directory: binaries (links), configuration, logs, and by default the data.
	 * @return the directory
	 */
	public Path baseDirectory() {
		return this.baseDirectory;
	}

	@Override
	public Path dataDirectory() {
		return this.dataDirectory;
	}

	/**
	 * The launcher's log ({@code <base>/milvus-server.log}); Milvus' own output is in {@code <base>/logs}.
	 * @return the file
	 */
	@Override
	public Path logFile() {
		return this.baseDirectory.resolve("milvus-server.log");
	}

	@Override
	public boolean isRunning() {
		return this.process != null && this.process.isRunning();
	}

	@Override
	public long pid() {
		return (this.process != null) ? this.process.pid() : -1;
	}

	@Override
	public long residentMemoryBytes() {
		return (this.process != null) ? this.process.residentBytes() : -1;
	}

	@Override
	public synchronized void stop() {
		if (this.process != null) {
			this.process.stop();
		}
	}

	@Override
	public synchronized void kill() {
		if (this.process != null) {
			this.process.kill();
		}
	}

	@Override
	public void pause() {
		requireProcess().signal("STOP");
	}

	@Override
	public void resume() {
		requireProcess().signal("CONT");
	}

	@Override
	public synchronized MilvusStandalone restart() {
		stop();
		return start();
	}

	/** Stops the server and gives its ports back; a temporary base directory is deleted. */
	@Override
	public synchronized void close() {
		try {
			stop();
		}
		finally {
			this.proxyPort.close();
			this.otherPorts.values().forEach(Ports.Reservation::close);
			this.etcdPeerPort.close();
			if (this.temporaryBase) {
				try {
					PythonEnvironment.deleteRecursively(this.baseDirectory);
				}
				catch (IOException ex) {
					// left for the OS
				}
			}
		}
	}

	private ServerProcess requireProcess() {
		ServerProcess current = this.process;
		if (current == null) {
			throw new MilvusLocalException(MilvusLocalException.Reason.NOT_RUNNING,
					"Milvus standalone in " + this.baseDirectory + " has not been started");
		}
		return current;
	}

	@Override
	public String toString() {
		return "MilvusStandalone[" + uri() + (this.settings.authorization ? ", authorization" : "")
				+ ((this.settings.tlsMode > 0) ? ", tlsMode " + this.settings.tlsMode : "") + ", base "
				+ this.baseDirectory + "]";
	}

	/** Settings of a {@link MilvusStandalone}, each with a default. */
	public static final class Builder {

		private String version = DEFAULT_VERSION;

		private Path baseDirectory;

		private Path dataDirectory;

		private Path cacheDirectory = CacheDirectory.resolve(null);

		private String python = PythonInstaller.DEFAULT_PYTHON;

		private int port;

		private boolean authorization;

		private int tlsMode;

		private Path serverCertificate;

		private Path serverKey;

		private Path caCertificate;

		private Path probeClientCertificate;

		private Path probeClientKey;

		private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;

		private Duration installTimeout = PythonInstaller.DEFAULT_TIMEOUT;

		private Consumer<String> progress = Progress.defaultSink();

		private Builder() {
		}

		/**
		 * The PyPI {@code milvus} version (default {@value MilvusStandalone#DEFAULT_VERSION}).
		 * @param version the version
		 * @return this builder
		 */
		public Builder version(String version) {
			this.version = Objects.requireNonNull(version, "version");
			return this;
		}

		/**
		 * Keeps binaries (links), configuration, logs and by default data here (kept after close); by default a
		 * temporary directory deleted on close.
		 * @param baseDirectory the directory, or {@code null}
		 * @return this builder
		 */
		public Builder baseDirectory(Path baseDirectory) {
			this.baseDirectory = baseDirectory;
			return this;
		}

		/**
		 * Keeps the data (etcd, local storage, rocksmq) here instead of {@code <base>/data}.
		 * @param dataDirectory the directory, or {@code null}
		 * @return this builder
		 */
		public Builder dataDirectory(Path dataDirectory) {
			this.dataDirectory = dataDirectory;
			return this;
		}

		/**
		 * Where virtual environments and port reservations are kept (default: see {@link CacheDirectory}).
		 * @param cacheDirectory the directory
		 * @return this builder
		 */
		public Builder cacheDirectory(Path cacheDirectory) {
			this.cacheDirectory = CacheDirectory.resolve(cacheDirectory);
			return this;
		}

		/**
		 * The Python 3.10+ executable used to create the environment (default {@code python3}).
		 * @param python a command on {@code PATH} or a path
		 * @return this builder
		 */
		public Builder python(String python) {
			this.python = Objects.requireNonNull(python, "python");
			return this;
		}

		/**
		 * The gRPC (proxy) port, or 0 (the default) for a free one.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new MilvusLocalException(MilvusLocalException.Reason.INVALID_ARGUMENT,
						"Milvus standalone port must be between 0 and 65535, but was " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * Requires authentication (user {@value MilvusStandalone#ROOT_USER}, password
		 * {@value MilvusStandalone#ROOT_PASSWORD}).
		 * @param enabled whether to require it
		 * @return this builder
		 */
		public Builder authorization(boolean enabled) {
			this.authorization = enabled;
			return this;
		}

		/**
		 * One-way TLS (mode 1) with this server certificate and key (PEM).
		 * @param serverCertificate the certificate chain
		 * @param serverKey the private key
		 * @return this builder
		 */
		public Builder tls(Path serverCertificate, Path serverKey) {
			this.tlsMode = 1;
			this.serverCertificate = Objects.requireNonNull(serverCertificate, "serverCertificate").toAbsolutePath();
			this.serverKey = Objects.requireNonNull(serverKey, "serverKey").toAbsolutePath();
			return this;
		}

		/**
		 * Mutual TLS (mode 2): clients must present a certificate signed by this CA.
		 * @param serverCertificate the certificate chain
		 * @param serverKey the private key
		 * @param caCertificate the CA that signs client certificates
		 * @return this builder
		 */
		public Builder mutualTls(Path serverCertificate, Path serverKey, Path caCertificate) {
			tls(serverCertificate, serverKey);
			this.tlsMode = 2;
			this.caCertificate = Objects.requireNonNull(caCertificate, "caCertificate").toAbsolutePath();
			return this;
		}

		/**
		 * A client certificate the readiness probe presents under mutual TLS, so that readiness and
		 * {@link MilvusStandalone#serverVersion()} come from a real gRPC call (without one, readiness is
		 * {@code /healthz}).
		 * @param certificate the client certificate (PEM)
		 * @param privateKey its PKCS#8 private key (PEM)
		 * @return this builder
		 */
		public Builder probeClientCertificate(Path certificate, Path privateKey) {
			this.probeClientCertificate = certificate;
			this.probeClientKey = privateKey;
			return this;
		}

		/**
		 * How long the server may take to become ready (default {@link MilvusStandalone#DEFAULT_STARTUP_TIMEOUT}).
		 * @param startupTimeout the time-out
		 * @return this builder
		 */
		public Builder startupTimeout(Duration startupTimeout) {
			this.startupTimeout = Durations.requirePositive(startupTimeout, "Milvus standalone startupTimeout");
			return this;
		}

		/**
		 * How long installing may take (default {@link PythonInstaller#DEFAULT_TIMEOUT}).
		 * @param installTimeout the time-out
		 * @return this builder
		 */
		public Builder installTimeout(Duration installTimeout) {
			this.installTimeout = Durations.requirePositive(installTimeout, "Milvus standalone installTimeout");
			return this;
		}

		/**
		 * Told of installation and start-up progress (default: {@link System.Logger} at INFO).
		 * @param progress the sink
		 * @return this builder
		 */
		public Builder progress(Consumer<String> progress) {
			this.progress = Objects.requireNonNull(progress, "progress");
			return this;
		}

		/**
		 * The server, not started yet; its ports are already reserved.
		 * @return the server
		 */
		public MilvusStandalone build() {
			return new MilvusStandalone(this);
		}

	}

}
