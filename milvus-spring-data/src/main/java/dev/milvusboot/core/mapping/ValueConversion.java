package dev.milvusboot.core.mapping;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.milvusboot.client.internal.codec.Json;

/**
 * Values between entity members and Milvus rows: records inside JSON become maps on the way out, and what Milvus
 * returns (JSON text, lists of boxed numbers, longs) becomes the member's declared type on the way back.
 */
final class ValueConversion {

	private ValueConversion() {
	}

	/** A JSON member's value as the client writes it: records (anywhere inside maps and lists) as maps. */
	static Object toJson(Object value) {
		if (value != null && value.getClass().isRecord()) {
			Map<String, Object> map = new LinkedHashMap<>();
			for (RecordComponent component : value.getClass().getRecordComponents()) {
				try {
					component.getAccessor().setAccessible(true);
					map.put(component.getName(), toJson(component.getAccessor().invoke(value)));
				}
				catch (ReflectiveOperationException ex) {
					throw new MappingException("Cannot read component '" + component.getName() + "' of "
							+ value.getClass().getName() + " to write it as JSON", ex);
				}
			}
			return map;
		}
		if (value instanceof Map<?, ?> map && containsRecords(map.values())) {
			Map<Object, Object> converted = new LinkedHashMap<>();
			map.forEach((key, item) -> converted.put(key, toJson(item)));
			return converted;
		}
		if (value instanceof Collection<?> items && containsRecords(items)) {
			return items.stream().map(ValueConversion::toJson).toList();
		}
		return value;
	}

	private static boolean containsRecords(Collection<?> items) {
		for (Object item : items) {
			if (item != null && (item.getClass().isRecord() || item instanceof Map || item instanceof Collection)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A value read from Milvus as a member's type.
	 * @param value the value (JSON fields arrive as their text)
	 * @param target the member's generic type
	 * @param json whether the member is a JSON field
	 * @param where the member, for messages
	 * @return the converted value
	 */
	static Object fromMilvus(Object value, Type target, boolean json, String where) {
		if (json && value instanceof String text) {
			value = Json.parse(text);
		}
		return convert(value, target, where);
	}

	private static Object convert(Object value, Type target, String where) {
		Class<?> raw = rawClass(target);
		if (value == null) {
			return raw.isPrimitive() ? defaultPrimitive(raw) : null;
		}
		if (value instanceof Number number && number(number, raw) != null) {
			return number(number, raw);
		}
		if (raw.isRecord() && value instanceof Map<?, ?> map) {
			return record(raw, map, where);
		}
		if (Collection.class.isAssignableFrom(raw) && value instanceof Collection<?> items) {
			Type element = typeArgument(target, 0);
			List<Object> list = new ArrayList<>(items.size());
			items.forEach((item) -> list.add(convert(item, element, where)));
			return list;
		}
		if (Map.class.isAssignableFrom(raw) && value instanceof Map<?, ?> map) {
			Type element = typeArgument(target, 1);
			Map<Object, Object> converted = new LinkedHashMap<>();
			map.forEach((key, item) -> converted.put(key, convert(item, element, where)));
			return converted;
		}
		if (raw == Object.class && value instanceof Long number && number == number.intValue()) {
			// whole numbers that fit an int become Integers, as JSON libraries read them
			return number.intValue();
		}
		return value;
	}

	private static Object record(Class<?> type, Map<?, ?> values, String where) {
		RecordComponent[] components = type.getRecordComponents();
		Class<?>[] types = new Class<?>[components.length];
		Object[] arguments = new Object[components.length];
		for (int i = 0; i < components.length; i++) {
			types[i] = components[i].getType();
			arguments[i] = convert(values.get(components[i].getName()), components[i].getGenericType(), where);
		}
		try {
			Constructor<?> constructor = type.getDeclaredConstructor(types);
			constructor.setAccessible(true);
			return constructor.newInstance(arguments);
		}
		catch (ReflectiveOperationException | IllegalArgumentException ex) {
			throw new MappingException("Cannot read the JSON of " + where + " as a " + type.getName() + ": " + values,
					ex);
		}
	}

	/** The class of a type ({@code Object} for wildcards and type variables). */
	static Class<?> rawClass(Type type) {
		if (type instanceof Class<?> c) {
			return c;
		}
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> c) {
			return c;
		}
		return Object.class;
	}

	/** A type argument of a parameterized type, {@code Object} when there is none. */
	static Type typeArgument(Type type, int index) {
		if (type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length > index) {
			return parameterized.getActualTypeArguments()[index];
		}
		return Object.class;
	}

	private static Object number(Number number, Class<?> t) {
		if (t == long.class || t == Long.class) {
			return number.longValue();
		}
		if (t == int.class || t == Integer.class) {
			return number.intValue();
		}
		if (t == short.class || t == Short.class) {
			return number.shortValue();
		}
		if (t == byte.class || t == Byte.class) {
			return number.byteValue();
		}
		if (t == float.class || t == Float.class) {
			return number.floatValue();
		}
		if (t == double.class || t == Double.class) {
			return number.doubleValue();
		}
		return null;
	}

	private static Object defaultPrimitive(Class<?> t) {
		if (t == boolean.class) {
			return false;
		}
		Object zero = number(0, t);
		return (zero != null) ? zero : '\0';
	}

}
