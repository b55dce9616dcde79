package dev.milvusboot.client.internal.ops;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusException.ErrorDetails;
import dev.milvusboot.client.exception.MilvusTimeoutException;
import dev.milvusboot.client.internal.ClientCore;
import dev.milvusboot.client.internal.transport.CallSettings;
import dev.milvusboot.client.internal.transport.Rpc;

/**
 * One operation that may take several calls (an action, then polling until the server is done), all bounded by a
 * single deadline: the call settings' timeout, counted from the start of the operation. Internal API.
 */
final class Deadline {

	/** The first pause between two polls. */
	static final Duration FIRST_POLL_INTERVAL = Duration.ofMillis(50);

	/** The longest pause between two polls. */
	static final Duration MAX_POLL_INTERVAL = Duration.ofMillis(500);

	private static final double POLL_MULTIPLIER = 1.5;

	private final ClientCore core;

	private final CallSettings settings;

	private final long startNanos;

	private final long deadlineNanos;

	private Deadline(ClientCore core, CallSettings settings) {
		this.core = core;
		this.settings = settings;
		this.startNanos = System.nanoTime();
		this.deadlineNanos = this.startNanos + settings.timeout().toNanos();
	}

	/** Starts an operation now, with the deadline of the given settings. */
	static Deadline start(ClientCore core, CallSettings settings) {
		return new Deadline(core, settings);
	}

	/**
	 * Sends one call with the time left.
	 * @param <Q> the request type
	 * @param <R> the response type
	 * @param rpc the call
	 * @return the response
	 * @throws MilvusTimeoutException if no time is left
	 */
	<Q, R> R call(Rpc<Q, R> rpc) {
		long remaining = remainingNanos();
		if (remaining <= 0) {
			throw new MilvusTimeoutException(capitalize(rpc.description()) + " was not sent: the deadline of "
					+ this.settings.timeout().toMillis() + " ms had passed");
		}
		return this.core.call(rpc, this.settings.withTimeout(Duration.ofNanos(remaining)));
	}

	/**
	 * Polls until a condition holds, pausing 50 ms at first and up to 500 ms between polls.
	 * @param <T> what a poll returns
	 * @param what what is awaited, for the timeout message (for example {@code "collection 'docs' to load"})
	 * @param probe one poll, usually one call
	 * @param done whether a poll's result means the wait is over
	 * @param progress describes a poll's result for the timeout message (for example {@code "progress 40%"})
	 * @return the last poll's result
	 * @throws MilvusTimeoutException if the deadline passes first, naming what was awaited
	 */
	<T> T await(String what, Supplier<T> probe, Predicate<T> done, Function<T, String> progress) {
		long pauseNanos = FIRST_POLL_INTERVAL.toNanos();
		T last = null;
		while (true) {
			try {
				last = probe.get();
			}
			catch (MilvusTimeoutException ex) {
				throw timedOut(what, last, progress, ex);
			}
			if (done.test(last)) {
				return last;
			}
			long remaining = remainingNanos();
			if (remaining <= 0) {
				throw timedOut(what, last, progress, null);
			}
			try {
				TimeUnit.NANOSECONDS.sleep(Math.min(pauseNanos, remaining));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new MilvusException("Interrupted while waiting for " + what);
			}
			if (remainingNanos() <= 0) {
				throw timedOut(what, last, progress, null);
			}
			pauseNanos = Math.min((long) (pauseNanos * POLL_MULTIPLIER), MAX_POLL_INTERVAL.toNanos());
		}
	}

	private <T> MilvusTimeoutException timedOut(String what, T last, Function<T, String> progress,
			MilvusTimeoutException cause) {
		long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - this.startNanos);
		String state = (last != null) ? " (last seen: " + progress.apply(last) + ")" : "";
		String message = "Timed out after " + elapsedMillis + " ms waiting for " + what + state
				+ "; the deadline was " + this.settings.timeout().toMillis()
				+ " ms (use withTimeout(...) to wait longer)";
		return (cause != null) ? new MilvusTimeoutException(message,
				new ErrorDetails(cause.errorCode(), cause.reason(), cause.grpcCode(), false), cause)
				: new MilvusTimeoutException(message);
	}

	private long remainingNanos() {
		return this.deadlineNanos - System.nanoTime();
	}

	static String capitalize(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
