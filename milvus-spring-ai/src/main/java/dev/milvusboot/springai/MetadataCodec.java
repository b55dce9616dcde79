package dev.milvusboot.springai;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * Writes a document's metadata as the JSON object of the metadata field and reads it back with the Java types it
 * was written with. JSON has one number type, so the object also carries a typed envelope: under
 * {@link #TYPES_KEY}, the Java number type of each top-level number (and of the numbers of each top-level list),
 * e.g. {@code {"year": 2023, "@types": {"year": "Integer"}}}. Metadata without the envelope (written by another
 * client) reads back as JSON decodes it: integers as Integer or Long by size, decimals as Double.
 */
final class MetadataCodec {

	/** The reserved key of the typed envelope inside the metadata JSON. */
	static final String TYPES_KEY = "@types";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private MetadataCodec() {
	}

	/** The metadata as a JSON-ready map with the typed envelope; dates become ISO-8601 text. */
	static Map<String, Object> encode(Map<String, Object> metadata) {
		Map<String, Object> json = new LinkedHashMap<>();
		Map<String, String> types = new LinkedHashMap<>();
		for (Map.Entry<String, Object> entry : metadata.entrySet()) {
			if (TYPES_KEY.equals(entry.getKey())) {
				throw new MilvusInvalidArgumentException(
						"The metadata key '" + TYPES_KEY + "' is reserved for the types of the other values");
			}
			Object value = entry.getValue();
			if (value instanceof Date date) {
				value = DateTimeFormatter.ISO_INSTANT.format(date.toInstant());
			}
			String type = typeOf(value);
			if (type != null) {
				types.put(entry.getKey(), type);
			}
			json.put(entry.getKey(), value);
		}
		if (!types.isEmpty()) {
			json.put(TYPES_KEY, types);
		}
		return json;
	}

	/** The metadata read from the field's JSON text, with the types of the envelope restored. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> decode(Object field) {
		if (field == null) {
			return new LinkedHashMap<>();
		}
		Map<String, Object> json = (field instanceof Map<?, ?> map) ? new LinkedHashMap<>((Map<String, Object>) map)
				: JSON.readValue(field.toString(), LinkedHashMap.class);
		Object envelope = json.remove(TYPES_KEY);
		if (envelope instanceof Map<?, ?> types) {
			for (Map.Entry<?, ?> type : types.entrySet()) {
				String key = String.valueOf(type.getKey());
				if (json.containsKey(key)) {
					json.put(key, restore(json.get(key), String.valueOf(type.getValue())));
				}
			}
		}
		return json;
	}

	private static String typeOf(Object value) {
		if (value instanceof Number number) {
			return number.getClass().getSimpleName();
		}
		if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Number first) {
			String type = first.getClass().getSimpleName();
			boolean same = list.stream().allMatch((item) -> item != null && item.getClass() == first.getClass());
			return same ? "List<" + type + ">" : null;
		}
		return null;
	}

	private static Object restore(Object value, String type) {
		if (type.startsWith("List<") && value instanceof List<?> list) {
			String element = type.substring(5, type.length() - 1);
			List<Object> restored = new ArrayList<>(list.size());
			list.forEach((item) -> restored.add(restore(item, element)));
			return restored;
		}
		if (!(value instanceof Number number)) {
			return value;
		}
		return switch (type) {
			case "Integer" -> number.intValue();
			case "Long" -> number.longValue();
			case "Short" -> number.shortValue();
			case "Byte" -> number.byteValue();
			case "Float" -> number.floatValue();
			case "Double" -> number.doubleValue();
			case "BigDecimal" -> new java.math.BigDecimal(number.toString());
			case "BigInteger" -> new java.math.BigInteger(number.toString());
			default -> number;
		};
	}

}
