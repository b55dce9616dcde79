package dev.milvusboot.client.internal.codec;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.DataType;

/**
 * Turns the values users pass into the exact Java types a field needs, failing with a message that names the
 * place ({@code where}) and the value at fault. Widening is allowed; lossy narrowing is not. Internal API.
 */
public final class ValueConversions {

	private ValueConversions() {
	}

	public static boolean toBoolean(Object value, String where) {
		if (value instanceof Boolean bool) {
			return bool;
		}
		throw wrongType(value, "a boolean", where);
	}

	public static long toLong(Object value, String where) {
		if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
			return ((Number) value).longValue();
		}
		if (value instanceof java.math.BigInteger big && big.bitLength() < 64) {
			return big.longValue();
		}
		throw wrongType(value, "an integer (long)", where);
	}

	public static int toInt(Object value, DataType type, String where) {
		long number = toLong(value, where);
		long min = switch (type) {
			case INT8 -> Byte.MIN_VALUE;
			case INT16 -> Short.MIN_VALUE;
			default -> Integer.MIN_VALUE;
		};
		long max = switch (type) {
			case INT8 -> Byte.MAX_VALUE;
			case INT16 -> Short.MAX_VALUE;
			default -> Integer.MAX_VALUE;
		};
		if (number < min || number > max) {
			throw new MilvusInvalidArgumentException(
					"Value " + number + " of " + where + " is out of range for " + type + " [" + min + ", " + max + "]");
		}
		return (int) number;
	}

	public static float toFloat(Object value, String where) {
		if (value instanceof Float || value instanceof Integer || value instanceof Short || value instanceof Byte) {
			return ((Number) value).floatValue();
		}
		if (value instanceof Double d) {
			float f = d.floatValue();
			if (Float.isInfinite(f) && !d.isInfinite()) {
				throw new MilvusInvalidArgumentException("Value " + d + " of " + where + " is out of range for FLOAT");
			}
			return f;
		}
		if (value instanceof Long l) {
			return l.floatValue();
		}
		throw wrongType(value, "a number (float)", where);
	}

	public static double toDouble(Object value, String where) {
		if (value instanceof Number number && !(value instanceof java.math.BigDecimal)) {
			return number.doubleValue();
		}
		if (value instanceof java.math.BigDecimal big) {
			return big.doubleValue();
		}
		throw wrongType(value, "a number (double)", where);
	}

	public static String toStringValue(Object value, String where) {
		if (value instanceof CharSequence text) {
			return text.toString();
		}
		throw wrongType(value, "a string", where);
	}

	public static MilvusInvalidArgumentException wrongType(Object value, String expected, String where) {
		String got = (value == null) ? "null" : value.getClass().getSimpleName() + " " + preview(value);
		return new MilvusInvalidArgumentException(capitalize(where) + " must be " + expected + ", but was " + got);
	}

	private static String preview(Object value) {
		String text = (value instanceof float[] floats) ? "of length " + floats.length : String.valueOf(value);
		return (text.length() > 40) ? text.substring(0, 40) + "..." : text;
	}

	private static String capitalize(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
