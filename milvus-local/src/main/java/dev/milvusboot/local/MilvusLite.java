package dev.milvusboot.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Milvus Lite 3.x on 127.0.0.1, installed from PyPI into a cached Python virtual environment on first use (see
 * {@link PythonInstaller}) and run as a child process ({@code milvus-lite server --data-dir D --host 127.0.0.1
 * --port P}). {@link #start()} returns once the server answers {@code CheckHealth} and {@code GetVersion} over gRPC;
 * {@link #close()} stops it and its whole process tree (so does JVM shutdown).
 * <pre>
 * try (MilvusLite lite = MilvusLite.builder().build().start()) {
 *     MilvusClient client = MilvusClient.create(lite.uri());
 * }
 * </pre>
 */
public final class MilvusLite implements MilvusLocalServer {

	/** The Milvus Lite version installed unless told otherwise. */
	public static final String DEFAULT_VERSION = PythonRequirements.DEFAULT_MILVUS_LITE_VERSION;

	/** The pymilvus version installed with it: Milvus Lite imports pymilvus' protocol classes. */
	public static final String DEFAULT_PYMILVUS_VERSION = PythonRequirements.DEFAULT_PYMILVUS_VERSION;

	/** How long the server may take to answer after it is started. */
	public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(120);

	/** How long installing it may take. */
	public static final Duration DEFAULT_INSTALL_TIMEOUT = PythonInstaller.DEFAULT_TIMEOUT;

	/** How long a stopping server may take before it is killed. */
	public static final Duration STOP_GRACE = Duration.ofSeconds(5);

	private static final String NAME = "Milvus Lite";

	private final Builder settings;

	private final Path dataDirectory;

	private final boolean temporaryData;

	private final Ports.Reservation port;

	private PythonEnvironment environment;

	private ServerProcess process;

	private String version;

	private MilvusLite(Builder settings) {
		this.settings = settings;
		this.port = (settings.port != 0) ? Ports.reserve(settings.cacheDirectory, settings.port, NAME)
				: Ports.reserveFree(settings.cacheDirectory);
		try {
			this.temporaryData = settings.dataDirectory == null;
			this.dataDirectory = (settings.dataDirectory != null) ? settings.dataDirectory.toAbsolutePath()
					: Files.createTempDirectory("milvus-lite-");
		}
		catch (IOException ex) {
			this.port.close();
			throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR,
					"Cannot create a temporary data directory for Milvus Lite: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Starts a builder with the defaults.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Installs Milvus Lite if needed and starts it; returns when it answers gRPC calls.
	 * @return this server
	 * @throws MilvusLocalException saying why it could not start (with the server's last log lines)
	 */
	public synchronized MilvusLite start() {
		if (this.environment == null) {
			this.environment = PythonInstaller.builder()
				.cacheDirectory(this.settings.cacheDirectory)
				.python(this.settings.python)
				.timeout(this.settings.installTimeout)
				.progress(this.settings.progress)
				.build()
				.install(PythonRequirements.builder("milvus-lite")
					.requirement("milvus-lite==" + this.settings.version)
					.requirement("pymilvus==" + this.settings.pymilvusVersion)
					.build());
		}
		if (this.process != null && this.process.isRunning()) {
			return this;
		}
		try {
			Files.createDirectories(this.dataDirectory);
		}
		catch (IOException ex) {
			throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR,
					"Cannot create the Milvus Lite data directory " + this.dataDirectory + ": " + ex, ex);
		}
		this.process = ServerProcess
			.builder(NAME + " " + this.settings.version,
					List.of(this.environment.executable("milvus-lite").toString(), "server", "--data-dir",
							this.dataDirectory.toString(), "--host", ServerProcess.HOST, "--port",
							Integer.toString(port())))
			.environment(Map.of("PYTHONUNBUFFERED", "1"))
			.logFile(logFile())
			.port(port())
			.startupTimeout(this.settings.startupTimeout)
			.stopGrace(STOP_GRACE)
			.progress(this.settings.progress)
			.build();
		this.process.start();
		this.version = this.process.version();
		return this;
	}

	@Override
	public String host() {
		return ServerProcess.HOST;
	}

	@Override
	public int port() {
		return this.port.port();
	}

	@Override
	public String uri() {
		return "http://" + ServerProcess.HOST + ":" + port();
	}

	/**
	 * The server's version as it reports it over gRPC.
	 * @return e.g. {@code milvus_lite-3.2.2}, or {@code null} before the first start
	 */
	@Override
	public String serverVersion() {
		return this.version;
	}

	@Override
	public Path dataDirectory() {
		return this.dataDirectory;
	}

	/**
	 * The server's log, next to the data directory ({@code <data>-milvus-lite.log}); each start appends to it.
	 * @return the file
	 */
	@Override
	public Path logFile() {
		return this.dataDirectory.resolveSibling(this.dataDirectory.getFileName() + "-milvus-lite.log");
	}

	/**
	 * The Python of the environment Milvus Lite runs in (with pymilvus), e.g. for an independent client.
	 * @return the interpreter
	 */
	public Path pythonExecutable() {
		if (this.environment == null) {
			throw new MilvusLocalException(MilvusLocalException.Reason.NOT_RUNNING,
					"Milvus Lite has not been started yet, so its Python environment is not known");
		}
		return this.environment.python();
	}

	@Override
	public long pid() {
		return (this.process != null) ? this.process.pid() : -1;
	}

	@Override
	public boolean isRunning() {
		return this.process != null && this.process.isRunning();
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
	public synchronized MilvusLite restart() {
		stop();
		return start();
	}

	/** Stops the server and gives its port back; a temporary data directory and its log are deleted. */
	@Override
	public synchronized void close() {
		try {
			stop();
		}
		finally {
			this.port.close();
			if (this.temporaryData) {
				try {
					PythonEnvironment.deleteRecursively(this.dataDirectory);
					Files.deleteIfExists(logFile());
				}
				catch (IOException ex) {
					// left for the OS to clean
				}
			}
		}
	}

	private ServerProcess requireProcess() {
		ServerProcess current = this.process;
		if (current == null) {
			throw new MilvusLocalException(MilvusLocalException.Reason.NOT_RUNNING,
					"Milvus Lite on port " + port() + " has not been started");
		}
		return current;
	}

	@Override
	public String toString() {
		return "MilvusLite[" + uri() + ", data " + this.dataDirectory + "]";
	}

	/** Settings of a {@link MilvusLite}, each with a default. */
	public static final class Builder {

		private String version = DEFAULT_VERSION;

		private String pymilvusVersion = DEFAULT_PYMILVUS_VERSION;

		private Path dataDirectory;

		private Path cacheDirectory = CacheDirectory.resolve(null);

		private String python = PythonInstaller.DEFAULT_PYTHON;

		private int port;

		private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;

		private Duration installTimeout = DEFAULT_INSTALL_TIMEOUT;

		private Consumer<String> progress = Progress.defaultSink();

		private Builder() {
		}

		/**
		 * The {@code milvus-lite} version from PyPI (default {@value MilvusLite#DEFAULT_VERSION}).
		 * @param version the version
		 * @return this builder
		 */
		public Builder version(String version) {
			this.version = Objects.requireNonNull(version, "version");
			return this;
		}

		/**
		 * The {@code pymilvus} version installed with it (default {@value MilvusLite#DEFAULT_PYMILVUS_VERSION}).
		 * @param version the version
		 * @return this builder
		 */
		public Builder pymilvusVersion(String version) {
			this.pymilvusVersion = Objects.requireNonNull(version, "version");
			return this;
		}

		/**
		 * Keeps the data in this directory (kept after close); by default a temporary one, deleted on close.
		 * @param dataDirectory the directory, or {@code null} for a temporary one
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
		 * The port, or 0 (the default) for a free one.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new MilvusLocalException(MilvusLocalException.Reason.INVALID_ARGUMENT,
						"Milvus Lite port must be between 0 and 65535, but was " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * How long the server may take to answer (default {@link MilvusLite#DEFAULT_STARTUP_TIMEOUT}).
		 * @param startupTimeout the time-out
		 * @return this builder
		 */
		public Builder startupTimeout(Duration startupTimeout) {
			this.startupTimeout = Durations.requirePositive(startupTimeout, "Milvus Lite startupTimeout");
			return this;
		}

		/**
		 * How long installing may take (default {@link MilvusLite#DEFAULT_INSTALL_TIMEOUT}).
		 * @param installTimeout the time-out
		 * @return this builder
		 */
		public Builder installTimeout(Duration installTimeout) {
			this.installTimeout = Durations.requirePositive(installTimeout, "Milvus Lite installTimeout");
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
		 * The server, not started yet; its port is already reserved.
		 * @return the server
		 * @throws MilvusLocalException with {@link MilvusLocalException.Reason#PORT_IN_USE} if a given port is taken
		 */
		public MilvusLite build() {
			return new MilvusLite(this);
		}

	}

}
