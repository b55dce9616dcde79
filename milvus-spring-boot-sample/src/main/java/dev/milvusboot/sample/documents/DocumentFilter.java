package dev.milvusboot.sample.documents;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which documents a listing or a search keeps: every condition is optional, and a document must meet all the
 * given ones. The values are typed and checked here, then bound as filter parameters by the repository: none is
 * ever part of an expression's text.
 *
 * @param category the exact category (the metadata's {@code category}), or {@code null} for any
 * @param textPrefix how the text starts (exactly, case-sensitive), or {@code null} for any
 * @param createdAfter keeps documents stored strictly after this instant, or {@code null}
 * @param createdBefore keeps documents stored strictly before this instant, or {@code null}
 */
public record DocumentFilter(@Nullable String category, @Nullable String textPrefix, @Nullable Instant createdAfter,
		@Nullable Instant createdBefore) {

	/** Keeps every document. */
	public static final DocumentFilter NONE = new DocumentFilter(null, null, null, null);

	/**
	 * Checks the values.
	 * @throws InvalidRequestException naming a value that is blank, too long or out of range
	 */
	public DocumentFilter {
		if (category != null && category.isBlank()) {
			throw new InvalidRequestException("'category' must not be blank (leave it out to keep every category)");
		}
		if (category != null && category.length() > Document.MAX_CATEGORY_LENGTH) {
			throw new InvalidRequestException("'category' must have at most " + Document.MAX_CATEGORY_LENGTH
					+ " characters, but has " + category.length());
		}
		if (textPrefix != null && textPrefix.isEmpty()) {
			throw new InvalidRequestException("'textPrefix' must not be empty (leave it out to keep every text)");
		}
		if (textPrefix != null && textPrefix.length() > Document.MAX_TEXT_LENGTH) {
			throw new InvalidRequestException("'textPrefix' must have at most " + Document.MAX_TEXT_LENGTH
					+ " characters, but has " + textPrefix.length());
		}
		millis(createdAfter, "createdAfter", false);
		millis(createdBefore, "createdBefore", true);
	}

	/**
	 * The exclusive lower bound of {@code created}: the instant's millisecond (a document of that millisecond was
	 * not stored after it), or the least bound when there is none.
	 */
	long createdAfterMillis() {
		return (this.createdAfter != null) ? millis(this.createdAfter, "createdAfter", false) : Long.MIN_VALUE + 1;
	}

	/**
	 * The exclusive upper bound of {@code created}: the instant's millisecond, rounded up when the instant lies
	 * inside it (a document of that millisecond was stored before it), or the greatest bound when there is none.
	 */
	long createdBeforeMillis() {
		return (this.createdBefore != null) ? millis(this.createdBefore, "createdBefore", true) : Long.MAX_VALUE;
	}

	private static long millis(@Nullable Instant instant, String name, boolean roundUp) {
		if (instant == null) {
			return 0;
		}
		try {
			long millis = instant.toEpochMilli();
			if (roundUp && instant.getNano() % 1_000_000 != 0) {
				millis = Math.addExact(millis, 1);
			}
			// the bounds of a missing value are kept for it (and Long.MIN_VALUE is no literal for Milvus 2.3)
			if (millis <= Long.MIN_VALUE + 1 || millis == Long.MAX_VALUE) {
				throw new ArithmeticException();
			}
			return millis;
		}
		catch (ArithmeticException ex) {
			throw new InvalidRequestException("'" + name + "' is out of range: " + instant);
		}
	}

}
