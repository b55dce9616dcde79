package dev.milvusboot.client.exception;

/**
 * Thrown when a request is invalid: a wrong dimension or type, a NaN in a vector, an invalid name or filter expression, a malformed URI. Raised by the client before sending whenever it can tell.
 */
public class MilvusInvalidArgumentException extends MilvusException {

	private static final long serialVersionUID = 1L;

	public MilvusInvalidArgumentException(String message, ErrorDetails details, Throwable cause) {
		super(message, details, cause);
	}

	public MilvusInvalidArgumentException(String message) {
		super(message);
	}

}
