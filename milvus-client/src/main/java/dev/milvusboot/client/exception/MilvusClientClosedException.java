package dev.milvusboot.client.exception;

/**
 * Thrown when a call is made on a client that has been closed.
 */
public class MilvusClientClosedException extends MilvusException {

	private static final long serialVersionUID = 1L;

	public MilvusClientClosedException(String message, ErrorDetails details, Throwable cause) {
		super(message, details, cause);
	}

	public MilvusClientClosedException(String message) {
		super(message);
	}

}
