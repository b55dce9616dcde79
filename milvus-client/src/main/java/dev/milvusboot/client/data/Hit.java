package dev.milvusboot.client.data;

/**
 * One search hit: the entity's primary key, its score (distance or similarity, as the metric defines) and the
 * output fields asked for. Field values are decoded only when read.
 */
public interface Hit {

	/** The primary key: a {@code Long} or a {@code String}. */
	Object id();

	/** The primary key of a collection with an int64 key. */
	long longId();

	/** The score: a distance for L2, a similarity for IP and COSINE. */
	float score();

	/**
	 * The value of an output field (dynamic fields included), or {@code null}.
	 * @param field the field name
	 * @return the value
	 */
	Object get(String field);

	/** The output fields of this hit as a row. */
	Row fields();

	/**
	 * The value of the group-by field this hit was grouped under ({@code group_by_field_value}), or {@code null}
	 * if the search did not group or the server did not say.
	 * @return the group value
	 */
	default Object groupValue() {
		return null;
	}

	/**
	 * The highlighted fragments of a text field, for a search with a highlighter on a server that highlights.
	 * @param field the text field
	 * @return the fragments, empty if none
	 */
	default java.util.List<String> highlights(String field) {
		return java.util.List.of();
	}

}
