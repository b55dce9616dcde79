package dev.milvusboot.langchain4j;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.langchain4j.data.document.Metadata;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * Metadata in two JSON fields: the values as plain JSON (what filters compare: texts, UUIDs as text, numbers), and
 * beside them each key's Java type ({@code "INTEGER"}, {@code "LONG"}, {@code "FLOAT"}, {@code "DOUBLE"},
 * {@code "STRING"}, {@code "UUID"}), so that an Integer comes back an Integer, a Float a Float and a UUID a UUID.
 * Numbers are read from their decimal text, never through a binary rounding: {@code Long.MAX_VALUE},
 * {@code Float.MIN_VALUE} and {@code 1.23456789f} come back exactly. Without the types (a collection written by
 * another store), whole numbers come back as Integer (Long when too large) and others as Double.
 */
final class MetadataCodec {

	private static final ObjectMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
		.build();

	private MetadataCodec() {
	}

	/**
	 * The metadata as it is stored: its values and its types, each the map of a JSON object, which the client writes
	 * once into the request (no JSON text made here and parsed again there to check it).
	 */
	record Encoded(Map<String, Object> values, Map<String, String> types) {
	}

	/**
	 * Encodes metadata. Numbers keep their Java type, so the client writes each in its own decimal text (a Float as
	 * {@link Float#toString(float)}: {@code 1.1f} is {@code 1.1}, not the double's {@code 1.100000023841858}).
	 * @param metadata the metadata, may be {@code null}
	 * @return the values and the types
	 */
	static Encoded encode(Metadata metadata) {
		if (metadata == null) {
			return new Encoded(Map.of(), Map.of());
		}
		Map<String, Object> source = metadata.toMap();
		Map<String, Object> values = new LinkedHashMap<>(source.size() * 2);
		Map<String, String> types = new LinkedHashMap<>(source.size() * 2);
		for (Map.Entry<String, Object> entry : source.entrySet()) {
			String key = entry.getKey();
			Object value = entry.getValue();
			if (value instanceof String || value instanceof Integer || value instanceof Long || value instanceof Float
					|| value instanceof Double) {
				values.put(key, value);
			}
			else if (value instanceof UUID uuid) {
				values.put(key, uuid.toString());
			}
			else {
				throw new MilvusInvalidArgumentException("Metadata key '" + key + "' has a value of the unsupported type "
						+ value.getClass().getName());
			}
			types.put(key, ValueType.of(value).name());
		}
		return new Encoded(values, types);
	}

	/**
	 * Decodes metadata.
	 * @param values the JSON of the values (text, or a map as some servers give it), may be {@code null}
	 * @param types the JSON of the types, or {@code null} when the collection keeps none
	 * @return the metadata
	 */
	static Metadata decode(Object values, Object types) {
		JsonNode valueNode = read(values);
		JsonNode typeNode = read(types);
		Map<String, Object> metadata = new LinkedHashMap<>();
		for (Iterator<Map.Entry<String, JsonNode>> it = valueNode.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> entry = it.next();
			JsonNode type = typeNode.get(entry.getKey());
			Object value = (type != null && type.isTextual())
					? ValueType.valueOf(type.asText()).decode(entry.getValue())
					: ValueType.infer(entry.getValue());
			if (value != null) {
				metadata.put(entry.getKey(), value);
			}
		}
		return Metadata.from(metadata);
	}

	/** A float as the double that prints as the float does: {@code 1.1f} becomes {@code 1.1}. */
	static double widen(float value) {
		return Double.parseDouble(Float.toString(value));
	}

	private static JsonNode read(Object json) {
		if (json == null) {
			return JSON.createObjectNode();
		}
		try {
			return (json instanceof String text) ? JSON.readTree(text) : JSON.valueToTree(json);
		}
		catch (JsonProcessingException ex) {
			throw new MilvusInvalidArgumentException("Stored metadata is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	/** The Java types LangChain4j metadata may hold. */
	enum ValueType {

		STRING, UUID, INTEGER, LONG, FLOAT, DOUBLE;

		static ValueType of(Object value) {
			if (value instanceof java.util.UUID) {
				return UUID;
			}
			if (value instanceof Integer) {
				return INTEGER;
			}
			if (value instanceof Long) {
				return LONG;
			}
			if (value instanceof Float) {
				return FLOAT;
			}
			if (value instanceof Double) {
				return DOUBLE;
			}
			return STRING;
		}

		Object decode(JsonNode node) {
			String text = node.isNumber() ? node.numberValue().toString() : node.asText();
			return switch (this) {
				case STRING -> node.asText();
				case UUID -> java.util.UUID.fromString(text);
				case INTEGER -> Integer.valueOf(new BigDecimal(text).intValueExact());
				case LONG -> Long.valueOf(new BigDecimal(text).longValueExact());
				case FLOAT -> Float.valueOf(text);
				case DOUBLE -> Double.valueOf(text);
			};
		}

		static Object infer(JsonNode node) {
			if (node.isIntegralNumber()) {
				return node.canConvertToInt() ? Integer.valueOf(node.intValue())
						: (node.canConvertToLong() ? Long.valueOf(node.longValue()) : node.doubleValue());
			}
			if (node.isNumber()) {
				return node.doubleValue();
			}
			return node.isTextual() ? node.asText() : null;
		}

	}

}
