package dev.milvusboot.client.exception;

/**
 * Thrown when the server keeps rejecting calls for exceeding its rate limits or quotas, after the configured retries.
 */
public class MilvusRateLimitedException extends MilvusException {

	private static final long serialVersionUID = 1L;

	public MilvusRateLimitedException(String message, ErrorDetails details, Throwable cause) {
		super(message, details, cause);
	}

	public MilvusRateLimitedException(String message) {
		super(message);
	}

}
