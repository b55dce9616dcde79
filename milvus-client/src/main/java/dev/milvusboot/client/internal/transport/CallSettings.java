package dev.milvusboot.client.internal.transport;

import java.time.Duration;

import dev.milvusboot.client.RetryOptions;

/**
 * The settings one call runs with: its overall deadline (retries included), its database and its retry policy.
 * Internal API.
 *
 * @param timeout the deadline of the whole operation, retries included
 * @param database the database, or {@code null} for the server's default
 * @param retry the retry policy
 */
public record CallSettings(Duration timeout, String database, RetryOptions retry) {

	public CallSettings withTimeout(Duration timeout) {
		return new CallSettings(timeout, this.database, this.retry);
	}

	public CallSettings withDatabase(String database) {
		return new CallSettings(this.timeout, database, this.retry);
	}

	public CallSettings withRetry(RetryOptions retry) {
		return new CallSettings(this.timeout, this.database, retry);
	}

}
