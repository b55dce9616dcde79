package dev.milvusboot.client.internal.codec;

import java.util.Map;

import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.internal.proto.TemplateValue;

/**
 * A filter as it is sent: the expression, and the template values when the server takes templates. Internal API.
 *
 * @param expression the expression for the request's {@code expr}/{@code dsl}
 * @param values the {@code expr_template_values}, empty when the values are rendered into the expression
 */
public record EncodedFilter(String expression, Map<String, TemplateValue> values) {

	/**
	 * Encodes a filter.
	 * @param filter the filter
	 * @param templates whether to send a template (else the values are rendered as literals)
	 * @return the encoded filter
	 */
	public static EncodedFilter of(Filter filter, boolean templates) {
		if (templates && filter.hasParams()) {
			return new EncodedFilter(filter.expression(), FilterTemplateValues.of(filter));
		}
		return new EncodedFilter(FilterLiterals.render(filter), Map.of());
	}

	/** An expression built by the client itself (no parameters). */
	public static EncodedFilter plain(String expression) {
		return new EncodedFilter(expression, Map.of());
	}

	/** Whether this filter matches everything. */
	public boolean isEmpty() {
		return this.expression.isEmpty();
	}

}
