package dev.milvusboot.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The full Milvus 2.3 standalone (embedded etcd, local storage, rocksmq) from the PyPI package {@code milvus}, on
 * 127.0.0.1, run through its console script {@code milvus-server}: for what Milvus Lite lacks (authentication, TLS,
 * partition load and release, real compaction, indexes built in the background). Every port it uses (proxy,
 * internal proxy, embedded etcd client and peer, all coordinators and nodes) is reserved beforehand and kept across
 * {@link #restart()}, so several servers run side by side. {@link #start()} returns once the proxy answers
 * {@code CheckHealth} and {@code GetVersion} over gRPC (for mutual TLS without a probe client certificate: once
 * {@code /healthz} on the metrics port says OK).
 * <p>
 * (Somewhat over 300 lines: most of it is public API, its constants, accessors and the builder's own settings; the
 * command line, the base directory and readiness are classes of their own.)
 */
public final class MilvusStandalone extends AbstractLocalServer<MilvusStandalone, MilvusStandalone.Builder> {

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

	private final String version;

	private final StandaloneLayout layout;

	private final Path dataDirectory;

	private final Map<String, Ports.Reservation> otherPorts = new LinkedHashMap<>();

	private final Ports.Reservation etcdPeerPort;

	private PythonEnvironment environment;

	private volatile int resolvedPort;

	private MilvusStandalone(Builder settings) {
		super(settings, settings.baseDirectory, "milvus-standalone-", STOP_GRACE);
		this.version = (settings.version != null) ? settings.version : DEFAULT_VERSION;
		this.layout = new StandaloneLayout(baseDirectory());
		this.dataDirectory = (settings.dataDirectory != null) ? settings.dataDirectory.toAbsolutePath()
				: baseDirectory().resolve("data");
		for (String flag : StandaloneCommand.OTHER_PORT_FLAGS) {
			this.otherPorts.put(flag, reserveOtherPort());
		}
		this.etcdPeerPort = reserveOtherPort();
		this.resolvedPort = reservedPort();
	}

	/**
	 * Starts a builder with the defaults.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	void install() {
		if (this.environment == null) {
			this.environment = this.settings.pythonInstaller()
				.install(PythonRequirements.milvusStandalone(this.version));
		}
	}

	@Override
	ServerProcess newProcess() {
		this.layout.prepare(this.environment);
		Map<String, Integer> otherPorts = new LinkedHashMap<>();
		this.otherPorts.forEach((flag, port) -> otherPorts.put(flag, port.port()));
		List<String> command = StandaloneCommand.of(this.environment.executable("milvus-server"), baseDirectory(),
				reservedPort(), otherPorts, (this.settings.dataDirectory != null) ? this.dataDirectory : null,
				this.settings);
		Path etcdConfig = this.layout.writeEtcdConfig(this.otherPorts.get("--etcd-port").port(),
				this.etcdPeerPort.port());
		return processBuilder(NAME + " " + this.version, command)
			.environment(Map.of("PYTHONUNBUFFERED", "1", "ETCD_CONFIG_PATH", etcdConfig.toString()))
			.workingDirectory(baseDirectory())
			.otherLog(this.layout.logs().resolve("milvus-stderr.log"))
			.otherLog(this.layout.logs().resolve("milvus-stdout.log"))
			.serverExecutable("milvus")
			.readiness((process) -> StandaloneReadiness.probe(this, this.layout, process))
			.build();
	}

	/**
	 * Starts under a lock: the Python launcher picks the metrics port as the first free one from 9091, so starts
	 * are serialized so that two launchers never pick the same.
	 */
	@Override
	void launch(ServerProcess process) {
		try (FileLocks.Held lock = FileLocks.acquire(
				this.settings.cacheDirectory.resolve("locks").resolve("milvus-standalone-start.lock"),
				this.settings.startupTimeout, "starting another Milvus standalone", this.settings.progress)) {
			process.start();
		}
	}

	/** The launcher moved the proxy port when the reserved one was taken: clients follow. */
	void proxyPortRendered(int port) {
		if (port != this.resolvedPort) {
			this.settings.progress.accept("Milvus chose proxy port " + port + " instead of the reserved "
					+ reservedPort() + " (the reserved one was taken)");
			this.resolvedPort = port;
		}
	}

	/**
	 * The port of Milvus' metrics and {@code /healthz} HTTP endpoint, chosen by the launcher (Linux only: read from
	 * the server process' environment).
	 * @return the port, or {@code -1} when not known
	 */
	public int metricsPort() {
		ServerProcess current = process();
		return (current != null) ? StandaloneReadiness.metricsPort(current.pid()) : -1;
	}

	/**
	 * The PyPI {@code milvus} package version it runs.
	 * @return e.g. {@code 2.3.5}
	 */
	public String version() {
		return this.version;
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
		return super.serverVersion();
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
		return directory();
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
		return baseDirectory().resolve("milvus-server.log");
	}

	@Override
	public String toString() {
		return "MilvusStandalone[" + uri() + (this.settings.authorization ? ", authorization" : "")
				+ ((this.settings.tlsMode > 0) ? ", tlsMode " + this.settings.tlsMode : "") + ", base "
				+ baseDirectory() + "]";
	}

	/**
	 * Settings of a {@link MilvusStandalone}, each with a default: those of every local server (see
	 * {@link LocalServerBuilder}) and its base directory, authentication and TLS.
	 */
	public static final class Builder extends LocalServerBuilder<Builder, MilvusStandalone> {

		Path baseDirectory;

		boolean authorization;

		int tlsMode;

		Path serverCertificate;

		Path serverKey;

		Path caCertificate;

		Path probeClientCertificate;

		Path probeClientKey;

		private Builder() {
			super(NAME, DEFAULT_STARTUP_TIMEOUT);
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
		 * The server, not started yet; its ports are already reserved.
		 * @return the server
		 * @throws MilvusLocalException with {@link MilvusLocalException.Reason#PORT_IN_USE} if a given port is taken
		 */
		@Override
		public MilvusStandalone build() {
			return new MilvusStandalone(this);
		}

	}

}
