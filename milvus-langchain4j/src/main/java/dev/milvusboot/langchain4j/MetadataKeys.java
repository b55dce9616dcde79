package dev.milvusboot.langchain4j;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * The rule for metadata keys used in filters: a key is written into the filter expression as a JSON path
 * ({@code metadata["key"]}), so it may not contain what would end or escape that string (quotes, backslashes) nor
 * control characters. Values are never written into expressions; they travel as parameters.
 */
final class MetadataKeys {

	private MetadataKeys() {
	}

	/**
	 * Checks a key.
	 * @param key the key
	 * @return the key
	 * @throws MilvusInvalidArgumentException naming the key and the character at fault
	 */
	static String requireValid(String key) {
		if (key == null || key.isEmpty()) {
			throw new MilvusInvalidArgumentException("A metadata key in a filter must not be null or empty");
		}
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (c == '"' || c == '\'' || c == '\\' || Character.isISOControl(c)) {
				throw new MilvusInvalidArgumentException("The metadata key '" + key + "' cannot be used in a Milvus filter: "
						+ "it has the character " + describe(c) + " at position " + i
						+ " (quotes, backslashes and control characters are not allowed)");
			}
		}
		return key;
	}

	private static String describe(char c) {
		return Character.isISOControl(c) ? String.format("U+%04X", (int) c) : "'" + c + "'";
	}

}
