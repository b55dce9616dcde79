package dev.milvusboot.autoconfigure.lite;

import java.nio.file.Path;
import java.time.Duration;

import dev.milvusboot.local.MilvusLite;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the local Milvus Lite server ({@code milvus.lite.*}).
 *
 * @since 0.1.0
 */
@ConfigurationProperties("milvus.lite")
public class MilvusLiteProperties {

	/**
	 * The engine used unless {@code milvus.lite.engine} says otherwise.
	 */
	public static final MilvusLite.Engine DEFAULT_ENGINE = MilvusLite.Engine.PYTHON;

	/**
	 * Whether to install (on first use) and start Milvus Lite on 127.0.0.1 and connect the client to it instead of
	 * 'milvus.uri' or 'milvus.host' and 'milvus.port'. Needs dev.milvusboot:milvus-local on the classpath.
	 */
	private boolean enabled;

	/**
	 * Which Milvus Lite to run: 'python' (Milvus Lite 3.x, pure Python, installed with pip; needs Python 3.10+ with
	 * venv) or 'native' (Milvus Lite 2.5, the C++ binary built from Milvus' own engine, downloaded from PyPI; needs
	 * no Python; no partitions, aliases, users or RBAC).
	 */
	private MilvusLite.Engine engine = DEFAULT_ENGINE;

	/**
	 * Version of the milvus-lite package installed from PyPI. Defaults to the engine's: 3.2.2 for 'python', 2.5.1
	 * for 'native'.
	 */
	private @Nullable String version;

	/**
	 * Whether a leftover Milvus Lite of this kind that holds the data directory (one a killed application left
	 * running) is stopped at start-up. When false, or when the directory is held by another program, start-up fails
	 * naming the process.
	 */
	private boolean stopStaleServer = true;

	/**
	 * Port on 127.0.0.1 to listen on; 0 for a free one.
	 */
	private int port;

	/**
	 * Directory the data is kept in, relative to the working directory unless absolute. Its server log is written
	 * next to it.
	 */
	private Path dataDirectory = Path.of("milvus-lite-data");

	/**
	 * Whether to keep the data directory at shutdown; when false it is deleted after the server stops.
	 */
	private boolean keepData = true;

	/**
	 * Python 3.10+ executable used to create the virtual environment Milvus Lite is installed in ('python' engine
	 * only).
	 */
	private String python = "python3";

	/**
	 * Time the server may take to answer once started (installing it is not included).
	 */
	private Duration startupTimeout = MilvusLite.DEFAULT_STARTUP_TIMEOUT;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public MilvusLite.Engine getEngine() {
		return this.engine;
	}

	public void setEngine(MilvusLite.Engine engine) {
		this.engine = engine;
	}

	public @Nullable String getVersion() {
		return this.version;
	}

	public void setVersion(@Nullable String version) {
		this.version = version;
	}

	public boolean isStopStaleServer() {
		return this.stopStaleServer;
	}

	public void setStopStaleServer(boolean stopStaleServer) {
		this.stopStaleServer = stopStaleServer;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		this.port = port;
	}

	public Path getDataDirectory() {
		return this.dataDirectory;
	}

	public void setDataDirectory(Path dataDirectory) {
		this.dataDirectory = dataDirectory;
	}

	public boolean isKeepData() {
		return this.keepData;
	}

	public void setKeepData(boolean keepData) {
		this.keepData = keepData;
	}

	public String getPython() {
		return this.python;
	}

	public void setPython(String python) {
		this.python = python;
	}

	public Duration getStartupTimeout() {
		return this.startupTimeout;
	}

	public void setStartupTimeout(Duration startupTimeout) {
		this.startupTimeout = startupTimeout;
	}

}
