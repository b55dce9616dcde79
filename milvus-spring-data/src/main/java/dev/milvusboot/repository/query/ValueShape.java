package dev.milvusboot.repository.query;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * How an argument is shaped before it is bound: as it is, as a LIKE pattern with its wildcards escaped, or as the
 * upper bound of a prefix.
 */
enum ValueShape {

	/** The value itself. */
	AS_IS,

	/**
	 * The least string greater than every string starting with the value: a prefix is matched as a range of
	 * strings (code point order, as Milvus compares UTF-8), which every server understands without LIKE and
	 * its escapes.
	 */
	PREFIX_BOUND,

	/** {@code %value}. */
	SUFFIX,

	/** {@code %value%}. */
	INFIX;

	Object apply(Object value) {
		if (this == AS_IS || value == null) {
			return value;
		}
		if (this == PREFIX_BOUND) {
			return prefixBound(value.toString());
		}
		String escaped = escapeLike(value.toString());
		return switch (this) {
			case SUFFIX -> "%" + escaped;
			default -> "%" + escaped + "%";
		};
	}

	/**
	 * The prefix with its last code point that can be incremented incremented, the rest dropped.
	 * @throws InvalidDataAccessApiUsageException for an empty prefix (or one of only U+10FFFF), which has no
	 * such bound
	 */
	static String prefixBound(String prefix) {
		int[] codePoints = prefix.codePoints().toArray();
		for (int i = codePoints.length - 1; i >= 0; i--) {
			if (codePoints[i] < Character.MAX_CODE_POINT) {
				int next = codePoints[i] + 1;
				if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
					next = Character.MAX_SURROGATE + 1;
				}
				codePoints[i] = next;
				return new String(codePoints, 0, i + 1);
			}
		}
		throw new InvalidDataAccessApiUsageException("StartingWith needs a prefix with a character below"
				+ " U+10FFFF, but got '" + prefix + "'; to match every entity, leave the criterion out");
	}

	/** Escapes LIKE's wildcards and its escape character so that the value matches only itself. */
	static String escapeLike(String value) {
		StringBuilder escaped = new StringBuilder(value.length() + 8);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '%' || c == '_' || c == '\\') {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

}
