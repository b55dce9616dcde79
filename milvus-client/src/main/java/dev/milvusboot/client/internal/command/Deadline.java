package dev.milvusboot.client.internal.command;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.milvusboot.client.exception.MilvusClientClosedException;
import dev.milvusboot.client.exception.MilvusException.ErrorDetails;
import dev.milvusboot.client.exception.MilvusTimeoutException;
import dev.milvusboot.client.internal.transport.Rpc;

/**
 * One operation that may take several calls (an action, then polling until the server is done), all bounded by a
 * single deadline: the settings' timeout, counted from the start of the operation. Nothing blocks: calls are
 * chained and the pauses between polls wait on the client's scheduler. Internal API.
 */
final class Deadline {

	/** The first pause between two polls. */
	static final Duration FIRST_POLL_INTERVAL = Duration.ofMillis(50);

	/** The longest pause between two polls. */
	static final Duration MAX_POLL_INTERVAL = Duration.ofMillis(500);

	private static final double POLL_MULTIPLIER = 1.5;

	private final Dispatch dispatch;

	private final long startNanos;

	private final long deadlineNanos;

	private Deadline(Dispatch dispatch) {
		this.dispatch = dispatch;
		this.startNanos = System.nanoTime();
		this.deadlineNanos = this.startNanos + dispatch.settings().timeout().toNanos();
	}

	/** Starts an operation now, with the deadline of the dispatch's settings. */
	static Deadline start(Dispatch dispatch) {
		return new Deadline(dispatch);
	}

	/**
	 * Sends one call with the time left.
	 * @param <Q> the request type
	 * @param <S> the response type
	 * @param rpc the call
	 * @return the future response; a {@link MilvusTimeoutException} if no time is left
	 */
	<Q, S> CompletableFuture<S> call(Rpc<Q, S> rpc) {
		long remaining = remainingNanos();
		if (remaining <= 0) {
			return CompletableFuture.failedFuture(new MilvusTimeoutException(capitalize(rpc.description())
					+ " was not sent: the deadline of " + timeoutMillis() + " ms had passed"));
		}
		return this.dispatch.with(this.dispatch.settings().withTimeout(Duration.ofNanos(remaining))).callAsync(rpc);
	}

	/**
	 * Polls until a condition holds, pausing 50 ms at first and up to 500 ms between polls.
	 * @param <T> what a poll returns
	 * @param what what is awaited, for the timeout message (for example {@code "collection 'docs' to load"})
	 * @param probe one poll, usually one call
	 * @param done whether a poll's result means the wait is over
	 * @param progress describes a poll's result for the timeout message (for example {@code "progress 40%"})
	 * @return the last poll's result; a {@link MilvusTimeoutException} naming what was awaited if the deadline
	 * passes first
	 */
	<T> CompletableFuture<T> await(String what, Supplier<CompletableFuture<T>> probe, Predicate<T> done,
			Function<T, String> progress) {
		CompletableFuture<T> result = new CompletableFuture<>();
		poll(new Poll<>(what, probe, done, progress, result), FIRST_POLL_INTERVAL.toNanos(), null);
		return result;
	}

	private <T> void poll(Poll<T> poll, long pauseNanos, T previous) {
		CompletableFuture<T> answer;
		try {
			answer = poll.probe.get();
		}
		catch (Throwable ex) {
			// A poll runs on a timer thread: whatever it throws must end in the result, or the caller waits forever.
			answer = CompletableFuture.failedFuture(ex);
		}
		answer.whenComplete((last, failure) -> {
			if (failure != null) {
				Throwable cause = Futures.failure(failure);
				poll.result.completeExceptionally((cause instanceof MilvusTimeoutException timeout)
						? timedOut(poll, previous, timeout) : cause);
				return;
			}
			if (poll.done.test(last)) {
				poll.result.complete(last);
				return;
			}
			long remaining = remainingNanos();
			if (remaining <= 0) {
				poll.result.completeExceptionally(timedOut(poll, last, null));
				return;
			}
			long next = Math.min((long) (pauseNanos * POLL_MULTIPLIER), MAX_POLL_INTERVAL.toNanos());
			try {
				this.dispatch.core().scheduler().schedule(() -> {
					if (remainingNanos() <= 0) {
						poll.result.completeExceptionally(timedOut(poll, last, null));
					}
					else {
						poll(poll, next, last);
					}
				}, Math.min(pauseNanos, remaining), TimeUnit.NANOSECONDS);
			}
			catch (RejectedExecutionException ex) {
				poll.result.completeExceptionally(new MilvusClientClosedException(
						"Stopped waiting for " + poll.what + ": the Milvus client is closed"));
			}
		});
	}

	private <T> MilvusTimeoutException timedOut(Poll<T> poll, T last, MilvusTimeoutException cause) {
		long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - this.startNanos);
		String state = (last != null) ? " (last seen: " + poll.progress.apply(last) + ")" : "";
		String message = "Timed out after " + elapsedMillis + " ms waiting for " + poll.what + state
				+ "; the deadline was " + timeoutMillis() + " ms (use withTimeout(...) to wait longer)";
		return (cause != null) ? new MilvusTimeoutException(message,
				new ErrorDetails(cause.errorCode(), cause.reason(), cause.grpcCode(), false), cause)
				: new MilvusTimeoutException(message);
	}

	private long timeoutMillis() {
		return this.dispatch.settings().timeout().toMillis();
	}

	private long remainingNanos() {
		return this.deadlineNanos - System.nanoTime();
	}

	static String capitalize(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/** What one wait polls for. */
	private record Poll<T>(String what, Supplier<CompletableFuture<T>> probe, Predicate<T> done,
			Function<T, String> progress, CompletableFuture<T> result) {
	}

}
