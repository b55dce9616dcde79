package dev.milvusboot.client.exception;

/**
 * Thrown when the authenticated user lacks the privilege for the operation.
 */
public class MilvusPermissionDeniedException extends MilvusException {

	private static final long serialVersionUID = 1L;

	public MilvusPermissionDeniedException(String message, ErrorDetails details, Throwable cause) {
		super(message, details, cause);
	}

	public MilvusPermissionDeniedException(String message) {
		super(message);
	}

}
