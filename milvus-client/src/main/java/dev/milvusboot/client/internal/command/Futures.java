package dev.milvusboot.client.internal.command;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import dev.milvusboot.client.exception.MilvusException;

/**
 * Waits for futures of the client's own commands, rethrowing their {@link MilvusException} as it is. Internal API.
 */
final class Futures {

	private Futures() {
	}

	/**
	 * Waits for a future.
	 * @param <R> the result type
	 * @param future the future
	 * @return its result
	 * @throws MilvusException the failure of the operation
	 */
	static <R> R join(CompletableFuture<R> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			future.cancel(false);
			throw new MilvusException("Interrupted while waiting for Milvus", MilvusException.ErrorDetails.CLIENT, ex);
		}
		catch (ExecutionException ex) {
			throw unwrap(ex.getCause());
		}
		catch (CancellationException ex) {
			throw new MilvusException("The Milvus operation was cancelled", MilvusException.ErrorDetails.CLIENT, ex);
		}
	}

	/** The failure a future completed with, without the {@link CompletionException} around it; never throws. */
	private static Throwable cause(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	/**
	 * The failure to complete a future with: a {@link RuntimeException} or {@link Error} as it is, any other
	 * throwable wrapped in a {@link MilvusException}; never throws (for completion callbacks, where a throw is lost).
	 */
	static Throwable failure(Throwable failure) {
		Throwable cause = cause(failure);
		if (cause instanceof RuntimeException || cause instanceof Error) {
			return cause;
		}
		return new MilvusException("The Milvus operation failed: " + cause, MilvusException.ErrorDetails.CLIENT, cause);
	}

	/** The exception to throw for a failure a future completed with; an {@link Error} is thrown as it is. */
	static RuntimeException unwrap(Throwable failure) {
		Throwable mapped = failure(failure);
		if (mapped instanceof Error error) {
			throw error;
		}
		return (RuntimeException) mapped;
	}

}
