package dev.milvusboot.client.internal.codec;

import java.math.BigDecimal;
import java.util.List;

import dev.milvusboot.client.data.Filter;

/**
 * Renders a {@link Filter}'s parameters as literals in its expression, for servers without filter templates
 * (Milvus 2.3, Milvus Lite). Strings become double-quoted literals with backslashes, double quotes, line feeds
 * and carriage returns escaped ({@code \\}, {@code \"}, {@code \n}, {@code \r}: the grammar of Milvus refuses
 * the last two raw); every other character goes as it is (Milvus Lite 3 knows no escape for code points, Milvus Lite
 * 2.5 reads {@code \t} as something else than a tab), so that no value can
 * end its literal early: the catalogue of hostile values in the client's tests proves
 * it on each server. Numbers are written in plain decimal notation (no exponent), lists in brackets. Internal API.
 */
public final class FilterLiterals {

	private FilterLiterals() {
	}

	/**
	 * The expression with every {@code {name}} outside string literals replaced by its value's literal.
	 * @param filter the filter
	 * @return the expression to send
	 */
	public static String render(Filter filter) {
		if (!filter.hasParams()) {
			return filter.expression();
		}
		String expression = filter.expression();
		StringBuilder out = new StringBuilder(expression.length() + 32);
		FilterSyntax.forEachPlaceholder(expression, out::append,
				(name) -> literal(filter.params().get(name), out));
		return out.toString();
	}

	/** Appends the literal of a value normalized by {@link Filter}. */
	static void literal(Object value, StringBuilder out) {
		if (value instanceof String text) {
			string(text, out);
		}
		else if (value instanceof Long number) {
			out.append(number.longValue());
		}
		else if (value instanceof Double number) {
			out.append(BigDecimal.valueOf(number).toPlainString());
		}
		else if (value instanceof Boolean bool) {
			out.append(bool.booleanValue());
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					out.append(", ");
				}
				literal(list.get(i), out);
			}
			out.append(']');
		}
		else {
			throw new IllegalArgumentException("Not a normalized filter value: " + value.getClass().getName());
		}
	}

	/** A double-quoted string literal. */
	static void string(String text, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				default -> out.append(c);
			}
		}
		out.append('"');
	}

}
