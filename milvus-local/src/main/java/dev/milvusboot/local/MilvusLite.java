package dev.milvusboot.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Milvus Lite on 127.0.0.1, run as a child process, in one of two {@linkplain Engine engines}:
 * <ul>
 * <li>{@link Engine#PYTHON} (default): Milvus Lite 3.x, pure Python, installed from PyPI into a cached virtual
 * environment on first use (see {@link PythonInstaller}) and run as {@code milvus-lite server --data-dir D --host
 * 127.0.0.1 --port P}; ready once it answers {@code CheckHealth} and {@code GetVersion}.</li>
 * <li>{@link Engine#NATIVE}: Milvus Lite 2.5, one C++ binary built from Milvus' own engine, downloaded from PyPI
 * without Python (see {@link NativeInstaller}) and run as {@code milvus D/milvus.db 127.0.0.1:P ERROR}; ready once
 * it answers {@code Connect} (it implements neither {@code GetVersion} nor {@code CheckHealth}).</li>
 * </ul>
 * {@link #close()} stops the server and its whole process tree; so does JVM shutdown, and a watchdog beside the
 * server ends it when the JVM dies in any other way (see {@link ServerProcess}). A leftover server of ours still
 * holding the data directory is stopped before starting (see {@link Builder#stopStaleServer(boolean)}).
 * <pre>
 * try (MilvusLite lite = MilvusLite.builder().build().start()) {
 *     MilvusClient client = MilvusClient.create(lite.uri());
 * }
 * </pre>
 */
public final class MilvusLite implements MilvusLocalServer {

	/** The Milvus Lite version of the default engine ({@link Engine#PYTHON}) installed unless told otherwise. */
	public static final String DEFAULT_VERSION = PythonRequirements.DEFAULT_MILVUS_LITE_VERSION;

	/** The Milvus Lite version of the {@link Engine#NATIVE} engine installed unless told otherwise. */
	public static final String DEFAULT_NATIVE_VERSION = "2.5.1";

	/** The database file of the {@link Engine#NATIVE} engine in the data directory. */
	public static final String NATIVE_DATABASE_FILE = "milvus.db";

	private static final String NATIVE_LOG_LEVEL = "ERROR";

	private static final String PYTHON_LOCK_FILE = "LOCK";

	/** How Milvus Lite 3.x says that another process holds its data directory. */
	private static final Pattern LOCKED_DATA_DIRECTORY = Pattern
		.compile("DataDirLockedError|another process holds the lock");

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

	private final Engine engine;

	private final String version;

	private PythonEnvironment environment;

	private Path nativeLibrary;

	private FileLocks.Held dataLock;

	private ServerProcess process;

	private String reportedVersion;

	private MilvusLite(Builder settings) {
		this.settings = settings;
		this.engine = settings.engine;
		this.version = (settings.version != null) ? settings.version : settings.engine.defaultVersion();
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
		install();
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
		StaleServers.clear(staleKind(), this.dataDirectory, serverLockFile(), this.settings.stopStaleServer,
				this.settings.progress);
		this.process = (this.engine == Engine.NATIVE) ? nativeProcess() : pythonProcess();
		try {
			this.process.start();
		}
		catch (MilvusLocalException ex) {
			releaseDataLock();
			if (ex.reason() == MilvusLocalException.Reason.SERVER_EXITED
					&& LOCKED_DATA_DIRECTORY.matcher(ex.getMessage()).find()) {
				List<StaleServers.Holder> holders = StaleServers.find(staleKind(), serverLockFile());
				throw StaleServers.locked(staleKind(), this.dataDirectory, holders.isEmpty() ? null : holders.get(0),
						" " + ex.getMessage());
			}
			throw ex;
		}
		catch (RuntimeException ex) {
			releaseDataLock();
			throw ex;
		}
		this.reportedVersion = this.process.version();
		return this;
	}

	private StaleServers.Kind staleKind() {
		return (this.engine == Engine.NATIVE) ? StaleServers.Kind.nativeLite(nativeDatabaseFile())
				: StaleServers.Kind.pythonLite(this.dataDirectory);
	}

	/** The file the server locks: Milvus Lite 3.x flocks {@code LOCK}; for 2.x this launcher locks its file. */
	private Path serverLockFile() {
		return this.dataDirectory
			.resolve((this.engine == Engine.NATIVE) ? "." + NATIVE_DATABASE_FILE + ".lock" : PYTHON_LOCK_FILE);
	}

	private void install() {
		if (this.engine == Engine.NATIVE) {
			if (this.nativeLibrary == null) {
				this.nativeLibrary = new NativeInstaller(this.settings.cacheDirectory, this.settings.indexUrl,
						this.settings.installTimeout, this.settings.progress)
					.install(this.version);
			}
		}
		else if (this.environment == null) {
			this.environment = PythonInstaller.builder()
				.cacheDirectory(this.settings.cacheDirectory)
				.python(this.settings.python)
				.timeout(this.settings.installTimeout)
				.progress(this.settings.progress)
				.indexUrl(this.settings.indexUrl)
				.build()
				.install(PythonRequirements.milvusLite(this.version, this.settings.pymilvusVersion));
		}
	}

	private ServerProcess pythonProcess() {
		return ServerProcess
			.builder(NAME + " " + this.version,
					List.of(this.environment.executable("milvus-lite").toString(), "server", "--data-dir",
							this.dataDirectory.toString(), "--host", ServerProcess.HOST, "--port",
							Integer.toString(port())))
			// Environments are installed without byte-compiling; the server's imports are compiled (and cached) on
			// its first start, also where PYTHONDONTWRITEBYTECODE is set
			.environment(Map.of("PYTHONUNBUFFERED", "1", "PYTHONDONTWRITEBYTECODE", ""))
			.logFile(logFile())
			.port(port())
			.startupTimeout(this.settings.startupTimeout)
			.stopGrace(STOP_GRACE)
			.watchdog(this.settings.cacheDirectory)
			.progress(this.settings.progress)
			.build();
	}

	/**
	 * Milvus Lite 2.x: {@code milvus <db-file> 127.0.0.1:<port> <log-level>} with its libraries on the library
	 * path, as its Python launcher ({@code milvus_lite/server.py}) starts it. The binary takes no lock on its
	 * database, so this launcher holds {@code .<db-file>.lock} in the data directory (the lock file and kind that
	 * launcher uses) while the server runs.
	 */
	private ServerProcess nativeProcess() {
		acquireDataLock();
		String library = this.nativeLibrary.toString();
		String version = this.version;
		int port = port();
		return ServerProcess
			.builder(NAME + " " + version,
					List.of(this.nativeLibrary.resolve(NativeInstaller.EXECUTABLE).toString(),
							nativeDatabaseFile().toString(), ServerProcess.HOST + ":" + port, NATIVE_LOG_LEVEL))
			.environment(Map.of("LD_LIBRARY_PATH", library, "DYLD_LIBRARY_PATH", library))
			.workingDirectory(this.dataDirectory)
			.logFile(logFile())
			.port(port)
			.startupTimeout(this.settings.startupTimeout)
			.stopGrace(STOP_GRACE)
			.watchdog(this.settings.cacheDirectory)
			.progress(this.settings.progress)
			.readiness((process) -> Readiness.connects(ServerProcess.HOST, port, version))
			.build();
	}

	private void acquireDataLock() {
		if (this.dataLock != null) {
			return;
		}
		Path lockFile = serverLockFile();
		this.dataLock = FileLocks.tryAcquire(lockFile);
		if (this.dataLock == null) {
			List<StaleServers.Holder> holders = StaleServers.find(staleKind(), lockFile);
			throw StaleServers.locked(staleKind(), this.dataDirectory, holders.isEmpty() ? null : holders.get(0),
					holders.isEmpty() ? " (" + lockFile + " is locked, by this JVM or another process)" : null);
		}
	}

	private void releaseDataLock() {
		FileLocks.Held lock = this.dataLock;
		this.dataLock = null;
		if (lock != null) {
			lock.close();
		}
	}

	/**
	 * The database file of the {@link Engine#NATIVE} engine in the data directory.
	 * @return the file ({@value #NATIVE_DATABASE_FILE})
	 */
	public Path nativeDatabaseFile() {
		return this.dataDirectory.resolve(NATIVE_DATABASE_FILE);
	}

	/**
	 * The engine this server runs.
	 * @return the engine
	 */
	public Engine engine() {
		return this.engine;
	}

	/**
	 * The {@code milvus-lite} package version it runs.
	 * @return e.g. {@code 3.2.2} or {@code 2.5.1}
	 */
	public String version() {
		return this.version;
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
	 * The server's version as it reports it over gRPC; for the {@link Engine#NATIVE} engine, which does not
	 * implement {@code GetVersion}, the package version.
	 * @return e.g. {@code milvus_lite-3.2.2} or {@code 2.5.1}, or {@code null} before the first start
	 */
	@Override
	public String serverVersion() {
		return this.reportedVersion;
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
		if (this.engine == Engine.NATIVE) {
			throw new MilvusLocalException(MilvusLocalException.Reason.INVALID_ARGUMENT,
					"Milvus Lite's NATIVE engine runs without Python, so it has no Python environment");
		}
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
		try {
			if (this.process != null) {
				this.process.stop();
			}
		}
		finally {
			releaseDataLock();
		}
	}

	@Override
	public synchronized void kill() {
		try {
			if (this.process != null) {
				this.process.kill();
			}
		}
		finally {
			releaseDataLock();
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
		return "MilvusLite[" + this.engine + " " + this.version + ", " + uri() + ", data " + this.dataDirectory + "]";
	}

	/** Which Milvus Lite runs. */
	public enum Engine {

		/** Milvus Lite 3.x, pure Python (PyPI {@code milvus-lite} 3.x); needs Python 3.10+ with venv. */
		PYTHON(PythonRequirements.DEFAULT_MILVUS_LITE_VERSION),

		/**
		 * Milvus Lite 2.5, the single C++ binary built from Milvus' own engine (knowhere, segcore) in the PyPI
		 * wheel of {@code milvus-lite} 2.5; needs no Python. No partitions, aliases, users or RBAC.
		 */
		NATIVE(DEFAULT_NATIVE_VERSION);

		private final String defaultVersion;

		Engine(String defaultVersion) {
			this.defaultVersion = defaultVersion;
		}

		/**
		 * The {@code milvus-lite} version installed unless told otherwise.
		 * @return e.g. {@code 3.2.2}
		 */
		public String defaultVersion() {
			return this.defaultVersion;
		}

	}

	/** Settings of a {@link MilvusLite}, each with a default. */
	public static final class Builder {

		private Engine engine = Engine.PYTHON;

		private String version;

		private String indexUrl;

		private boolean stopStaleServer = true;

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
		 * Which Milvus Lite to run (default {@link Engine#PYTHON}).
		 * @param engine the engine
		 * @return this builder
		 */
		public Builder engine(Engine engine) {
			this.engine = Objects.requireNonNull(engine, "engine");
			return this;
		}

		/**
		 * The {@code milvus-lite} version from PyPI (default: the engine's {@link Engine#defaultVersion()}).
		 * @param version the version, or {@code null} for the engine's default
		 * @return this builder
		 */
		public Builder version(String version) {
			if (version != null && !version.matches("[0-9A-Za-z.+!-]+")) {
				throw new MilvusLocalException(MilvusLocalException.Reason.INVALID_ARGUMENT,
						"Milvus Lite version '" + version + "' is not a version number such as 2.5.1");
			}
			this.version = version;
			return this;
		}

		/**
		 * The package index (a PEP 503 simple index such as {@code https://pypi.org/simple}) that pip installs the
		 * {@link Engine#PYTHON} engine from and the {@link Engine#NATIVE} engine's wheel is downloaded from
		 * (default: pip's configuration for pip; {@code PIP_INDEX_URL}, else PyPI, for the download).
		 * @param indexUrl the index, or {@code null} for the default
		 * @return this builder
		 */
		public Builder indexUrl(String indexUrl) {
			this.indexUrl = indexUrl;
			return this;
		}

		/**
		 * Whether a leftover server of ours (an orphan of a killed JVM: one of these launchers on the same data
		 * directory) is stopped before starting (default {@code true}). When {@code false}, or when the
		 * directory is held by a process that is not ours, {@link MilvusLite#start()} fails with
		 * {@link MilvusLocalException.Reason#DATA_DIRECTORY_LOCKED}, naming the process.
		 * @param stopStaleServer whether to stop it
		 * @return this builder
		 */
		public Builder stopStaleServer(boolean stopStaleServer) {
			this.stopStaleServer = stopStaleServer;
			return this;
		}

		/**
		 * The {@code pymilvus} version installed with the {@link Engine#PYTHON} engine (default
		 * {@value MilvusLite#DEFAULT_PYMILVUS_VERSION}).
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
		 * The Python 3.10+ executable used to create the {@link Engine#PYTHON} engine's environment (default
		 * {@code python3}; the {@link Engine#NATIVE} engine needs no Python).
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
