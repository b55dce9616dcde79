package dev.milvusboot.client;

import java.time.Duration;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * How transient failures (server unavailable or not ready, rate limited) are retried: exponential backoff with
 * jitter, bounded both in attempts and in total time. Calls that could duplicate rows (inserts, with automatic
 * or given ids) are only retried when they provably never reached the server (the connection was refused).
 *
 * @param maxAttempts the number of attempts in all, including the first; {@code 1} disables retries
 * @param initialBackoff the wait before the first retry
 * @param maxBackoff the longest wait between two attempts
 * @param multiplier how much the wait grows after each retry
 * @param maxElapsed the total time after which no further attempt is started
 */
public record RetryOptions(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
		Duration maxElapsed) {

	/** Default number of attempts. */
	public static final int DEFAULT_MAX_ATTEMPTS = 5;

	/** Default first backoff. */
	public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);

	/** Default longest backoff. */
	public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(3);

	/** Default growth of the backoff. */
	public static final double DEFAULT_MULTIPLIER = 2.0;

	/** Default total time budget of the retries. */
	public static final Duration DEFAULT_MAX_ELAPSED = Duration.ofSeconds(30);

	/** The defaults. */
	public static final RetryOptions DEFAULTS = new RetryOptions(DEFAULT_MAX_ATTEMPTS, DEFAULT_INITIAL_BACKOFF,
			DEFAULT_MAX_BACKOFF, DEFAULT_MULTIPLIER, DEFAULT_MAX_ELAPSED);

	/** No retries at all. */
	public static final RetryOptions NONE = new RetryOptions(1, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF,
			DEFAULT_MULTIPLIER, DEFAULT_MAX_ELAPSED);

	public RetryOptions {
		if (maxAttempts < 1) {
			throw new MilvusInvalidArgumentException("retry maxAttempts must be at least 1, but was " + maxAttempts);
		}
		Durations.requirePositive(initialBackoff, "retry initialBackoff");
		Durations.requirePositive(maxBackoff, "retry maxBackoff");
		Durations.requirePositive(maxElapsed, "retry maxElapsed");
		if (!(multiplier >= 1.0)) {
			throw new MilvusInvalidArgumentException("retry multiplier must be at least 1.0, but was " + multiplier);
		}
	}

	/**
	 * The backoff before retry number {@code retry} (1-based), before jitter.
	 * @param retry the retry number
	 * @return the backoff
	 */
	public Duration backoff(int retry) {
		double millis = this.initialBackoff.toMillis() * Math.pow(this.multiplier, Math.max(0, retry - 1));
		return Duration.ofMillis((long) Math.min(millis, this.maxBackoff.toMillis()));
	}

}
