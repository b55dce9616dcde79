package dev.milvusboot.langchain4j;

import dev.milvusboot.client.exception.MilvusUnsupportedException;

/**
 * Milvus {@code like} patterns for ContainsString. {@code %} and {@code _} are wildcards, and the servers disagree on
 * escaping them (Milvus Lite 3.2 has no escape character, Milvus Lite 2.5 takes a backslash), so a value holding
 * {@code %}, {@code _} or a backslash is refused rather than matched too widely.
 */
final class LikePattern {

	private LikePattern() {
	}

	/**
	 * The pattern matching text that contains a value.
	 * @param key the metadata key, for the message
	 * @param value the value
	 * @return the pattern
	 * @throws MilvusUnsupportedException if the value holds a wildcard or a backslash
	 */
	static String containing(String key, String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '%' || c == '_' || c == '\\') {
				throw new MilvusUnsupportedException("ContainsString on metadata key '" + key + "': the value has '" + c
						+ "' at position " + i + ", which Milvus' like cannot match literally on every server");
			}
		}
		return "%" + value + "%";
	}

}
