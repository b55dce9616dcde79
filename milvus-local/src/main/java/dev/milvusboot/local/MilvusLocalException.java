package dev.milvusboot.local;

/**
 * A local Milvus server could not be installed, started or stopped; the message says why and what to do.
 */
public class MilvusLocalException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public MilvusLocalException(String message) {
		super(message);
	}

	public MilvusLocalException(String message, Throwable cause) {
		super(message, cause);
	}

}
