package dev.milvusboot.client.data;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * One entity: field names to values, in the order Milvus returned them (or the order they were put). Immutable. Rows
 * are also accepted wherever rows are inserted, as are any {@code Map<String, ?>}. Values are {@code Long},
 * {@code Integer}, {@code Short}, {@code Byte}, {@code Boolean}, {@code Float}, {@code Double}, {@code String},
 * {@code float[]} (float vectors), {@code byte[]} (binary, float16, bfloat16, int8 vectors), {@link SparseVector},
 * {@code List} (arrays), and JSON as {@code String} text or nested {@code Map}/{@code List} values.
 */
public final class Row extends AbstractMap<String, Object> {

	private final Map<String, Object> values;

	private Row(Map<String, Object> values) {
		this.values = Collections.unmodifiableMap(values);
	}

	/**
	 * A row holding a copy of these values.
	 * @param values the values by field name
	 * @return the row
	 */
	public static Row of(Map<String, ?> values) {
		return new Row(new LinkedHashMap<>(values));
	}

	/**
	 * A row from alternating names and values: {@code Row.of("id", 1L, "vector", new float[] {...})}.
	 * @param namesAndValues names and values, alternating
	 * @return the row
	 */
	public static Row of(Object... namesAndValues) {
		if (namesAndValues.length % 2 != 0) {
			throw new MilvusInvalidArgumentException("Row.of needs names and values in pairs, but got "
					+ namesAndValues.length + " arguments");
		}
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			if (!(namesAndValues[i] instanceof String name)) {
				throw new MilvusInvalidArgumentException(
						"Row.of needs a field name (String) at argument " + i + ", but got " + namesAndValues[i]);
			}
			values.put(name, namesAndValues[i + 1]);
		}
		return new Row(values);
	}

	@Override
	public Set<Entry<String, Object>> entrySet() {
		return this.values.entrySet();
	}

	@Override
	public Object get(Object key) {
		return this.values.get(key);
	}

	@Override
	public boolean containsKey(Object key) {
		return this.values.containsKey(key);
	}

	@Override
	public int size() {
		return this.values.size();
	}

	/** The value of an integer field (INT8 to INT64) as a {@code long}. */
	public long getLong(String field) {
		return ((Number) require(field)).longValue();
	}

	/** The value of an INT8, INT16 or INT32 field. */
	public int getInt(String field) {
		return ((Number) require(field)).intValue();
	}

	public double getDouble(String field) {
		return ((Number) require(field)).doubleValue();
	}

	public float getFloat(String field) {
		return ((Number) require(field)).floatValue();
	}

	public boolean getBoolean(String field) {
		return (Boolean) require(field);
	}

	/** The value of a VARCHAR or JSON field as text, or {@code null} if the field is null. */
	public String getString(String field) {
		Object value = require(field);
		return (value != null) ? value.toString() : null;
	}

	/** The value of a float vector field. */
	public float[] getFloatVector(String field) {
		return (float[]) require(field);
	}

	/** The value of an ARRAY field. */
	@SuppressWarnings("unchecked")
	public List<Object> getList(String field) {
		return (List<Object>) require(field);
	}

	private Object require(String field) {
		if (!this.values.containsKey(field)) {
			throw new MilvusInvalidArgumentException(
					"This row has no field '" + field + "'; it has " + this.values.keySet());
		}
		return this.values.get(field);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("{");
		this.values.forEach((name, value) -> {
			if (text.length() > 1) {
				text.append(", ");
			}
			text.append(name).append('=');
			if (value instanceof float[] vector) {
				text.append("float[").append(vector.length).append(']');
			}
			else if (value instanceof byte[] bytes) {
				text.append("byte[").append(bytes.length).append(']');
			}
			else {
				text.append(value);
			}
		});
		return text.append('}').toString();
	}

}
