package dev.milvusboot.repository.query;

import org.springframework.data.repository.query.QueryCreationException;

/**
 * The exception for a repository method Milvus cannot run: its message names the repository, the method and the
 * reason, so that the application fails to start saying what to change.
 */
final class QueryFailure {

	private QueryFailure() {
	}

	/**
	 * The failure of a method.
	 * @param method the method
	 * @param reason why it cannot run
	 * @param cause the cause, or {@code null}
	 * @return the exception
	 */
	static QueryCreationException of(MilvusQueryMethod method, String reason, Throwable cause) {
		String message = "Cannot create query method " + method.getMethod().getDeclaringClass().getSimpleName() + "."
				+ method.getName() + ": " + reason;
		return QueryCreationException.create(method, message, cause);
	}

	/**
	 * The failure of a method.
	 * @param method the method
	 * @param reason why it cannot run
	 * @return the exception
	 */
	static QueryCreationException of(MilvusQueryMethod method, String reason) {
		return of(method, reason, null);
	}

}
