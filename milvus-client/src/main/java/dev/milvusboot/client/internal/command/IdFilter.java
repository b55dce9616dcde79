package dev.milvusboot.client.internal.command;

import java.util.List;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.internal.codec.Json;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;

/**
 * Filters matching primary keys, {@code id in [1, 2]} or {@code key in ["a", "b"]}, for deletes and gets by id.
 * Internal API.
 */
final class IdFilter {

	private IdFilter() {
	}

	/**
	 * The filter matching the given primary keys.
	 * @param collection the collection, for messages
	 * @param key the primary key field
	 * @param ids the keys ({@code Long}s or {@code String}s as the key's type says)
	 * @return the filter
	 * @throws MilvusInvalidArgumentException naming an id of the wrong type
	 */
	static String of(String collection, FieldSchema key, List<?> ids) {
		StringBuilder filter = new StringBuilder(key.name()).append(" in [");
		for (int i = 0; i < ids.size(); i++) {
			Object id = ids.get(i);
			if (i > 0) {
				filter.append(',');
			}
			if (key.dataType() == DataType.INT64) {
				if (!(id instanceof Long || id instanceof Integer || id instanceof Short || id instanceof Byte)) {
					throw new MilvusInvalidArgumentException("Id " + i + " (" + id + ") for collection '" + collection
							+ "' must be an integer: its primary key '" + key.name() + "' is INT64");
				}
				filter.append(((Number) id).longValue());
			}
			else {
				if (!(id instanceof CharSequence)) {
					throw new MilvusInvalidArgumentException("Id " + i + " (" + id + ") for collection '" + collection
							+ "' must be a string: its primary key '" + key.name() + "' is VARCHAR");
				}
				filter.append(Json.write(id.toString(), "an id"));
			}
		}
		return filter.append(']').toString();
	}

	/** A text shortened to 80 characters for messages. */
	static String abbreviate(String text) {
		return (text.length() > 80) ? text.substring(0, 77) + "..." : text;
	}

}
