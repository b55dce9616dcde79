package dev.milvusboot.client.exception;

/**
 * Thrown when the server does not implement an operation or feature (for example partition load on Milvus Lite).
 */
public class MilvusUnsupportedException extends MilvusException {

	private static final long serialVersionUID = 1L;

	public MilvusUnsupportedException(String message, ErrorDetails details, Throwable cause) {
		super(message, details, cause);
	}

	public MilvusUnsupportedException(String message) {
		super(message);
	}

}
