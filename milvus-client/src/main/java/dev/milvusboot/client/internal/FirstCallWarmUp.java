package dev.milvusboot.client.internal;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

import io.grpc.netty.shaded.io.netty.util.internal.PlatformDependent;

/**
 * Prepares, on a short-lived daemon thread of its own, what a JVM's first call needs besides the channels, while the
 * calling thread builds them and sends the handshake: the registration of the JFR event of Netty's allocator (if
 * Netty's JFR support is on; about a tenth of a second) and the logger the handshake logs to. Nothing changes but
 * the time these take on the calling thread: the same classes are initialised, once, by whichever thread comes
 * first. Runs once per class loader, started by the first handshake. Internal API.
 */
final class FirstCallWarmUp {

	private static final String NETTY_CHUNK_EVENT = "io.grpc.netty.shaded.io.netty.buffer.AllocateChunkEvent";

	private static final AtomicBoolean STARTED = new AtomicBoolean();

	private FirstCallWarmUp() {
	}

	/** Starts the warm-up, unless it was started before. */
	static void start() {
		if (!STARTED.compareAndSet(false, true)) {
			return;
		}
		Thread thread = new Thread(FirstCallWarmUp::run, "milvus-warm-up");
		thread.setDaemon(true);
		thread.start();
	}

	private static void run() {
		try {
			if (PlatformDependent.isJfrEnabled()) {
				Class.forName(NETTY_CHUNK_EVENT, true, FirstCallWarmUp.class.getClassLoader());
			}
			System.getLogger(Handshake.LOGGER);
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			// Only an optimisation: what is missing is done by the first call itself.
			System.getLogger(FirstCallWarmUp.class.getName())
				.log(Level.DEBUG, () -> "Warm-up of the transport skipped: " + ex);
		}
	}

}
