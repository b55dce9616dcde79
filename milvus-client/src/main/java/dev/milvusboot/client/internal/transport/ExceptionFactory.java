package dev.milvusboot.client.internal.transport;

import java.util.Locale;

import dev.milvusboot.client.exception.MilvusAlreadyExistsException;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusException.ErrorDetails;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.exception.MilvusNotFoundException;
import dev.milvusboot.client.exception.MilvusNotFoundException.ResourceType;
import dev.milvusboot.client.exception.MilvusPermissionDeniedException;
import dev.milvusboot.client.exception.MilvusRateLimitedException;
import dev.milvusboot.client.exception.MilvusTimeoutException;
import dev.milvusboot.client.exception.MilvusUnauthenticatedException;
import dev.milvusboot.client.exception.MilvusUnavailableException;
import dev.milvusboot.client.exception.MilvusUnsupportedException;
import dev.milvusboot.client.internal.proto.Status;
import io.grpc.StatusRuntimeException;

/**
 * The one place where gRPC statuses and Milvus status codes become {@link MilvusException}s. Milvus servers set a
 * new-style {@code code} (2.3+) and a legacy {@code error_code}; Milvus Lite uses numbers of its own, so the
 * reason text is the last resort. Internal API.
 */
public final class ExceptionFactory {

	/**
	 * The code Milvus Lite 3 sends (as both codes, not in common.proto's table) for invalid arguments, malformed
	 * filters included, and for some other failures its reason tells ("database 'x' does not exist").
	 */
	private static final int LITE_ERROR = 6;

	private ExceptionFactory() {
	}

	/** Whether a Milvus status means success: both codes zero. */
	public static boolean isSuccess(Status status) {
		return status.getCode() == 0 && status.getErrorCodeValue() == 0;
	}

	/**
	 * Maps a failed Milvus status.
	 * @param status the status, not a success
	 * @param what the operation and the thing it concerned, for the message (for example
	 * {@code "search in collection 'docs'"})
	 * @return the exception to throw
	 */
	public static MilvusException fromStatus(Status status, String what) {
		int code = status.getCode();
		int legacy = status.getErrorCodeValue();
		String reason = status.getReason().isBlank() ? status.getDetail() : status.getReason();
		int reported = (code != 0) ? code : legacy;
		String message = capitalize(what) + " failed: " + (reason.isBlank() ? "no reason given" : reason) + " (code "
				+ reported + ")";
		Kind kind = kindOfCode(code);
		if (code == 1 && legacy != 56 && !status.getRetriable()) {
			// Milvus sends code 1 ("service not ready") with the legacy NotReadyServe (56) and the retriable flag;
			// Milvus Lite sends code 1 for any unexpected error, such as "collection 'x' already exists".
			kind = Kind.OTHER;
		}
		if (kind == Kind.OTHER) {
			kind = kindOfLegacyCode(legacy);
		}
		if (kind == Kind.OTHER) {
			kind = kindOfReason(reason);
		}
		if (kind == Kind.OTHER && legacy == LITE_ERROR) {
			kind = Kind.INVALID_ARGUMENT;
		}
		boolean retryable = status.getRetriable() || kind == Kind.UNAVAILABLE || kind == Kind.RATE_LIMITED;
		ErrorDetails details = new ErrorDetails(reported, reason, "OK", retryable);
		return create(kind, resourceOf(code, legacy, reason), message, details, null);
	}

