package dev.milvusboot.client.reliability;

/**
 * A server of a test's own, which the test may kill, freeze and start again on the same port and data.
 */
interface FaultServer extends AutoCloseable {

	/** The kind of server, for messages and reports. */
	ServerKind kind();

	/** The server's version as it reported it at start. */
	String version();

	/** The URI clients connect to. */
	String uri();

	/** The gRPC port, kept across restarts. */
	int port();

	/** Starts the server again on the same port and data; returns when it answers. */
	void start();

	/** Kills the server's process tree at once (SIGKILL). */
	void kill();

	/** Freezes the server's process tree (SIGSTOP). */
	void pause();

	/** Thaws it (SIGCONT). */
	void resume();

	/** Stops the server and deletes its data. */
	@Override
	void close();

}
