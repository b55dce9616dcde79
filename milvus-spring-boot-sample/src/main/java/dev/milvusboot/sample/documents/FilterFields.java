package dev.milvusboot.sample.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * The filter fields of a request, as the client sent them (query parameters, or members of a JSON body), turned
 * into a {@link DocumentFilter}. The raw Milvus expression {@code filter} of earlier versions is refused rather
 * than ignored, so that a client still sending it learns that its results would not be filtered.
 *
 * @param category the exact category, or {@code null}
 * @param textPrefix how the text starts, or {@code null}
 * @param createdAfter an ISO-8601 instant ({@code 2026-01-31T09:30:00Z}) or date ({@code 2026-01-31}, midnight
 * UTC), or {@code null}
 * @param createdBefore the same, or {@code null}
 * @param filter a raw Milvus expression: refused
 */
record FilterFields(@Nullable String category, @Nullable String textPrefix, @Nullable String createdAfter,
		@Nullable String createdBefore, @Nullable String filter) {

	/** The fields to use instead of {@code filter}. */
	static final String FIELDS = "'category', 'textPrefix', 'createdAfter' and 'createdBefore'";

	private static final int ECHOED_CHARACTERS = 100;

	/**
	 * The filter these fields describe.
	 * @return the filter
	 * @throws InvalidRequestException naming the field that is wrong, or for {@code filter}
	 */
	DocumentFilter toFilter() {
		if (this.filter != null) {
			throw new InvalidRequestException("'filter' (a raw Milvus expression) is no longer accepted: filter with "
					+ FIELDS + " instead");
		}
		return new DocumentFilter(this.category, this.textPrefix, instant(this.createdAfter, "createdAfter"),
				instant(this.createdBefore, "createdBefore"));
	}

	private static @Nullable Instant instant(@Nullable String value, String name) {
		if (value == null) {
			return null;
		}
		try {
			return (value.indexOf('T') >= 0) ? Instant.parse(value)
					: LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeParseException ex) {
			String echoed = (value.length() <= ECHOED_CHARACTERS) ? "'" + value + "'"
					: "a value of " + value.length() + " characters";
			throw new InvalidRequestException("'" + name + "' must be an ISO-8601 instant such as"
					+ " 2026-01-31T09:30:00Z or a date such as 2026-01-31, but was " + echoed);
		}
	}

}