	/**
	 * Maps a gRPC failure.
	 * @param ex the failure
	 * @param what the operation and the thing it concerned, for the message
	 * @param endpoint the server address, for connection errors
	 * @return the exception to throw
	 */
	public static MilvusException fromGrpc(StatusRuntimeException ex, String what, String endpoint) {
		io.grpc.Status status = ex.getStatus();
		String description = (status.getDescription() != null) ? status.getDescription()
				: (status.getCause() != null) ? String.valueOf(status.getCause().getMessage()) : status.getCode().name();
		Kind kind = switch (status.getCode()) {
			case UNAVAILABLE -> Kind.UNAVAILABLE;
			case DEADLINE_EXCEEDED -> Kind.TIMEOUT;
			case UNAUTHENTICATED -> Kind.UNAUTHENTICATED;
			case PERMISSION_DENIED -> Kind.PERMISSION_DENIED;
			case INVALID_ARGUMENT, OUT_OF_RANGE -> Kind.INVALID_ARGUMENT;
			case NOT_FOUND -> Kind.NOT_FOUND;
			case ALREADY_EXISTS -> Kind.ALREADY_EXISTS;
			case UNIMPLEMENTED -> Kind.UNSUPPORTED;
			case RESOURCE_EXHAUSTED -> isMessageTooLarge(description) ? Kind.INVALID_ARGUMENT : Kind.RATE_LIMITED;
			case UNKNOWN -> isConnectionLoss(status.getCause()) ? Kind.UNAVAILABLE : kindOfReason(description);
			default -> kindOfReason(description);
		};
		String message = switch (kind) {
			case UNAVAILABLE -> capitalize(what) + " failed: Milvus at " + endpoint + " is unavailable: " + description;
			case TIMEOUT -> capitalize(what) + " did not complete within its deadline at Milvus " + endpoint + " ("
					+ description + ")";
			case UNSUPPORTED -> capitalize(what) + " is not supported by the Milvus server at " + endpoint + ": "
					+ description;
			default -> capitalize(what) + " failed: " + description;
		};
		boolean retryable = kind == Kind.UNAVAILABLE || (kind == Kind.RATE_LIMITED);
		ErrorDetails details = new ErrorDetails(0, description, status.getCode().name(), retryable);
		return create(kind, resourceOf(0, 0, description), message, details, ex);
	}

	private static MilvusException create(Kind kind, ResourceType resource, String message, ErrorDetails details,
			Throwable cause) {
		return switch (kind) {
			case NOT_FOUND -> new MilvusNotFoundException(message, resource, details, cause);
			case ALREADY_EXISTS -> new MilvusAlreadyExistsException(message, details, cause);
			case INVALID_ARGUMENT -> new MilvusInvalidArgumentException(message, details, cause);
			case UNAUTHENTICATED -> new MilvusUnauthenticatedException(message, details, cause);
			case PERMISSION_DENIED -> new MilvusPermissionDeniedException(message, details, cause);
			case TIMEOUT -> new MilvusTimeoutException(message, details, cause);
			case UNAVAILABLE -> new MilvusUnavailableException(message, details, cause);
			case RATE_LIMITED -> new MilvusRateLimitedException(message, details, cause);
			case UNSUPPORTED -> new MilvusUnsupportedException(message, details, cause);
			case OTHER -> new MilvusException(message, details, cause);
		};
	}

	/** New-style codes, from the server's error table (pkg/util/merr). */
	private static Kind kindOfCode(int code) {
		return switch (code) {
			case 1, 2 -> Kind.UNAVAILABLE;
			case 4, 8 -> Kind.RATE_LIMITED;
			case 9 -> Kind.RATE_LIMITED;
			case 10, 3000 -> Kind.UNSUPPORTED;
			case 100, 200, 700, 800, 1600, 1700 -> Kind.NOT_FOUND;
			case 702, 1602 -> Kind.ALREADY_EXISTS;
			case 105, 701, 1100, 1101 -> Kind.INVALID_ARGUMENT;
			case 1400 -> Kind.UNAUTHENTICATED;
			case 1401 -> Kind.PERMISSION_DENIED;
			case 10001 -> Kind.TIMEOUT;
			default -> Kind.OTHER;
		};
	}

	/** Legacy {@code ErrorCode} numbers, still the only ones some servers fill. */
	private static Kind kindOfLegacyCode(int legacy) {
		return switch (legacy) {
			case 3 -> Kind.PERMISSION_DENIED;
			case 4, 25, 28 -> Kind.NOT_FOUND;
			case 5, 7, 8, 9, 10, 11, 12, 22, 23 -> Kind.INVALID_ARGUMENT;
			case 49 -> Kind.RATE_LIMITED;
			case 56, 57 -> Kind.UNAVAILABLE;
			default -> Kind.OTHER;
		};
	}

