package dev.milvusboot.local;

import java.io.IOException;
import java.io.OutputStream;

/**
 * What ends a server when this JVM ends: below the {@link Watchdog}, the write end of the watchdog's pipe (the OS
 * closes it however the JVM dies, and the watchdog then ends the server); in any case a shutdown hook that kills
 * the server at a normal JVM exit.
 */
final class Lifeline {

	private final Thread shutdownHook;

	private volatile OutputStream pipe;

	/**
	 * A lifeline whose shutdown hook runs the given action.
	 * @param atShutdown kills the server
	 */
	Lifeline(Runnable atShutdown) {
		this.shutdownHook = new Thread(() -> {
			try {
				atShutdown.run();
			}
			catch (RuntimeException ex) {
				// best effort at JVM shutdown
			}
		}, "milvus-local-shutdown");
	}

	/**
	 * Ties a just started process to this JVM.
	 * @param process the process
	 * @param belowWatchdog whether it runs below the watchdog, whose pipe is its standard input
	 * @throws IOException if its standard input cannot be closed
	 */
	void attach(Process process, boolean belowWatchdog) throws IOException {
		if (belowWatchdog) {
			this.pipe = process.getOutputStream();
		}
		else {
			process.getOutputStream().close();
		}
		try {
			Runtime.getRuntime().addShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			// shutting down already, or registered by an earlier start
		}
	}

	/** Lets go once the process has ended: a watchdog still running ends what is left of the server's tree. */
	void release() {
		OutputStream current = this.pipe;
		this.pipe = null;
		if (current != null) {
			try {
				current.close();
			}
			catch (IOException ex) {
				// the watchdog is gone already
			}
		}
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down
		}
	}

}
