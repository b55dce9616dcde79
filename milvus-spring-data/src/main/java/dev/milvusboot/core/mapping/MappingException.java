package dev.milvusboot.core.mapping;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A record or class cannot be mapped to a collection; the message names the type and member at fault.
 */
public class MappingException extends InvalidDataAccessApiUsageException {

	private static final long serialVersionUID = 1L;

	public MappingException(String message) {
		super(message);
	}

	public MappingException(String message, Throwable cause) {
		super(message, cause);
	}

}
