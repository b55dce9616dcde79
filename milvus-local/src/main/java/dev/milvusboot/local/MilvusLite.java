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
 * Milvus Lite 3.x on 127.0.0.1, installed from PyPI into a cached Python virtual environment on first use and run
 * as a child process. Start one with {@code MilvusLite.builder().build().start()}; {@link #close()} stops it and
 * its whole process tree (so does JVM shutdown).
 * <pre>
 * try (MilvusLite lite = MilvusLite.builder().build().start()) {
 *     MilvusClient client = MilvusClient.create(lite.uri());
 * }
 * </pre>
 */
public final class MilvusLite implements AutoCloseable {

	/** The Milvus Lite version installed unless told otherwise. */
	public static final String DEFAULT_VERSION = "3.2.2";

	/** The pymilvus version installed with it: Milvus Lite imports pymilvus' protocol classes. */
	public static final String DEFAULT_PYMILVUS_VERSION = "3.0.2";

	/** How long the server may take to answer after it is started. */
	public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(120);

	/** How long installing it may take. */
	public static final Duration DEFAULT_INSTALL_TIMEOUT = Duration.ofMinutes(15);

	private final Builder settings;

	private final Path dataDirectory;

	private final boolean temporaryData;

	private final int port;

	private PythonEnvironment environment;

	private ServerProcess process;

	private MilvusLite(Builder settings) {
		this.settings = settings;
		try {
			this.temporaryData = settings.dataDirectory == null;
			this.dataDirectory = (settings.dataDirectory != null) ? settings.dataDirectory
					: Files.createTempDirectory("milvus-lite-");
		}
		catch (IOException ex) {
			throw new MilvusLocalException("Cannot create a data directory for Milvus Lite: " + ex.getMessage(), ex);
		}
		if (settings.port != 0) {
			ServerProcess.requireFree(settings.port);
		}
		this.port = (settings.port != 0) ? settings.port : ServerProcess.freePort();
	}

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
			this.environment = PythonEnvironment.ensure(this.settings.cacheDirectory, "milvus-lite", this.settings.python,
					List.of("milvus-lite==" + this.settings.version, "pymilvus==" + this.settings.pymilvusVersion),
					this.settings.installTimeout, this.settings.progress);
		}
		if (this.process != null && this.process.isRunning()) {
			return this;
		}
		try {
			Files.createDirectories(this.dataDirectory);
		}
		catch (IOException ex) {
			throw new MilvusLocalException("Cannot create the data directory " + this.dataDirectory, ex);
		}
		this.process = new ServerProcess("Milvus Lite",
				List.of(this.environment.executable("milvus-lite").toString(), "server", "--data-dir",
						this.dataDirectory.toString(), "--host", ServerProcess.HOST, "--port", Integer.toString(this.port)),
				Map.of("PYTHONUNBUFFERED", "1"), logFile(), this.port, this.settings.startupTimeout,
				this.settings.progress);
		this.process.start();
		return this;
	}

	/** The host the server listens on: {@code 127.0.0.1}. */
	public String host() {
		return ServerProcess.HOST;
	}

	/** The gRPC port. */
	public int port() {
		return this.port;
	}

	/** The URI clients connect to, e.g. {@code http://127.0.0.1:41234}. */
	public String uri() {
		return "http://" + ServerProcess.HOST + ":" + this.port;
	}

	/** The server's version as it reports it, e.g. {@code milvus_lite-3.2.2}. */
	public String serverVersion() {
		return (this.process != null) ? this.process.version() : null;
	}

	/** Where the data is kept. */
	public Path dataDirectory() {
		return this.dataDirectory;
	}

	/** The server's log. */
	public Path logFile() {
		return this.dataDirectory.resolveSibling(this.dataDirectory.getFileName() + "-milvus-lite.log");
	}

	/** The Python of the environment Milvus Lite runs in (with pymilvus), e.g. for an independent client. */
	public Path pythonExecutable() {
		if (this.environment == null) {
			throw new MilvusLocalException("Milvus Lite has not been started yet");
		}
		return this.environment.python();
	}

	/** The server's process id, or -1 when it is not running. */
	public long pid() {
		return (this.process != null) ? this.process.pid() : -1;
	}

	/** Whether the server process is alive. */
	public boolean isRunning() {
		return this.process != null && this.process.isRunning();
	}

	/** Stops the server and its process tree; the data directory is kept for {@link #start()}. */
	public synchronized void stop() {
		if (this.process != null) {
			this.process.stop();
		}
	}

	/** Kills the server at once (SIGKILL), as a crash would. */
	public synchronized void kill() {
		if (this.process != null) {
			this.process.kill();
		}
	}

	/** Freezes the server (SIGSTOP): it keeps its connections but answers nothing. */
	public void pause() {
		this.process.signal("STOP");
	}

	/** Thaws a frozen server (SIGCONT). */
	public void resume() {
		this.process.signal("CONT");
	}

	/** Stops and starts the server on the same port and data directory. */
	public synchronized MilvusLite restart() {
		stop();
		return start();
	}

	/** Stops the server; a temporary data directory is deleted. */
	@Override
	public synchronized void close() {
		stop();
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

	@Override
	public String toString() {
		return "MilvusLite[" + uri() + ", data " + this.dataDirectory + "]";
	}

	/** Settings of a {@link MilvusLite}, each with a default. */
	public static final class Builder {

		private String version = DEFAULT_VERSION;

		private String pymilvusVersion = DEFAULT_PYMILVUS_VERSION;

		private Path dataDirectory;

		private Path cacheDirectory = PythonEnvironment.defaultCacheDirectory();

		private String python = "python3";

		private int port;

		private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;

		private Duration installTimeout = DEFAULT_INSTALL_TIMEOUT;

		private Consumer<String> progress = (line) -> System.getLogger(MilvusLite.class.getName())
			.log(System.Logger.Level.INFO, line);

		private Builder() {
		}

		/** The {@code milvus-lite} version from PyPI. */
		public Builder version(String version) {
			this.version = Objects.requireNonNull(version, "version");
			return this;
		}

		public Builder pymilvusVersion(String version) {
			this.pymilvusVersion = Objects.requireNonNull(version, "version");
			return this;
		}

		/** Keeps the data in this directory (kept after close); by default a temporary one, deleted on close. */
		public Builder dataDirectory(Path dataDirectory) {
			this.dataDirectory = dataDirectory;
			return this;
		}

		/** Where virtual environments are cached. */
		public Builder cacheDirectory(Path cacheDirectory) {
			this.cacheDirectory = Objects.requireNonNull(cacheDirectory, "cacheDirectory");
			return this;
		}

		/** The Python 3.10+ executable used to create the environment. */
		public Builder python(String python) {
			this.python = Objects.requireNonNull(python, "python");
			return this;
		}

		/** The port, or 0 (the default) for a free one. */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new MilvusLocalException("Port must be between 0 and 65535, but was " + port);
			}
			this.port = port;
			return this;
		}

		public Builder startupTimeout(Duration startupTimeout) {
			this.startupTimeout = Objects.requireNonNull(startupTimeout, "startupTimeout");
			return this;
		}

		public Builder installTimeout(Duration installTimeout) {
			this.installTimeout = Objects.requireNonNull(installTimeout, "installTimeout");
			return this;
		}

		/** Told of installation and start-up progress. */
		public Builder progress(Consumer<String> progress) {
			this.progress = Objects.requireNonNull(progress, "progress");
			return this;
		}

		/** The server, not started yet. */
		public MilvusLite build() {
			return new MilvusLite(this);
		}

	}

}
