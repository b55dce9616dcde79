package dev.milvusboot.client.data;

import java.util.Map;
import java.util.Objects;

/**
 * A read with a {@link Filter}: what queries and searches share besides their {@link ReadScope}. Package-private:
 * its accessor and builder methods are those of {@link Query} and {@link Search}.
 */
abstract class FilteredRead extends ReadScope {

	private final Filter filter;

	FilteredRead(Builder<?> builder) {
		super(builder);
		this.filter = builder.filter;
	}

	/** The filter; {@link Filter#NONE} matches everything. */
	public Filter filter() {
		return this.filter;
	}

	/**
	 * Sets the filter.
	 * @param <B> the builder type
	 */
	abstract static class Builder<B extends Builder<B>> extends ReadScope.Builder<B> {

		Filter filter = Filter.NONE;

		Builder(String collection) {
			super(collection);
		}

		/**
		 * Keeps only entities matching a boolean expression written by the application, e.g.
		 * {@code "year > 2000"}; values from users go through {@link #filter(String, Map)}.
		 */
		public B filter(String expression) {
			return filter(Filter.of(expression));
		}

		/**
		 * Keeps only entities matching an expression with named parameters, e.g.
		 * {@code filter("year > {min} and tag in {tags}", Map.of("min", 2000, "tags", List.of("a", "b")))}.
		 * @throws dev.milvusboot.client.exception.MilvusInvalidArgumentException naming a parameter without value,
		 * a value without parameter or a value of an unsupported type
		 */
		public B filter(String template, Map<String, ?> params) {
			return filter(Filter.of(template, params));
		}

		/** Keeps only entities matching this filter. */
		public B filter(Filter filter) {
			this.filter = Objects.requireNonNull(filter, "filter");
			return self();
		}

	}

}
