package dev.milvusboot.client.internal.codec;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * The little JSON this client needs (JSON fields, the dynamic field, index and search parameters), so that the
 * client depends on no JSON library. Objects parse to {@code LinkedHashMap}, arrays to {@code ArrayList}, integers
 * to {@code Long} (or {@code Double} when they do not fit), other numbers to {@code Double}. A reader and a writer
 * of one small grammar, hence just over 300 lines. Internal API.
 */
public final class Json {

	private Json() {
	}

	/**
	 * Writes a value as JSON text.
	 * @param value a {@code Map}, {@code Iterable}, array, {@code CharSequence}, {@code Number}, {@code Boolean} or
	 * {@code null}
	 * @param where what is written, for the message of a value that cannot be written
	 * @return the JSON text
	 */
	public static String write(Object value, String where) {
		StringBuilder out = new StringBuilder();
		write(value, out, where);
		return out.toString();
	}

	private static void write(Object value, StringBuilder out, String where) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof CharSequence text) {
			quote(text, out);
		}
		else if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			if (!Double.isFinite(number)) {
				throw new MilvusInvalidArgumentException(
						"JSON cannot hold " + number + " (in " + where + "); only finite numbers are allowed");
			}
			out.append((value instanceof Float) ? value.toString() : Double.toString(number));
		}
		else if (value instanceof Number || value instanceof Boolean) {
			out.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				quote(String.valueOf(entry.getKey()), out);
				out.append(':');
				write(entry.getValue(), out, where);
			}
			out.append('}');
		}
		else if (value instanceof Iterable<?> items) {
			writeArray(items.iterator(), out, where);
		}
		else if (value instanceof float[] floats) {
			out.append('[');
			for (int i = 0; i < floats.length; i++) {
				out.append((i > 0) ? "," : "").append(floats[i]);
			}
			out.append(']');
		}
		else if (value instanceof Object[] items) {
			writeArray(List.of(items).iterator(), out, where);
		}
		else if (value.getClass().isArray()) {
			List<Object> items = new ArrayList<>();
			for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
				items.add(java.lang.reflect.Array.get(value, i));
			}
			writeArray(items.iterator(), out, where);
		}
		else {
			throw new MilvusInvalidArgumentException("Cannot write a " + value.getClass().getName() + " as JSON (in "
					+ where + "); use maps, lists, strings, numbers and booleans");
		}
	}

	private static void writeArray(Iterator<?> items, StringBuilder out, String where) {
		out.append('[');
		boolean first = true;
		while (items.hasNext()) {
			if (!first) {
				out.append(',');
			}
			first = false;
			write(items.next(), out, where);
		}
		out.append(']');
	}

	private static void quote(CharSequence text, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	/**
	 * Parses JSON text.
	 * @param text the text
	 * @return the value
	 * @throws MilvusInvalidArgumentException if the text is not JSON
	 */
	public static Object parse(String text) {
		Parser parser = new Parser(text);
		Object value = parser.value();
		parser.skipSpace();
		if (parser.pos != text.length()) {
			throw parser.error("unexpected text after the value");
		}
		return value;
	}

	private static final class Parser {

		private final String text;

		private int pos;

		Parser(String text) {
			this.text = text;
		}

		Object value() {
			skipSpace();
			if (this.pos >= this.text.length()) {
				throw error("unexpected end");
			}
			char c = this.text.charAt(this.pos);
			return switch (c) {
				case '{' -> object();
				case '[' -> array();
				case '"' -> string();
				case 't' -> literal("true", Boolean.TRUE);
				case 'f' -> literal("false", Boolean.FALSE);
				case 'n' -> literal("null", null);
				default -> number();
			};
		}

		private Map<String, Object> object() {
			Map<String, Object> map = new LinkedHashMap<>();
			this.pos++;
			skipSpace();
			if (peek() == '}') {
				this.pos++;
				return map;
			}
			while (true) {
				skipSpace();
				String key = string();
				skipSpace();
				expect(':');
				map.put(key, value());
				skipSpace();
				char c = next();
				if (c == '}') {
					return map;
				}
				if (c != ',') {
					throw error("expected ',' or '}'");
				}
			}
		}

		private List<Object> array() {
			List<Object> list = new ArrayList<>();
			this.pos++;
			skipSpace();
			if (peek() == ']') {
				this.pos++;
				return list;
			}
			while (true) {
				list.add(value());
				skipSpace();
				char c = next();
				if (c == ']') {
					return list;
				}
				if (c != ',') {
					throw error("expected ',' or ']'");
				}
			}
		}

		private String string() {
			expect('"');
			StringBuilder out = new StringBuilder();
			while (true) {
				char c = next();
				if (c == '"') {
					return out.toString();
				}
				if (c == '\\') {
					char e = next();
					switch (e) {
						case 'n' -> out.append('\n');
						case 'r' -> out.append('\r');
						case 't' -> out.append('\t');
						case 'b' -> out.append('\b');
						case 'f' -> out.append('\f');
						case 'u' -> {
							if (this.pos + 4 > this.text.length()) {
								throw error("bad unicode escape");
							}
							out.append((char) Integer.parseInt(this.text.substring(this.pos, this.pos + 4), 16));
							this.pos += 4;
						}
						default -> out.append(e);
					}
				}
				else {
					out.append(c);
				}
			}
		}

		private Object number() {
			int start = this.pos;
			while (this.pos < this.text.length() && "+-0123456789.eE".indexOf(this.text.charAt(this.pos)) >= 0) {
				this.pos++;
			}
			String token = this.text.substring(start, this.pos);
			if (token.isEmpty()) {
				throw error("unexpected character '" + this.text.charAt(start) + "'");
			}
			try {
				if (token.indexOf('.') < 0 && token.indexOf('e') < 0 && token.indexOf('E') < 0) {
					try {
						return Long.parseLong(token);
					}
					catch (NumberFormatException ex) {
						return Double.parseDouble(token);
					}
				}
				return Double.parseDouble(token);
			}
			catch (NumberFormatException ex) {
				throw error("bad number '" + token + "'");
			}
		}

		private Object literal(String word, Object value) {
			if (!this.text.startsWith(word, this.pos)) {
				throw error("unexpected text");
			}
			this.pos += word.length();
			return value;
		}

		void skipSpace() {
			while (this.pos < this.text.length() && Character.isWhitespace(this.text.charAt(this.pos))) {
				this.pos++;
			}
		}

		private char peek() {
			return (this.pos < this.text.length()) ? this.text.charAt(this.pos) : '\0';
		}

		private char next() {
			if (this.pos >= this.text.length()) {
				throw error("unexpected end");
			}
			return this.text.charAt(this.pos++);
		}

		private void expect(char c) {
			if (next() != c) {
				this.pos--;
				throw error("expected '" + c + "'");
			}
		}

		MilvusInvalidArgumentException error(String what) {
			return new MilvusInvalidArgumentException("Invalid JSON at position " + this.pos + ": " + what);
		}

	}

}
