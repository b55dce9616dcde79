package dev.milvusboot.client.exception;

import java.util.Objects;

/**
 * Root of the one unchecked exception family thrown by the Milvus client.
 *
 * <p>Carries what the server or the transport said: the Milvus error code (the server's {@code Status.code},
 * or its legacy {@code error_code} when only that is set), the server's reason, the gRPC status code of the
 * call, and whether repeating the same call may succeed. Messages never contain credentials.
 */
public class MilvusException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int errorCode;

	private final String reason;

	private final String grpcCode;

	private final boolean retryable;

	/**
	 * Creates an exception.
	 * @param message what failed, naming the operation and the collection, field or value at fault
	 * @param details the codes reported by the server or transport
	 * @param cause the underlying cause, may be {@code null}
	 */
	public MilvusException(String message, ErrorDetails details, Throwable cause) {
		super(message, cause);
		Objects.requireNonNull(details, "details");
		this.errorCode = details.errorCode();
		this.reason = details.reason();
		this.grpcCode = details.grpcCode();
		this.retryable = details.retryable();
	}

	/**
	 * Creates an exception raised by the client itself, before or without a server answer.
	 * @param message what is wrong
	 */
	public MilvusException(String message) {
		this(message, ErrorDetails.CLIENT, null);
	}

	/** The Milvus error code, or {@code 0} when the failure did not come from a Milvus status. */
	public int errorCode() {
		return this.errorCode;
	}

	/** The reason given by the server or transport, or an empty string. */
	public String reason() {
		return this.reason;
	}

	/** The gRPC status code name of the failed call (for example {@code UNAVAILABLE}), or {@code OK}. */
	public String grpcCode() {
		return this.grpcCode;
	}

	/** Whether the same call may succeed when repeated later. */
	public boolean isRetryable() {
		return this.retryable;
	}

	/**
	 * The codes that describe a failure.
	 * @param errorCode the Milvus error code, {@code 0} if none
	 * @param reason the server's or transport's reason, never {@code null}
	 * @param grpcCode the gRPC status code name
	 * @param retryable whether a retry may succeed
	 */
	public record ErrorDetails(int errorCode, String reason, String grpcCode, boolean retryable) {

		/** Details of an error found by the client itself. */
		public static final ErrorDetails CLIENT = new ErrorDetails(0, "", "OK", false);

		public ErrorDetails {
			reason = (reason != null) ? reason : "";
			grpcCode = (grpcCode != null) ? grpcCode : "OK";
		}

	}

}
