package dev.milvusboot.client.reliability;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import dev.milvusboot.client.exception.MilvusException;

/**
 * Bounded waiting: a condition polled until a time limit, or a call repeated while the server recovers.
 */
final class Await {

	private Await() {
	}

	/** Polls a condition every 20 ms; fails the test with {@code what} if it does not hold within the limit. */
	static void until(String what, Duration limit, BooleanSupplier condition) {
		until(what, limit, condition, () -> "");
	}

	/** Polls a condition every 20 ms; fails the test with {@code what} and the details if it does not hold. */
	static void until(String what, Duration limit, BooleanSupplier condition, Supplier<String> details) {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - deadline > 0) {
				throw new AssertionError("Not within " + limit + ": " + what + " " + details.get());
			}
			sleep(20);
		}
	}

	/**
	 * Repeats a call that fails with {@link MilvusException}s until it succeeds, every 200 ms, within a limit.
	 * @return the call's result
	 */
	static <T> T success(Duration limit, Supplier<T> call) {
		long deadline = System.nanoTime() + limit.toNanos();
		while (true) {
			try {
				return call.get();
			}
			catch (MilvusException ex) {
				if (System.nanoTime() - deadline > 0) {
					throw new AssertionError("The call still failed after " + limit + ": " + ex, ex);
				}
				sleep(200);
			}
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted", ex);
		}
	}

}
