package dev.milvusboot.langchain4j;

import java.util.Map;

/**
 * A Milvus filter expression whose values are named parameters ({@code metadata["year"] > {p0}}), with the values
 * apart: nothing a user gave is part of the expression text except validated metadata keys.
 * @param template the expression with {@code {name}} placeholders
 * @param params the values of the placeholders
 */
record FilterTemplate(String template, Map<String, Object> params) {

	FilterTemplate {
		params = Map.copyOf(params);
	}

}
