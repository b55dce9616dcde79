package dev.milvusboot.local;

import java.nio.file.Path;

/**
 * A running local Milvus server on 127.0.0.1 ({@link MilvusLite} or {@link MilvusStandalone}). Closing it stops
 * its whole process tree; fault-injection methods ({@link #kill()}, {@link #pause()}, {@link #resume()},
 * {@link #restart()}) serve fault-tolerance tests.
 */
public interface MilvusLocalServer extends AutoCloseable {

	/**
	 * The host the server listens on.
	 * @return {@code 127.0.0.1}
	 */
	String host();

	/**
	 * The gRPC port.
	 * @return the port
	 */
	int port();

	/**
	 * The URI clients connect to.
	 * @return e.g. {@code http://127.0.0.1:41234}
	 */
	String uri();

	/**
	 * The version the server reported when it became ready.
	 * @return e.g. {@code milvus_lite-3.2.2} or {@code v2.3.5-lite}; {@code null} before the first start
	 */
	String serverVersion();

	/**
	 * Where the server keeps its data.
	 * @return the directory
	 */
	Path dataDirectory();

	/**
	 * The server's main log file.
	 * @return the file
	 */
	Path logFile();

	/**
	 * The id of the launched process (the root of the server's process tree).
	 * @return the pid, or {@code -1} when not running
	 */
	long pid();

	/**
	 * Whether the server's processes run.
	 * @return whether it runs
	 */
	boolean isRunning();

	/**
	 * The resident memory of the server's process tree (Linux {@code /proc}).
	 * @return bytes, or {@code -1} when not running or unknown
	 */
	long residentMemoryBytes();

	/** Stops the server and its process tree (SIGTERM, then SIGKILL after a grace period); data is kept. */
	void stop();

	/** Kills the whole process tree at once (SIGKILL), as a crash would. */
	void kill();

	/** Freezes the process tree (SIGSTOP): connections stay open but nothing answers. */
	void pause();

	/** Thaws a frozen process tree (SIGCONT). */
	void resume();

	/**
	 * Stops the server if it runs and starts it again on the same port and data directory.
	 * @return this server, ready
	 */
	MilvusLocalServer restart();

	/** Stops the server and deletes what it created in temporary directories. */
	@Override
	void close();

}
