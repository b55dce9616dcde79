package dev.milvusboot.client.exception;

/**
 * Thrown when the server rejects the credentials (wrong user, password or token).
 */
public class MilvusUnauthenticatedException extends MilvusException {

	private static final long serialVersionUID = 1L;

	public MilvusUnauthenticatedException(String message, ErrorDetails details, Throwable cause) {
		super(message, details, cause);
	}

	public MilvusUnauthenticatedException(String message) {
		super(message);
	}

}
