package dev.milvusboot.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
public final class MilvusLite extends AbstractLocalServer<MilvusLite, MilvusLite.Builder> {

	/** The Milvus Lite version of the default engine ({@link Engine#PYTHON}) installed unless told otherwise. */
	public static final String DEFAULT_VERSION = PythonRequirements.DEFAULT_MILVUS_LITE_VERSION;

	/** The Milvus Lite version of the {@link Engine#NATIVE} engine installed unless told otherwise. */
	public static final String DEFAULT_NATIVE_VERSION = "2.5.1";

	/** The database file of the {@link Engine#NATIVE} engine in the data directory. */
	public static final String NATIVE_DATABASE_FILE = "milvus.db";

	private static final String NATIVE_LOG_LEVEL = "ERROR";

	/** The pymilvus version installed with it: Milvus Lite imports pymilvus' protocol classes. */
	public static final String DEFAULT_PYMILVUS_VERSION = PythonRequirements.DEFAULT_PYMILVUS_VERSION;

	/** How long the server may take to answer after it is started. */
	public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(120);

	/** How long installing it may take. */
	public static final Duration DEFAULT_INSTALL_TIMEOUT = PythonInstaller.DEFAULT_TIMEOUT;

	/** How long a stopping server may take before it is killed. */
	public static final Duration STOP_GRACE = Duration.ofSeconds(5);

	private static final String NAME = "Milvus Lite";

	private final Engine engine;

	private final String version;

	private final LiteDataDirectory data;

	private PythonEnvironment environment;

	private Path nativeLibrary;

	private MilvusLite(Builder settings) {
		super(settings, settings.dataDirectory, "milvus-lite-", STOP_GRACE);
		this.engine = settings.engine;
		this.version = (settings.version != null) ? settings.version : settings.engine.defaultVersion();
		this.data = new LiteDataDirectory(dataDirectory(), this.engine);
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
		if (this.engine == Engine.NATIVE) {
			if (this.nativeLibrary == null) {
				this.nativeLibrary = new NativeInstaller(this.settings.cacheDirectory, this.settings.indexUrl,
						this.settings.installTimeout, this.settings.progress)
					.install(this.version);
			}
		}
		else if (this.environment == null) {
			this.environment = this.settings.pythonInstaller()
				.install(PythonRequirements.milvusLite(this.version, this.settings.pymilvusVersion));
		}
	}

	@Override
	ServerProcess newProcess() {
		this.data.prepare(this.settings.stopStaleServer, this.settings.progress);
		return (this.engine == Engine.NATIVE) ? nativeProcess() : pythonProcess();
	}

	@Override
	void launch(ServerProcess process) {
		try {
			process.start();
		}
		catch (MilvusLocalException ex) {
			this.data.unlock();
			throw this.data.startFailure(ex);
		}
		catch (RuntimeException ex) {
			this.data.unlock();
			throw ex;
		}
	}

	@Override
	void stopped() {
		this.data.unlock();
	}

	private ServerProcess pythonProcess() {
		return processBuilder(NAME + " " + this.version,
				List.of(this.environment.executable("milvus-lite").toString(), "server", "--data-dir",
						dataDirectory().toString(), "--host", ServerProcess.HOST, "--port", Integer.toString(port())))
			// Environments are installed without byte-compiling; the server's imports are compiled (and cached) on
			// its first start, also where PYTHONDONTWRITEBYTECODE is set
			.environment(Map.of("PYTHONUNBUFFERED", "1", "PYTHONDONTWRITEBYTECODE", ""))
			.build();
	}

	/**
	 * Milvus Lite 2.x: {@code milvus <db-file> 127.0.0.1:<port> <log-level>} with its libraries on the library
	 * path, as its Python launcher ({@code milvus_lite/server.py}) starts it, while this launcher holds the data
	 * directory's lock (see {@link LiteDataDirectory}).
	 */
	private ServerProcess nativeProcess() {
		this.data.lock();
		String library = this.nativeLibrary.toString();
		String version = this.version;
		int port = port();
		return processBuilder(NAME + " " + version,
				List.of(this.nativeLibrary.resolve(NativeInstaller.EXECUTABLE).toString(),
						nativeDatabaseFile().toString(), ServerProcess.HOST + ":" + port, NATIVE_LOG_LEVEL))
			.environment(Map.of("LD_LIBRARY_PATH", library, "DYLD_LIBRARY_PATH", library))
			.workingDirectory(dataDirectory())
			.readiness((process) -> Readiness.connects(ServerProcess.HOST, port, version))
			.build();
	}

	/**
	 * The database file of the {@link Engine#NATIVE} engine in the data directory.
	 * @return the file ({@value #NATIVE_DATABASE_FILE})
	 */
	public Path nativeDatabaseFile() {
		return this.data.nativeDatabaseFile();
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

	/**
	 * The server's version as it reports it over gRPC; for the {@link Engine#NATIVE} engine, which does not
	 * implement {@code GetVersion}, the package version.
	 * @return e.g. {@code milvus_lite-3.2.2} or {@code 2.5.1}, or {@code null} before the first start
	 */
	@Override
	public String serverVersion() {
		return super.serverVersion();
	}

	@Override
	public Path dataDirectory() {
		return directory();
	}

	/**
	 * The server's log, next to the data directory ({@code <data>-milvus-lite.log}); each start appends to it.
	 * @return the file
	 */
	@Override
	public Path logFile() {
		return directory().resolveSibling(directory().getFileName() + "-milvus-lite.log");
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
	public String toString() {
		return "MilvusLite[" + this.engine + " " + this.version + ", " + uri() + ", data " + dataDirectory() + "]";
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

	/**
	 * Settings of a {@link MilvusLite}, each with a default: those of every local server (see
	 * {@link LocalServerBuilder}) and the engine, its stale-server handling and the pymilvus version.
	 */
	public static final class Builder extends LocalServerBuilder<Builder, MilvusLite> {

		private Engine engine = Engine.PYTHON;

		private boolean stopStaleServer = true;

		private String pymilvusVersion = DEFAULT_PYMILVUS_VERSION;

		private Builder() {
			super(NAME, DEFAULT_STARTUP_TIMEOUT);
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
		 * The server, not started yet; its port is already reserved.
		 * @return the server
		 * @throws MilvusLocalException with {@link MilvusLocalException.Reason#PORT_IN_USE} if a given port is taken
		 */
		@Override
		public MilvusLite build() {
			return new MilvusLite(this);
		}

	}

}
