package dev.milvusboot.repository.query;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of a {@code @Query} expression: each {@code ?n} outside string literals becomes the named
 * parameter {@code {argn}}, so that the client binds it like every {@code {name}}.
 *
 * @param expression the expression with named parameters only
 * @param names the parameter names, in order of first use
 * @param positions the position of each name that came from {@code ?n}
 */
record QueryParameters(String expression, Set<String> names, Map<String, Integer> positions) {

	private static final String POSITIONAL = "arg";

	/**
	 * Reads an expression.
	 * @param expression the {@code @Query} value
	 * @return its parameters
	 */
	static QueryParameters of(String expression) {
		StringBuilder out = new StringBuilder(expression.length());
		Set<String> names = new LinkedHashSet<>();
		Map<String, Integer> positions = new LinkedHashMap<>();
		int i = 0;
		while (i < expression.length()) {
			char c = expression.charAt(i);
			if (c == '"' || c == '\'') {
				int end = endOfString(expression, i);
				out.append(expression, i, end);
				i = end;
			}
			else if (c == '?' && i + 1 < expression.length() && Character.isDigit(expression.charAt(i + 1))) {
				int end = i + 1;
				while (end < expression.length() && Character.isDigit(expression.charAt(end))) {
					end++;
				}
				int position = Integer.parseInt(expression.substring(i + 1, end));
				String name = POSITIONAL + position;
				names.add(name);
				positions.put(name, position);
				out.append('{').append(name).append('}');
				i = end;
			}
			else if (c == '{' && i + 1 < expression.length() && Character.isLetter(expression.charAt(i + 1))) {
				int end = i + 1;
				while (end < expression.length() && (Character.isLetterOrDigit(expression.charAt(end))
						|| expression.charAt(end) == '_')) {
					end++;
				}
				if (end < expression.length() && expression.charAt(end) == '}') {
					names.add(expression.substring(i + 1, end));
				}
				out.append(expression, i, end);
				i = end;
			}
			else {
				out.append(c);
				i++;
			}
		}
		return new QueryParameters(out.toString(), names, positions);
	}

	/** The position of a name that came from {@code ?n}, or {@code null}. */
	Integer positionOf(String name) {
		return this.positions.get(name);
	}

	/** The index just past the string literal starting at {@code start} (or the end of the text). */
	private static int endOfString(String text, int start) {
		char quote = text.charAt(start);
		int i = start + 1;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '\\') {
				i += 2;
				continue;
			}
			if (c == quote) {
				return i + 1;
			}
			i++;
		}
		return text.length();
	}

}
