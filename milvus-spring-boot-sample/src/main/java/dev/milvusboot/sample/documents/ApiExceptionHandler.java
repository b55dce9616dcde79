package dev.milvusboot.sample.documents;

import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every failure with an RFC 9457 problem detail (JSON, no stack trace): Spring MVC's own (missing
 * parameters, unreadable JSON, type mismatches) through {@link ResponseEntityExceptionHandler}, requests the API
 * refuses (a missing text, a filter field that is not a date) and requests Milvus rejects (a wrong vector size)
 * with 400 and the reason, an unknown id with 404, and an unreachable Milvus with 503.
 */
@RestControllerAdvice
final class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Log logger = LogFactory.getLog(ApiExceptionHandler.class);

	@ExceptionHandler
	ProblemDetail notFound(DocumentNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Document not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidRequest(InvalidRequestException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage());
	}

	@ExceptionHandler({ InvalidDataAccessApiUsageException.class, InvalidDataAccessResourceUsageException.class })
	ProblemDetail rejectedByMilvus(DataAccessException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Rejected by Milvus", reason(ex));
	}

	/** Checks the client makes before a call (such as building a search) fail without translation. */
	@ExceptionHandler
	ProblemDetail refusedByClient(MilvusInvalidArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Rejected by Milvus", ex.getMessage());
	}

	@ExceptionHandler({ TransientDataAccessException.class, DataAccessResourceFailureException.class })
	ProblemDetail unavailable(DataAccessException ex) {
		logger.warn("Milvus is unavailable: " + reason(ex));
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "Milvus unavailable", reason(ex));
	}

	@ExceptionHandler
	ProblemDetail failed(DataAccessException ex) {
		logger.error("Milvus operation failed", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Milvus operation failed", reason(ex));
	}

	private static String reason(DataAccessException ex) {
		return (ex.getCause() instanceof MilvusException milvus) ? milvus.getMessage() : ex.getMessage();
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
