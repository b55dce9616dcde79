package dev.milvusboot.sample.documents;

/**
 * A request the API refuses before asking Milvus; answered with 400 and its message.
 */
final class InvalidRequestException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	InvalidRequestException(String message) {
		super(message);
	}

}
