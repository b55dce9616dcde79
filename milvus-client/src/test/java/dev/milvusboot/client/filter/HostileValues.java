package dev.milvusboot.client.filter;

import java.util.List;

/**
 * Values that would change a filter's meaning if they were spliced into it: quotes of both kinds, backslashes,
 * injections, control characters, unicode, very long strings, numbers and placeholders as strings.
 */
final class HostileValues {

	/** Each is stored in its own row and must match exactly that row. */
	static final List<String> STRINGS = List.of("\"", "'", "\\", "\\\\", "\\\"", "\" or 1==1 or \"",
			"' or 1==1 or '", "\") or (id > 0", "a\"b'c\\d", "line one\nline two", "carriage\rreturn", "tab\there",
			"\\n", "\\u0041", "{min}", "{{x}}", "42", "-1", "true", "日本語 é ü 🚀", "%", "_", "*", " ",
			"trailing space ", "$meta", "id in [1, 2]", "x".repeat(3000) + "\"" + "y".repeat(3000),
			"\u0001\u001f", "back\\slash\"quote'apostrophe");

	private HostileValues() {
	}

}
