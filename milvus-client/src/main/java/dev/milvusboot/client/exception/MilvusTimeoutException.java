package dev.milvusboot.client.exception;

/**
 * Thrown when a call does not complete within its deadline.
 */
public class MilvusTimeoutException extends MilvusException {

	private static final long serialVersionUID = 1L;

	public MilvusTimeoutException(String message, ErrorDetails details, Throwable cause) {
		super(message, details, cause);
	}

	public MilvusTimeoutException(String message) {
		super(message);
	}

}
