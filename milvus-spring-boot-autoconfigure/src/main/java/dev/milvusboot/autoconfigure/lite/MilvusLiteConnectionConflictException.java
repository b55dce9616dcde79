package dev.milvusboot.autoconfigure.lite;

import java.util.List;

/**
 * Thrown at start-up when {@code milvus.lite.enabled=true} and connection properties contradict the connection
 * Milvus Lite supplies, such as a {@code milvus.uri} naming another server. Names the properties and where they are
 * set, never their values. Described by {@link MilvusLiteConnectionConflictFailureAnalyzer}.
 *
 * @since 0.1.0
 */
public class MilvusLiteConnectionConflictException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final List<String> conflicts;

	/**
	 * Creates the exception.
	 * @param conflicts each contradicting property, where it is set and why it contradicts
	 */
	public MilvusLiteConnectionConflictException(List<String> conflicts) {
		super("Milvus Lite supplies the connection (milvus.lite.enabled=true), but " + String.join("; ", conflicts));
		this.conflicts = List.copyOf(conflicts);
	}

	/**
	 * The contradicting properties, each with where it is set and why it contradicts.
	 * @return the conflicts, never empty
	 */
	public List<String> getConflicts() {
		return this.conflicts;
	}

}
