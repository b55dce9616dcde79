package dev.milvusboot.langchain4j;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.langchain4j.store.embedding.filter.comparison.ContainsString;
import dev.langchain4j.store.embedding.filter.comparison.IsEqualTo;
import dev.langchain4j.store.embedding.filter.comparison.IsGreaterThan;
import dev.langchain4j.store.embedding.filter.comparison.IsGreaterThanOrEqualTo;
import dev.langchain4j.store.embedding.filter.comparison.IsIn;
import dev.langchain4j.store.embedding.filter.comparison.IsLessThan;
import dev.langchain4j.store.embedding.filter.comparison.IsLessThanOrEqualTo;
import dev.langchain4j.store.embedding.filter.comparison.IsNotEqualTo;
import dev.langchain4j.store.embedding.filter.comparison.IsNotIn;
import dev.langchain4j.store.embedding.filter.logical.And;
import dev.langchain4j.store.embedding.filter.logical.Not;
import dev.langchain4j.store.embedding.filter.logical.Or;
import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * Translates a LangChain4j {@link dev.langchain4j.store.embedding.filter.Filter} on metadata into a Milvus filter template over the JSON metadata field:
 * every comparison value becomes a named parameter, every sub-expression is parenthesized (so grouping is kept), and
 * the negative comparisons ({@code IsNotEqualTo}, {@code IsNotIn}, {@code Not}) also match entries without the key,
 * as LangChain4j defines them. Metadata keys, the only user text in the expression, are checked by
 * {@link MetadataKeys}.
 */
final class FilterTranslator {

	private final String metadataField;

	private final FilterDialect dialect;

	private final Map<String, Object> params = new LinkedHashMap<>();

	private FilterTranslator(String metadataField, FilterDialect dialect) {
		this.metadataField = metadataField;
		this.dialect = dialect;
	}

	/**
	 * Translates a filter.
	 * @param filter the LangChain4j filter
	 * @param metadataField the JSON field holding the metadata
	 * @param dialect what the server understands
	 * @return the client's filter: the template and its parameters
	 * @throws UnsupportedOperationException for a filter type Milvus cannot evaluate
	 * @throws MilvusInvalidArgumentException for a key or value that cannot be expressed
	 */
	static Filter translate(dev.langchain4j.store.embedding.filter.Filter filter, String metadataField,
			FilterDialect dialect) {
		FilterTranslator translator = new FilterTranslator(metadataField, dialect);
		String template = translator.map(filter);
		return Filter.of(template, translator.params);
	}

	private String map(dev.langchain4j.store.embedding.filter.Filter filter) {
		if (filter instanceof IsEqualTo f) {
			return compare(f.key(), "==", f.comparisonValue());
		}
		if (filter instanceof IsNotEqualTo f) {
			return "(not " + compare(f.key(), "==", f.comparisonValue()) + ")";
		}
		if (filter instanceof IsGreaterThan f) {
			return compare(f.key(), ">", f.comparisonValue());
		}
		if (filter instanceof IsGreaterThanOrEqualTo f) {
			return compare(f.key(), ">=", f.comparisonValue());
		}
		if (filter instanceof IsLessThan f) {
			return compare(f.key(), "<", f.comparisonValue());
		}
		if (filter instanceof IsLessThanOrEqualTo f) {
			return compare(f.key(), "<=", f.comparisonValue());
		}
		if (filter instanceof IsIn f) {
			return in(f.key(), f.comparisonValues());
		}
		if (filter instanceof IsNotIn f) {
			return "(not " + in(f.key(), f.comparisonValues()) + ")";
		}
		if (filter instanceof ContainsString f) {
			if (!this.dialect.hasInfixLike()) {
				throw new UnsupportedOperationException(
						"This Milvus server cannot filter by ContainsString: its 'like' only matches prefixes");
			}
			return leaf(f.key(), key(f.key()) + " like " + param(LikePattern.containing(f.key(), f.comparisonValue())));
		}
		if (filter instanceof And f) {
			return "(" + map(f.left()) + " and " + map(f.right()) + ")";
		}
		if (filter instanceof Or f) {
			return "(" + map(f.left()) + " or " + map(f.right()) + ")";
		}
		if (filter instanceof Not f) {
			return "(not " + map(f.expression()) + ")";
		}
		throw new UnsupportedOperationException("Filters of type " + ((filter == null) ? "null"
				: filter.getClass().getName()) + " cannot be evaluated by Milvus");
	}

	private String compare(String key, String operator, Object value) {
		return leaf(key, key(key) + " " + operator + " " + param(value(key, value)));
	}

	/** {@code in} as equalities: Milvus Lite 3.2 allows {@code in} only on fields, not on JSON keys. */
	private String in(String key, Collection<?> values) {
		List<String> equalities = new ArrayList<>(values.size());
		for (Object value : values) {
			equalities.add(key(key) + " == " + param(value(key, value)));
		}
		return leaf(key, "(" + String.join(" or ", equalities) + ")");
	}

	/** A comparison on a key, made false (never null) for an entry without the key where the server has nulls. */
	private String leaf(String key, String condition) {
		return this.dialect.hasExists() ? "((exists " + key(key) + ") and (" + condition + "))" : "(" + condition + ")";
	}

	private String key(String key) {
		return this.metadataField + "[\"" + MetadataKeys.requireValid(key) + "\"]";
	}

	private String param(Object value) {
		String name = "p" + this.params.size();
		this.params.put(name, value);
		return "{" + name + "}";
	}

	/**
	 * A comparison value as it is stored in the JSON metadata: UUIDs as text, floats as the decimal number they
	 * print as (so that {@code 1.1f} equals the stored {@code 1.1}, not {@code 1.100000023841858}).
	 */
	static Object value(String key, Object value) {
		if (value instanceof String || value instanceof Integer || value instanceof Long
				|| value instanceof Double) {
			return value;
		}
		if (value instanceof UUID uuid) {
			return uuid.toString();
		}
		if (value instanceof Float f) {
			return MetadataCodec.widen(f);
		}
		throw new MilvusInvalidArgumentException("The filter value for metadata key '" + key + "' has the unsupported type "
				+ ((value == null) ? "null" : value.getClass().getName())
				+ "; supported are String, UUID, Integer, Long, Float and Double");
	}

}