	private static Kind kindOfReason(String reason) {
		String text = reason.toLowerCase(Locale.ROOT);
		// Milvus 2.3 answers a grant of an unknown privilege with "not found the privilege name[NoSuch]"
		if (isMalformedRequest(text) || text.startsWith("not found the privilege name")) {
			return Kind.INVALID_ARGUMENT;
		}
		if (text.contains("not found") || text.contains("not exist") || text.contains("doesn't exist")
				|| text.contains("does not exist")) {
			return Kind.NOT_FOUND;
		}
		if (text.contains("already exist") || text.contains("duplicate")) {
			return Kind.ALREADY_EXISTS;
		}
		if (text.contains("invalid") || text.contains("illegal") || text.contains("mismatch")
				|| text.contains("must be") || text.contains("should be") || text.contains("cannot parse")
				|| text.contains("failed to parse") || text.contains("unexpected token") || text.contains("unknown field")
				|| text.contains("syntax error") || text.contains("field not exist")) {
			return Kind.INVALID_ARGUMENT;
		}
		if (text.contains("unimplemented") || text.contains("not supported") || text.contains("unsupported")) {
			return Kind.UNSUPPORTED;
		}
		return Kind.OTHER;
	}

	/**
	 * Whether a reason says the server could not make a plan of a filter or reject a parameter, whatever else it
	 * says ("field x not exist", "not supported"): Milvus 2.3 answers a malformed filter with code 65535 and
	 * "cannot parse expression" (query), "failed to create query plan" (search) or "failed to create expr plan"
	 * (delete); Milvus Lite 2.5 answers a list of the wrong type ({@code n in ["a"]}) with code 2000 and an
	 * assertion on the literal's {@code GenericValue} kind, a dangling operator on a collection with the dynamic
	 * field ({@code id >}) with code 2000 and "expr type check failed", and an unknown metric with code 65535 and
	 * "metric type ... not found or not supported".
	 */
	private static boolean isMalformedRequest(String text) {
		return text.contains("cannot parse expression") || text.contains("failed to create query plan")
				|| text.contains("failed to create expr plan") || text.contains("invalid expr")
				|| text.contains("plan::genericvalue::k") || text.contains("expr type check failed")
				|| text.startsWith("metric type");
	}

	private static ResourceType resourceOf(int code, int legacy, String reason) {
		switch (code) {
			case 100:
				// Milvus Lite also answers "alias 'x' does not exist" with code 100.
				return reason.toLowerCase(Locale.ROOT).startsWith("alias") ? ResourceType.ALIAS
						: ResourceType.COLLECTION;
			case 200:
				return ResourceType.PARTITION;
			case 700:
				return ResourceType.INDEX;
			case 800:
				return ResourceType.DATABASE;
			case 1600:
				return ResourceType.ALIAS;
			case 1700:
				return ResourceType.FIELD;
			default:
		}
		if (legacy == 4 || legacy == 28) {
			return ResourceType.COLLECTION;
		}
		if (legacy == 25) {
			return ResourceType.INDEX;
		}
		String text = reason.toLowerCase(Locale.ROOT);
		for (ResourceType type : new ResourceType[] { ResourceType.PARTITION, ResourceType.ALIAS, ResourceType.INDEX,
				ResourceType.DATABASE, ResourceType.FIELD, ResourceType.USER, ResourceType.ROLE,
				ResourceType.COLLECTION }) {
			if (text.contains(type.name().toLowerCase(Locale.ROOT))) {
				return type;
			}
		}
		if (text.contains("db") || text.contains("database")) {
			return ResourceType.DATABASE;
		}
		return ResourceType.UNKNOWN;
	}

	/**
	 * Whether a failure came from the connection rather than the server: grpc-netty reports a call whose
	 * connection was cut while it was being written as {@code UNKNOWN: channel closed}, caused by an I/O exception.
	 */
	private static boolean isConnectionLoss(Throwable cause) {
		for (Throwable failure = cause; failure != null; failure = failure.getCause()) {
			if (failure instanceof java.io.IOException) {
				return true;
			}
		}
		return false;
	}

	private static boolean isMessageTooLarge(String description) {
		String text = description.toLowerCase(Locale.ROOT);
		return text.contains("larger than max") || text.contains("message too large") || text.contains("too large");
	}

	private static String capitalize(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private enum Kind {

		NOT_FOUND, ALREADY_EXISTS, INVALID_ARGUMENT, UNAUTHENTICATED, PERMISSION_DENIED, TIMEOUT, UNAVAILABLE,
		RATE_LIMITED, UNSUPPORTED, OTHER

	}

}
