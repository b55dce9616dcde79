package dev.milvusboot.client.exception;

/**
 * Thrown when the server cannot be reached or is not ready, after the configured retries.
 */
public class MilvusUnavailableException extends MilvusException {

	private static final long serialVersionUID = 1L;

	public MilvusUnavailableException(String message, ErrorDetails details, Throwable cause) {
		super(message, details, cause);
	}

	public MilvusUnavailableException(String message) {
		super(message);
	}

}
