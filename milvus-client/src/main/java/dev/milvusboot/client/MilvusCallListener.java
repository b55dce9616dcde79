package dev.milvusboot.client;

import dev.milvusboot.client.exception.MilvusException;

/**
 * Told of every call the client makes, for metrics and tracing (the Spring Boot starter turns these into
 * Micrometer observations). Implementations must be thread-safe and fast; they must not throw.
 */
@FunctionalInterface
public interface MilvusCallListener {

	/**
	 * Called when an operation starts (once per operation, however often it is retried).
	 * @param context what is being called
	 * @return the handle told how the call ended
	 */
	Call callStarted(MilvusCallContext context);

	/** The handle of one call in progress. */
	interface Call {

		/**
		 * The call succeeded.
		 * @param count the rows inserted, upserted or deleted, or the query vectors searched; {@code 0} otherwise
		 */
		default void succeeded(long count) {
		}

		/**
		 * The call failed.
		 * @param error what went wrong
		 */
		default void failed(MilvusException error) {
		}

	}

	/**
	 * What is being called.
	 * @param operation the operation, in lower camel case (for example {@code search}, {@code createCollection})
	 * @param collection the collection concerned, or {@code null}
	 * @param database the database used, or {@code null} for the server's default
	 * @param endpoint the server
	 */
	record MilvusCallContext(String operation, String collection, String database, MilvusEndpoint endpoint) {
	}

}
