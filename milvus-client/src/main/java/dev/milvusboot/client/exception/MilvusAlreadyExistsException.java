package dev.milvusboot.client.exception;

/**
 * Thrown when creating something that already exists (collection, partition, index, alias, database, user).
 */
public class MilvusAlreadyExistsException extends MilvusException {

	private static final long serialVersionUID = 1L;

	public MilvusAlreadyExistsException(String message, ErrorDetails details, Throwable cause) {
		super(message, details, cause);
	}

	public MilvusAlreadyExistsException(String message) {
		super(message);
	}

}
