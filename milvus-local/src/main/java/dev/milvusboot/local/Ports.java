package dev.milvusboot.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * TCP ports on 127.0.0.1 for local servers. A port handed out is also reserved with a lock file in the cache
 * directory ({@code <cache>/ports/<port>.lock}) for as long as its server lives, so launchers in other threads or
 * JVMs sharing the cache never pick it, even while the server is stopped for a restart.
 */
final class Ports {

	static final String HOST = "127.0.0.1";

	private static final int ATTEMPTS = 50;

	private Ports() {
	}

	/** A reserved port; {@link #close()} gives it back. */
	static final class Reservation implements AutoCloseable {

		private final int port;

		private final FileLocks.Held lock;

		private Reservation(int port, FileLocks.Held lock) {
			this.port = port;
			this.lock = lock;
		}

		int port() {
			return this.port;
		}

		@Override
		public void close() {
			this.lock.close();
		}

	}

	/**
	 * Reserves a port that is free now.
	 * @param cacheDirectory the cache directory holding the lock files
	 * @return the reservation
	 */
	static Reservation reserveFree(Path cacheDirectory) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			int port = freePort();
			FileLocks.Held lock = FileLocks.tryAcquire(lockFile(cacheDirectory, port));
			if (lock != null) {
				return new Reservation(port, lock);
			}
		}
		throw new MilvusLocalException(MilvusLocalException.Reason.PORT_IN_USE,
				"Found no free port on " + HOST + " that is not reserved in " + cacheDirectory.resolve("ports"));
	}

	/**
	 * Reserves a given port.
	 * @param cacheDirectory the cache directory holding the lock files
	 * @param port the port
	 * @param server the server that wants it, for the message
	 * @return the reservation
	 * @throws MilvusLocalException with {@link MilvusLocalException.Reason#PORT_IN_USE} if something listens on it
	 * or another launcher has reserved it
	 */
	static Reservation reserve(Path cacheDirectory, int port, String server) {
		requireFree(port, server);
		FileLocks.Held lock = FileLocks.tryAcquire(lockFile(cacheDirectory, port));
		if (lock == null) {
			throw new MilvusLocalException(MilvusLocalException.Reason.PORT_IN_USE,
					"Port " + port + " on " + HOST + " for " + server + " is reserved by another local Milvus server ("
							+ lockFile(cacheDirectory, port) + "); choose another port or 0 for a free one");
		}
		return new Reservation(port, lock);
	}

	/**
	 * Fails if something listens on the port now.
	 * @param port the port
	 * @param server the server that wants it, for the message
	 */
	static void requireFree(int port, String server) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
			// free
		}
		catch (IOException ex) {
			throw new MilvusLocalException(MilvusLocalException.Reason.PORT_IN_USE, "Port " + port + " on " + HOST
					+ " is already taken, so " + server + " cannot listen on it (" + ex.getMessage()
					+ "); choose another port or 0 for a free one");
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR,
					"Cannot find a free port on " + HOST + ": " + ex.getMessage(), ex);
		}
	}

	private static Path lockFile(Path cacheDirectory, int port) {
		return cacheDirectory.resolve("ports").resolve(port + ".lock");
	}

}
