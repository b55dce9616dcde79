package dev.milvusboot.client.internal.codec;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * A lexical check of filter expressions before they are sent: string literals are closed, brackets balance and
 * every character outside a string is one Milvus's expression grammar knows. Milvus and Milvus Lite 3 reject such
 * filters themselves, but Milvus Lite 2.5 evaluates what it could read before the fault: {@code (n > 1} or
 * {@code n > 1; n < 3} act as {@code n > 1}, so a delete would remove what the caller never asked for. Checking
 * here makes every server answer alike. It also requires a string pattern after {@code like}: Milvus Lite 2.5
 * crashes on {@code title like 1}. Internal API.
 */
public final class FilterSyntax {

	/** Characters of the grammar's operators, punctuation and identifiers, besides letters and digits. */
	private static final String SYMBOLS = "_$(){}[],.<>=!~+-*/%&|^";

	private static final String OPENING = "([{";

	private static final String CLOSING = ")]}";

	private FilterSyntax() {
	}

	/**
	 * Checks a filter.
	 * @param filter the filter, may be {@code null} or empty (nothing to check)
	 * @param what the operation and the collection, for the message (for example
	 * {@code "query of collection 'docs'"})
	 * @throws MilvusInvalidArgumentException if the filter is malformed, naming the fault and its column
	 */
	public static void check(String filter, String what) {
		if (filter == null || filter.isEmpty()) {
			return;
		}
		String fault = fault(filter);
		if (fault != null) {
			throw new MilvusInvalidArgumentException(
					capitalize(what) + " has an invalid filter: " + fault + " in '" + filter + "'");
		}
	}

	/**
	 * The names of the template parameters of a filter, {@code {name}} outside string literals, in order of first
	 * appearance.
	 * @param filter the filter
	 * @return the names
	 */
	public static List<String> placeholders(String filter) {
		Set<String> names = new LinkedHashSet<>();
		forEachPlaceholder(filter, (text) -> {
		}, names::add);
		return List.copyOf(names);
	}

	/**
	 * Walks a filter: the text between parameters goes to {@code text}, the name of each {@code {name}} outside
	 * string literals to {@code placeholder}.
	 * @param filter the filter
	 * @param text receives the text around the parameters, in order
	 * @param placeholder receives each parameter's name, in order
	 */
	public static void forEachPlaceholder(String filter, Consumer<String> text, Consumer<String> placeholder) {
		int copied = 0;
		int i = 0;
		while (i < filter.length()) {
			char c = filter.charAt(i);
			if (c == '"' || c == '\'') {
				int end = endOfString(filter, i);
				if (end < 0) {
					break;
				}
				i = end + 1;
				continue;
			}
			int end = (c == '{') ? endOfPlaceholder(filter, i) : -1;
			if (end > 0) {
				text.accept(filter.substring(copied, i));
				placeholder.accept(filter.substring(i + 1, end));
				copied = end + 1;
				i = end + 1;
				continue;
			}
			i++;
		}
		text.accept(filter.substring(copied));
	}

	/** The index of the {@code '}'} closing a parameter name that starts at {@code start}, or -1. */
	private static int endOfPlaceholder(String filter, int start) {
		int end = start + 1;
		if (end >= filter.length() || !isLetter(filter.charAt(end))) {
			return -1;
		}
		while (end < filter.length() && (isLetter(filter.charAt(end)) || isDigit(filter.charAt(end)))) {
			end++;
		}
		return (end < filter.length() && filter.charAt(end) == '}') ? end : -1;
	}

	/** What is wrong with a filter, or {@code null}. */
	static String fault(String filter) {
		Deque<Integer> open = new ArrayDeque<>();
		int i = 0;
		while (i < filter.length()) {
			char c = filter.charAt(i);
			if (c == '"' || c == '\'') {
				int end = endOfString(filter, i);
				if (end < 0) {
					return "unterminated string literal starting at column " + (i + 1);
				}
				i = end + 1;
				continue;
			}
			if (OPENING.indexOf(c) >= 0) {
				open.push(i);
			}
			else if (CLOSING.indexOf(c) >= 0) {
				if (open.isEmpty()) {
					return "unbalanced '" + c + "' at column " + (i + 1);
				}
				int start = open.pop();
				char expected = CLOSING.charAt(OPENING.indexOf(filter.charAt(start)));
				if (c != expected) {
					return "'" + filter.charAt(start) + "' at column " + (start + 1) + " closed by '" + c
							+ "' at column " + (i + 1);
				}
			}
			else if (isLetter(c)) {
				int end = i;
				while (end < filter.length() && (isLetter(filter.charAt(end)) || isDigit(filter.charAt(end)))) {
					end++;
				}
				String word = filter.substring(i, end);
				if ((word.equals("like") || word.equals("LIKE")) && !startsPattern(filter, end)) {
					return "'" + word + "' at column " + (i + 1) + " not followed by a string pattern";
				}
				i = end;
				continue;
			}
			else if (!isKnown(c)) {
				return "unexpected character '" + c + "' at column " + (i + 1);
			}
			i++;
		}
		if (!open.isEmpty()) {
			int start = open.pop();
			return "unclosed '" + filter.charAt(start) + "' at column " + (start + 1);
		}
		return null;
	}

	/** The index of the quote closing the string that starts at {@code start}, or -1; a backslash escapes. */
	private static int endOfString(String filter, int start) {
		char quote = filter.charAt(start);
		for (int i = start + 1; i < filter.length(); i++) {
			char c = filter.charAt(i);
			if (c == '\\') {
				i++;
			}
			else if (c == quote) {
				return i;
			}
		}
		return -1;
	}

	/** Whether a string literal (raw or not) or a template variable starts after {@code from}, past spaces. */
	private static boolean startsPattern(String filter, int from) {
		int i = from;
		while (i < filter.length() && Character.isWhitespace(filter.charAt(i))) {
			i++;
		}
		if (i < filter.length() && (filter.charAt(i) == 'r' || filter.charAt(i) == 'R')) {
			i++;
		}
		return i < filter.length() && "\"'{".indexOf(filter.charAt(i)) >= 0;
	}

	private static boolean isLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isKnown(char c) {
		return isLetter(c) || isDigit(c) || c == ' ' || c == '\t' || c == '\n' || c == '\r'
				|| SYMBOLS.indexOf(c) >= 0;
	}

	private static String capitalize(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
