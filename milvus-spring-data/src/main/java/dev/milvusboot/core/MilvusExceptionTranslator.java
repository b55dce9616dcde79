package dev.milvusboot.core;

import dev.milvusboot.client.exception.MilvusAlreadyExistsException;
import dev.milvusboot.client.exception.MilvusClientClosedException;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.exception.MilvusNotFoundException;
import dev.milvusboot.client.exception.MilvusPermissionDeniedException;
import dev.milvusboot.client.exception.MilvusRateLimitedException;
import dev.milvusboot.client.exception.MilvusTimeoutException;
import dev.milvusboot.client.exception.MilvusUnauthenticatedException;
import dev.milvusboot.client.exception.MilvusUnavailableException;
import dev.milvusboot.client.exception.MilvusUnsupportedException;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;

/**
 * Translates {@link MilvusException}s into Spring's {@link DataAccessException} hierarchy, keeping the Milvus
 * exception as the cause (with its error code, reason and retryability).
 */
public class MilvusExceptionTranslator implements PersistenceExceptionTranslator {

	@Override
	public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
		if (!(ex instanceof MilvusException milvus)) {
			return null;
		}
		return Translation.of(milvus);
	}

	/**
	 * The translation itself, in a class of its own: loading the translator (when a template is created) then
	 * does not load every Spring exception it can return.
	 */
	private static final class Translation {

		private Translation() {
		}

		static DataAccessException of(MilvusException milvus) {
			String message = milvus.getMessage();
			if (milvus instanceof MilvusNotFoundException || milvus instanceof MilvusUnsupportedException) {
				return new InvalidDataAccessResourceUsageException(message, milvus);
			}
			if (milvus instanceof MilvusInvalidArgumentException) {
				return new InvalidDataAccessApiUsageException(message, milvus);
			}
			if (milvus instanceof MilvusAlreadyExistsException) {
				return new DataIntegrityViolationException(message, milvus);
			}
			if (milvus instanceof MilvusUnauthenticatedException || milvus instanceof MilvusPermissionDeniedException) {
				return new PermissionDeniedDataAccessException(message, milvus);
			}
			if (milvus instanceof MilvusTimeoutException) {
				return new QueryTimeoutException(message, milvus);
			}
			if (milvus instanceof MilvusUnavailableException || milvus instanceof MilvusRateLimitedException) {
				return new TransientDataAccessResourceException(message, milvus);
			}
			if (milvus instanceof MilvusClientClosedException) {
				return new DataAccessResourceFailureException(message, milvus);
			}
			return new UncategorizedMilvusException(message, milvus);
		}

	}

	/** A Milvus failure no more specific Spring exception describes. */
	public static class UncategorizedMilvusException extends UncategorizedDataAccessException {

		private static final long serialVersionUID = 1L;

		public UncategorizedMilvusException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
