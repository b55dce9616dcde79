package dev.milvusboot.client.exception;

/**
 * Thrown when a collection, partition, index, alias, database or field does not exist.
 */
public class MilvusNotFoundException extends MilvusException {

	private static final long serialVersionUID = 1L;

	private final ResourceType resourceType;

	public MilvusNotFoundException(String message, ResourceType resourceType, ErrorDetails details, Throwable cause) {
		super(message, details, cause);
		this.resourceType = resourceType;
	}

	/** What kind of thing was not found. */
	public ResourceType resourceType() {
		return this.resourceType;
	}

	/** The kinds of Milvus resources that can be missing. */
	public enum ResourceType {

		COLLECTION, PARTITION, INDEX, ALIAS, DATABASE, FIELD, USER, ROLE, UNKNOWN

	}

}
