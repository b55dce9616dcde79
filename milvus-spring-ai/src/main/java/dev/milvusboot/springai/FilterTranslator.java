package dev.milvusboot.springai;

import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.ai.vectorstore.filter.Filter;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * Translates Spring AI's filter language into a Milvus filter template over the JSON metadata field, with every
 * value a named parameter ({@code {p0}}, {@code {p1}}, ...) so that no value is ever spliced into the expression.
 * Keys become JSON paths ({@code author.name} is {@code metadata["author"]["name"]}); every operand of AND, OR and
 * NOT is parenthesised, so the grouping of the expression is the grouping of the template.
 * <p>
 * IN and NIN are equalities joined by {@code or} (Milvus Lite 3.2 refuses {@code in} on a JSON path).
 * {@code ISNULL} is {@code not exists metadata["k"]}, {@code ISNOTNULL} {@code exists metadata["k"]} (Spring AI
 * documents have no null metadata values, so "null" is "absent").
 */
final class FilterTranslator {

	private final String metadataField;

	FilterTranslator(String metadataField) {
		this.metadataField = metadataField;
	}

	/**
	 * The Milvus filter (template and parameters) of an expression.
	 * @param expression the Spring AI filter expression
	 * @return the filter
	 */
	dev.milvusboot.client.data.Filter translate(Filter.Expression expression) {
		if (expression == null) {
			throw new MilvusInvalidArgumentException("The filter expression must not be null");
		}
		Map<String, Object> params = new LinkedHashMap<>();
		StringBuilder out = new StringBuilder();
		expression(expression, out, params);
		return dev.milvusboot.client.data.Filter.of(out.toString(), params);
	}

	private void expression(Filter.Expression expression, StringBuilder out, Map<String, Object> params) {
		Filter.ExpressionType type = expression.type();
		switch (type) {
			case AND, OR -> {
				operand(expression.left(), out, params);
				out.append((type == Filter.ExpressionType.AND) ? " and " : " or ");
				operand(expression.right(), out, params);
			}
			case NOT -> {
				out.append("not ");
				operand(expression.left(), out, params);
			}
			case ISNULL -> out.append("not exists ").append(path(expression.left()));
			case ISNOTNULL -> out.append("exists ").append(path(expression.left()));
			case IN, NIN -> {
				// Equalities, not "in": Milvus Lite 3.2 refuses "in" on a JSON path.
				String path = path(expression.left());
				List<Object> values = list(value(expression.right(), type));
				if (values.isEmpty()) {
					throw new MilvusInvalidArgumentException(type + " needs at least one value");
				}
				out.append((type == Filter.ExpressionType.IN) ? "(" : "not (");
				for (int i = 0; i < values.size(); i++) {
					out.append((i > 0) ? " or " : "").append(path).append(" == ");
					out.append(parameter(values.get(i), params));
				}
				out.append(')');
			}
			default -> {
				out.append(path(expression.left())).append(' ').append(comparison(type)).append(' ');
				out.append(parameter(scalar(value(expression.right(), type)), params));
			}
		}
	}

	private void operand(Filter.Operand operand, StringBuilder out, Map<String, Object> params) {
		Filter.Expression inner = (operand instanceof Filter.Group group) ? group.content()
				: (operand instanceof Filter.Expression expression) ? expression : null;
		if (inner == null) {
			throw new MilvusInvalidArgumentException(
					"An operand of AND, OR and NOT must be an expression or a group, but was " + operand);
		}
		out.append('(');
		expression(inner, out, params);
		out.append(')');
	}

	private static String comparison(Filter.ExpressionType type) {
		return switch (type) {
			case EQ -> "==";
			case NE -> "!=";
			case GT -> ">";
			case GTE -> ">=";
			case LT -> "<";
			case LTE -> "<=";
			default -> throw new MilvusInvalidArgumentException("Unknown filter operator " + type);
		};
	}

	/** The JSON path of a key: each dot-separated part a quoted JSON key, checked to need no escaping. */
	private String path(Filter.Operand operand) {
		if (!(operand instanceof Filter.Key key) || key.key() == null) {
			throw new MilvusInvalidArgumentException("The left side of a comparison must be a metadata key, but was "
					+ operand);
		}
		String name = unquote(key.key().trim());
		StringBuilder path = new StringBuilder(this.metadataField);
		for (String part : name.split("\\.", -1)) {
			if (part.isEmpty() || !part.chars().allMatch(FilterTranslator::isKeyCharacter)) {
				throw new MilvusInvalidArgumentException("The metadata key '" + name + "' in the filter is not "
						+ "allowed: its parts must be non-empty and of letters, digits, '_', '-', ':', '@', '$' or ' '");
			}
			path.append("[\"").append(part).append("\"]");
		}
		return path.toString();
	}

	private static boolean isKeyCharacter(int c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == ':' || c == '@' || c == '$' || c == ' ';
	}

	private static String unquote(String key) {
		if (key.length() >= 2 && (key.charAt(0) == '"' || key.charAt(0) == '\'')
				&& key.charAt(key.length() - 1) == key.charAt(0)) {
			return key.substring(1, key.length() - 1);
		}
		return key;
	}

	private static Object value(Filter.Operand operand, Filter.ExpressionType type) {
		if (!(operand instanceof Filter.Value value) || value.value() == null) {
			throw new MilvusInvalidArgumentException("The right side of " + type + " must be a non-null value, but was "
					+ operand);
		}
		return value.value();
	}

	private static List<Object> list(Object value) {
		Collection<?> items = (value instanceof Collection<?> collection) ? collection
				: (value instanceof Object[] array) ? List.of(array) : List.of(value);
		List<Object> values = new ArrayList<>(items.size());
		for (Object item : items) {
			values.add(scalar(item));
		}
		return values;
	}

	private static Object scalar(Object value) {
		if (value instanceof Date date) {
			return DateTimeFormatter.ISO_INSTANT.format(date.toInstant());
		}
		if (value instanceof Instant || value instanceof TemporalAccessor) {
			return value.toString();
		}
		if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
			return (value instanceof CharSequence text) ? text.toString() : value;
		}
		throw new MilvusInvalidArgumentException("A filter value must be a string, number, boolean or date, but was a "
				+ ((value == null) ? "null" : value.getClass().getName()));
	}

	private static String parameter(Object value, Map<String, Object> params) {
		String name = "p" + params.size();
		params.put(name, value);
		return "{" + name + "}";
	}

}
