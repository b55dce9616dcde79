package dev.milvusboot.client.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.client.schema.Names;

/**
 * One search of a {@link HybridSearch}: a field, one query (a vector, or a raw text for a BM25 output field), how
 * many hits it contributes, and optional filter, metric and index parameters. The collection is the hybrid
 * search's. Start with {@link #field(String)}:
 * <pre>
 * SubSearch.field("dense").vector(queryVector).topK(20).build()
 * SubSearch.field("sparse").text("quick fox").topK(20).filter("year &gt; 2000").build()
 * </pre>
 */
public final class SubSearch {

	private final String field;

	private final Object vector;

	private final String text;

	private final int topK;

	private final Filter filter;

	private final MetricType metric;

	private final Map<String, Object> params;

	private SubSearch(Builder builder) {
		this.field = builder.field;
		this.vector = builder.vector;
		this.text = builder.text;
		this.topK = builder.topK;
		this.filter = builder.filter;
		this.metric = builder.metric;
		this.params = Map.copyOf(builder.params);
	}

	/**
	 * Starts a sub-search of a field.
	 * @param field the vector field, or the output field of a BM25 function for a text query
	 * @return a builder
	 */
	public static Builder field(String field) {
		return new Builder(field);
	}

	public String field() {
		return this.field;
	}

	/** The query vector, or {@code null} for a text query. */
	public Object vector() {
		return this.vector;
	}

	/** The raw query text, or {@code null} for a vector query. */
	public String text() {
		return this.text;
	}

	public int topK() {
		return this.topK;
	}

	/** The filter; {@link Filter#NONE} matches everything. */
	public Filter filter() {
		return this.filter;
	}

	/** The metric, or {@code null} for the index's. */
	public MetricType metric() {
		return this.metric;
	}

	/** Index search parameters. */
	public Map<String, Object> params() {
		return this.params;
	}

	/** This sub-search as a search of a collection (how it is encoded). */
	Search in(String collection) {
		Search.Builder search = Search.in(collection).annsField(this.field).topK(this.topK).filter(this.filter)
			.metric(this.metric);
		this.params.forEach(search::param);
		if (this.text != null) {
			search.text(this.text);
		}
		else if (this.vector instanceof float[] floats) {
			search.vector(floats);
		}
		else if (this.vector instanceof byte[] bytes) {
			search.vector(bytes);
		}
		else {
			search.vector((SparseVector) this.vector);
		}
		return search.build();
	}

	/** Builds a {@link SubSearch}. */
	public static final class Builder {

		private final String field;

		private Object vector;

		private String text;

		private int topK = Search.DEFAULT_TOP_K;

		private Filter filter = Filter.NONE;

		private MetricType metric;

		private final Map<String, Object> params = new LinkedHashMap<>();

		private Builder(String field) {
			this.field = field;
		}

		/** The float query vector. */
		public Builder vector(float[] vector) {
			this.vector = vector;
			return this;
		}

		/** The binary, float16, bfloat16 or int8 query vector in its packed byte form. */
		public Builder vector(byte[] vector) {
			this.vector = vector;
			return this;
		}

		/** The sparse query vector. */
		public Builder vector(SparseVector vector) {
			this.vector = vector;
			return this;
		}

		/** The raw query text, for the output field of a BM25 function. */
		public Builder text(String text) {
			this.text = text;
			return this;
		}

		/** How many hits this sub-search contributes (1 to 16384). */
		public Builder topK(int topK) {
			this.topK = topK;
			return this;
		}

		/**
		 * Keeps only entities matching a boolean expression written by the application, e.g.
		 * {@code "year > 2000"}; values from users go through {@link #filter(String, Map)}.
		 */
		public Builder filter(String expression) {
			return filter(Filter.of(expression));
		}

		/** Keeps only entities matching a filter with named parameters, e.g. {@code filter("year > {min}", Map.of("min", 2000))}. */
		public Builder filter(String template, Map<String, ?> params) {
			return filter(Filter.of(template, params));
		}

		/** Keeps only entities matching this filter. */
		public Builder filter(Filter filter) {
			if (filter == null) {
				throw new MilvusInvalidArgumentException("Sub-search of field '" + this.field + "': filter is null");
			}
			this.filter = filter;
			return this;
		}

		public Builder metric(MetricType metric) {
			this.metric = metric;
			return this;
		}

		/** Sets an index search parameter, e.g. {@code param("ef", 64)}. */
		public Builder param(String name, Object value) {
			this.params.put(name, value);
			return this;
		}

		/**
		 * Checks and builds the sub-search.
		 * @throws MilvusInvalidArgumentException naming what is wrong
		 */
		public SubSearch build() {
			Names.requireValid(this.field, "sub-search field name");
			String what = "Sub-search of field '" + this.field + "'";
			List<Object> vectors = new ArrayList<>();
			if (this.vector != null) {
				vectors.add(this.vector);
			}
			SearchChecks.queries(what, vectors, (this.text != null) ? List.of(this.text) : List.of(), List.of());
			SearchChecks.window(what, this.topK, 0);
			return new SubSearch(this);
		}

	}

}
