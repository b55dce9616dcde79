package dev.milvusboot.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The settings every local server has, each with a default: what is installed and from where, where it keeps its
 * data, its port and time limits, and where progress goes. {@link MilvusLite.Builder} and
 * {@link MilvusStandalone.Builder} add their own.
 *
 * @param <B> the concrete builder, returned by every setter
 * @param <S> the server it builds
 */
public abstract class LocalServerBuilder<B extends LocalServerBuilder<B, S>, S extends MilvusLocalServer> {

	/** The server's name in messages, e.g. {@code Milvus Lite}. */
	final String serverName;

	String version;

	String indexUrl;

	Path dataDirectory;

	Path cacheDirectory = CacheDirectory.resolve(null);

	String python = PythonInstaller.DEFAULT_PYTHON;

	int port;

	Duration startupTimeout;

	Duration installTimeout = PythonInstaller.DEFAULT_TIMEOUT;

	Consumer<String> progress = Progress.defaultSink();

	LocalServerBuilder(String serverName, Duration defaultStartupTimeout) {
		this.serverName = serverName;
		this.startupTimeout = defaultStartupTimeout;
	}

	/**
	 * The version of the server's PyPI package: {@code milvus-lite} for Milvus Lite (default: its engine's
	 * {@link MilvusLite.Engine#defaultVersion()}), {@code milvus} for Milvus standalone (default
	 * {@value MilvusStandalone#DEFAULT_VERSION}).
	 * @param version the version, or {@code null} for the default
	 * @return this builder
	 * @throws MilvusLocalException with {@link MilvusLocalException.Reason#INVALID_ARGUMENT} if it is not a version
	 * number
	 */
	public B version(String version) {
		this.version = Arguments.version(version, this.serverName);
		return self();
	}

	/**
	 * The package index (a PEP 503 simple index such as {@code https://pypi.org/simple}) that pip installs the
	 * server from and that Milvus Lite's {@link MilvusLite.Engine#NATIVE} engine's wheel is downloaded from
	 * (default: pip's configuration for pip; {@code PIP_INDEX_URL}, else PyPI, for the download).
	 * @param indexUrl the index, or {@code null} for the default
	 * @return this builder
	 */
	public B indexUrl(String indexUrl) {
		this.indexUrl = indexUrl;
		return self();
	}

	/**
	 * Keeps the data in this directory, kept after close. By default Milvus Lite keeps it in a temporary directory
	 * deleted on close, and Milvus standalone in {@code <base>/data} (see
	 * {@link MilvusStandalone.Builder#baseDirectory(Path)}).
	 * @param dataDirectory the directory, or {@code null} for the default
	 * @return this builder
	 */
	public B dataDirectory(Path dataDirectory) {
		this.dataDirectory = dataDirectory;
		return self();
	}

	/**
	 * Where virtual environments and port reservations are kept (default: see {@link CacheDirectory}).
	 * @param cacheDirectory the directory
	 * @return this builder
	 */
	public B cacheDirectory(Path cacheDirectory) {
		this.cacheDirectory = CacheDirectory.resolve(cacheDirectory);
		return self();
	}

	/**
	 * The Python 3.10+ executable used to create the server's environment (default {@code python3}; Milvus Lite's
	 * {@link MilvusLite.Engine#NATIVE} engine needs no Python).
	 * @param python a command on {@code PATH} or a path
	 * @return this builder
	 */
	public B python(String python) {
		this.python = Objects.requireNonNull(python, "python");
		return self();
	}

	/**
	 * The gRPC port (for Milvus standalone: its proxy's), or 0 (the default) for a free one.
	 * @param port the port
	 * @return this builder
	 * @throws MilvusLocalException with {@link MilvusLocalException.Reason#INVALID_ARGUMENT} if it is not a port
	 */
	public B port(int port) {
		this.port = Arguments.port(port, this.serverName);
		return self();
	}

	/**
	 * How long the server may take to become ready (default {@link MilvusLite#DEFAULT_STARTUP_TIMEOUT} or
	 * {@link MilvusStandalone#DEFAULT_STARTUP_TIMEOUT}).
	 * @param startupTimeout the time-out
	 * @return this builder
	 */
	public B startupTimeout(Duration startupTimeout) {
		this.startupTimeout = Arguments.positive(startupTimeout, this.serverName + " startupTimeout");
		return self();
	}

	/**
	 * How long installing may take (default {@link PythonInstaller#DEFAULT_TIMEOUT}).
	 * @param installTimeout the time-out
	 * @return this builder
	 */
	public B installTimeout(Duration installTimeout) {
		this.installTimeout = Arguments.positive(installTimeout, this.serverName + " installTimeout");
		return self();
	}

	/**
	 * Told of installation and start-up progress (default: {@link System.Logger} at INFO).
	 * @param progress the sink
	 * @return this builder
	 */
	public B progress(Consumer<String> progress) {
		this.progress = Objects.requireNonNull(progress, "progress");
		return self();
	}

	/**
	 * The server, not started yet; its ports are already reserved.
	 * @return the server
	 * @throws MilvusLocalException with {@link MilvusLocalException.Reason#PORT_IN_USE} if a given port is taken
	 */
	public abstract S build();

	/** The installer of the server's Python environment, with these settings. */
	PythonInstaller pythonInstaller() {
		return PythonInstaller.builder()
			.cacheDirectory(this.cacheDirectory)
			.python(this.python)
			.timeout(this.installTimeout)
			.progress(this.progress)
			.indexUrl(this.indexUrl)
			.build();
	}

	@SuppressWarnings("unchecked")
	private B self() {
		return (B) this;
	}

}
