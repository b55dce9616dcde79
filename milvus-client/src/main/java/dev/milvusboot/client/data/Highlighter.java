package dev.milvusboot.client.data;

import java.util.ArrayList;
import java.util.List;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * Lexical highlighting of the text that matched a full-text search (Milvus 2.6): fragments of the hits' text
 * fields with the matched terms between tags, read with {@link Hit#highlights(String)}. Servers without it
 * ignore it. Start with {@link #lexical()}.
 */
public final class Highlighter {

	private final List<String> preTags;

	private final List<String> postTags;

	private final Integer fragmentOffset;

	private final Integer fragmentSize;

	private final Integer fragments;

	private final Boolean highlightSearchText;

	private final List<Query> queries;

	private Highlighter(Builder builder) {
		this.preTags = builder.preTags;
		this.postTags = builder.postTags;
		this.fragmentOffset = builder.fragmentOffset;
		this.fragmentSize = builder.fragmentSize;
		this.fragments = builder.fragments;
		this.highlightSearchText = builder.highlightSearchText;
		this.queries = List.copyOf(builder.queries);
	}

	/** Starts a lexical highlighter. */
	public static Builder lexical() {
		return new Builder();
	}

	/** The tags put before a match, or {@code null} for the server's. */
	public List<String> preTags() {
		return this.preTags;
	}

	/** The tags put after a match, or {@code null} for the server's. */
	public List<String> postTags() {
		return this.postTags;
	}

	/** The fragments' start offset, or {@code null} for the server's. */
	public Integer fragmentOffset() {
		return this.fragmentOffset;
	}

	/** The fragments' length in characters, or {@code null} for the server's. */
	public Integer fragmentSize() {
		return this.fragmentSize;
	}

	/** How many fragments per hit, or {@code null} for the server's. */
	public Integer fragments() {
		return this.fragments;
	}

	/** Whether the search's own text is highlighted, or {@code null} for the server's default. */
	public Boolean highlightSearchText() {
		return this.highlightSearchText;
	}

	/** Further texts to highlight. */
	public List<Query> queries() {
		return this.queries;
	}

	/**
	 * A further text to highlight in a field.
	 * @param type how it matches, e.g. {@code "TextMatch"}
	 * @param field the field
	 * @param text the text
	 */
	public record Query(String type, String field, String text) {
	}

	/** Builds a {@link Highlighter}. */
	public static final class Builder {

		private List<String> preTags;

		private List<String> postTags;

		private Integer fragmentOffset;

		private Integer fragmentSize;

		private Integer fragments;

		private Boolean highlightSearchText;

		private final List<Query> queries = new ArrayList<>();

		private Builder() {
		}

		/** The tags around a match, e.g. {@code tags("<b>", "</b>")}. */
		public Builder tags(String pre, String post) {
			if (pre == null || post == null) {
				throw new MilvusInvalidArgumentException("Highlighter: tags must not be null");
			}
			this.preTags = List.of(pre);
			this.postTags = List.of(post);
			return this;
		}

		/** The start offset of fragments (at least 0). */
		public Builder fragmentOffset(int offset) {
			this.fragmentOffset = requireAtLeast(offset, 0, "fragmentOffset");
			return this;
		}

		/** The length of fragments in characters (at least 1). */
		public Builder fragmentSize(int size) {
			this.fragmentSize = requireAtLeast(size, 1, "fragmentSize");
			return this;
		}

		/** How many fragments per hit (at least 1). */
		public Builder fragments(int count) {
			this.fragments = requireAtLeast(count, 1, "fragments");
			return this;
		}

		/** Whether the search's own text is highlighted. */
		public Builder highlightSearchText(boolean highlight) {
			this.highlightSearchText = highlight;
			return this;
		}

		/** Also highlights a text in a field, matched as {@code type} (e.g. {@code "TextMatch"}). */
		public Builder query(String type, String field, String text) {
			if (type == null || field == null || text == null) {
				throw new MilvusInvalidArgumentException("Highlighter: a query needs a type, a field and a text");
			}
			this.queries.add(new Query(type, field, text));
			return this;
		}

		public Highlighter build() {
			return new Highlighter(this);
		}

		private static int requireAtLeast(int value, int minimum, String parameter) {
			if (value < minimum) {
				throw new MilvusInvalidArgumentException(
						"Highlighter: " + parameter + " must be at least " + minimum + ", but was " + value);
			}
			return value;
		}

	}

}
