package dev.milvusboot.client.schema;

import dev.milvusboot.client.Limits;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * Checks names of collections, partitions, fields, indexes, aliases and databases before they are sent: Milvus
 * accepts letters, digits and underscores, starting with a letter or underscore, at most 255 characters.
 */
public final class Names {

	/** The longest name Milvus accepts. */
	public static final int MAX_LENGTH = Limits.MAX_NAME_LENGTH;

	private Names() {
	}

	/**
	 * Checks a name.
	 * @param name the name
	 * @param what what is named, for the message (for example {@code "collection name"})
	 * @return the name
	 * @throws MilvusInvalidArgumentException if the name is not valid, saying why
	 */
	public static String requireValid(String name, String what) {
		if (name == null || name.isEmpty()) {
			throw new MilvusInvalidArgumentException("The " + what + " must not be empty");
		}
		if (name.length() > MAX_LENGTH) {
			throw new MilvusInvalidArgumentException("The " + what + " '" + name.substring(0, 32) + "...' is "
					+ name.length() + " characters long; at most " + MAX_LENGTH + " are allowed");
		}
		char first = name.charAt(0);
		if (!(first == '_' || Character.isLetter(first)) || first > 127) {
			throw new MilvusInvalidArgumentException(
					"The " + what + " '" + name + "' must start with a letter or an underscore");
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '_');
			if (!ok) {
				throw new MilvusInvalidArgumentException("The " + what + " '" + name + "' contains '" + c
						+ "' at position " + i + "; only letters, digits and underscores are allowed");
			}
		}
		return name;
	}

}
