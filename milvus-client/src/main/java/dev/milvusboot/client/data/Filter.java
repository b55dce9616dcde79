package dev.milvusboot.client.data;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.internal.codec.FilterSyntax;

/**
 * A boolean filter expression with named parameters: values are never spliced into the expression by the caller.
 * <pre>
 * Filter.of("year &gt; {min} and tag in {tags}", Map.of("min", 2000, "tags", List.of("a", "b")))
 * </pre>
 * Each {@code {name}} outside a string literal is a parameter. To a server that understands Milvus filter
 * templates the client sends the expression and the values separately; to one that does not (Milvus 2.3, Milvus
 * Lite) it renders each value as an escaped literal (see
 * {@link dev.milvusboot.client.MilvusClientOptions.Builder#filterTemplates}).
 * <p>
 * Values: {@code Boolean}, {@code Byte}, {@code Short}, {@code Integer}, {@code Long}, finite {@code Float} and
 * {@code Double}, {@code CharSequence} and {@code Character}, and lists, sets or arrays of these (nested lists
 * too). {@code null} is refused: test for a missing value with {@code field is null}.
 */
public final class Filter {

	/** The filter matching everything. */
	public static final Filter NONE = new Filter("", Map.of());

	private final String expression;

	private final Map<String, Object> params;

	private Filter(String expression, Map<String, Object> params) {
		this.expression = expression;
		this.params = params;
	}

	/**
	 * A filter without parameters, written by the application (never with user input spliced in).
	 * @param expression the expression, {@code null} or blank for none
	 * @return the filter
	 * @throws MilvusInvalidArgumentException if the expression has a {@code {name}} parameter
	 */
	public static Filter of(String expression) {
		return of(expression, Map.of());
	}

	/**
	 * A filter with named parameters.
	 * @param template the expression with {@code {name}} parameters
	 * @param params the value of each parameter
	 * @return the filter
	 * @throws MilvusInvalidArgumentException naming a parameter that has no value, a value that no parameter uses,
	 * or a value of a type Milvus has no literal for
	 */
	public static Filter of(String template, Map<String, ?> params) {
		Objects.requireNonNull(params, "params");
		String expression = (template == null || template.isBlank()) ? "" : template;
		if (expression.isEmpty() && params.isEmpty()) {
			return NONE;
		}
		List<String> used = FilterSyntax.placeholders(expression);
		Set<String> missing = new LinkedHashSet<>(used);
		missing.removeAll(params.keySet());
		if (!missing.isEmpty()) {
			throw new MilvusInvalidArgumentException("Filter '" + expression + "' has no value for parameter"
					+ ((missing.size() == 1) ? " " : "s ") + quoted(missing) + "; values were given for "
					+ (params.isEmpty() ? "none" : quoted(params.keySet())));
		}
		Set<String> unused = new LinkedHashSet<>(params.keySet());
		unused.removeAll(used);
		if (!unused.isEmpty()) {
			throw new MilvusInvalidArgumentException("Filter '" + expression + "' does not use parameter"
					+ ((unused.size() == 1) ? " " : "s ") + quoted(unused) + " (write {name} outside quotes)");
		}
		Map<String, Object> values = new LinkedHashMap<>();
		params.forEach((name, value) -> values.put(name, checked(expression, name, value)));
		return new Filter(expression, Collections.unmodifiableMap(values));
	}

	/** The expression, with its {@code {name}} parameters; empty for none. */
	public String expression() {
		return this.expression;
	}

	/**
	 * The parameters' values by name, in the order given: {@code Boolean}, {@code Long}, {@code Double},
	 * {@code String} or {@code List} of these.
	 */
	public Map<String, Object> params() {
		return this.params;
	}

	/** Whether this filter matches everything. */
	public boolean isEmpty() {
		return this.expression.isEmpty();
	}

	/** Whether the expression has parameters. */
	public boolean hasParams() {
		return !this.params.isEmpty();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Filter filter && filter.expression.equals(this.expression)
				&& filter.params.equals(this.params);
	}

	@Override
	public int hashCode() {
		return this.expression.hashCode() * 31 + this.params.hashCode();
	}

	/** The expression and the names of its parameters (values are left out: they may be personal data). */
	@Override
	public String toString() {
		return this.params.isEmpty() ? this.expression : this.expression + " with " + this.params.keySet();
	}

	/** The value in its normalized form, or an exception naming the parameter. */
	private static Object checked(String expression, String name, Object value) {
		if (value == null) {
			throw invalid(expression, name, "is null; test a missing value with 'field is null' instead");
		}
		if (value instanceof Boolean || value instanceof String) {
			return value;
		}
		if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
			return ((Number) value).longValue();
		}
		if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			if (!Double.isFinite(number)) {
				throw invalid(expression, name, "is " + number + "; Milvus has no literal for it");
			}
			return number;
		}
		if (value instanceof CharSequence || value instanceof Character) {
			return value.toString();
		}
		if (value instanceof Collection<?> collection) {
			List<Object> list = new ArrayList<>(collection.size());
			int i = 0;
			for (Object element : collection) {
				list.add(checked(expression, name + "[" + i++ + "]", element));
			}
			return Collections.unmodifiableList(list);
		}
		if (value.getClass().isArray()) {
			List<Object> list = new ArrayList<>();
			for (int i = 0; i < Array.getLength(value); i++) {
				list.add(checked(expression, name + "[" + i + "]", Array.get(value, i)));
			}
			return Collections.unmodifiableList(list);
		}
		throw invalid(expression, name, "is a " + value.getClass().getName()
				+ "; use a boolean, an integer, a finite floating-point number, a string or a list of these");
	}

	private static MilvusInvalidArgumentException invalid(String expression, String name, String fault) {
		return new MilvusInvalidArgumentException(
				"Filter '" + expression + "': the value of parameter '" + name + "' " + fault);
	}

	private static String quoted(Collection<String> names) {
		StringBuilder text = new StringBuilder();
		for (String name : names) {
			text.append((text.length() == 0) ? "" : ", ").append('\'').append(name).append('\'');
		}
		return text.toString();
	}

}
