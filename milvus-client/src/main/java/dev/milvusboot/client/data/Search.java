package dev.milvusboot.client.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.milvusboot.client.Limits;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.client.schema.Names;

/**
 * A vector search: query vectors, how many hits each, and optional filter, partitions, output fields, metric,
 * index search parameters ({@code nprobe}, {@code ef}, {@code radius}, ...), consistency and grouping. Immutable
 * once built; start with {@link #in(String)}.
 * <pre>
 * client.search(Search.in("docs").vector(queryVector).topK(5).param("nprobe", 16).outputFields("title").build());
 * </pre>
 */
public final class Search extends FilteredRead {

	/** Hits per query vector unless set. */
	public static final int DEFAULT_TOP_K = 10;

	/** The largest top-k Milvus accepts. */
	public static final int MAX_TOP_K = Limits.MAX_TOP_K;

	private final String annsField;

	private final List<Object> vectors;

	private final int topK;

	private final int offset;

	private final MetricType metric;

	private final Map<String, Object> params;

	private final String groupByField;

	private final int roundDecimal;

	private Search(Builder builder) {
		super(builder);
		this.annsField = builder.annsField;
		this.vectors = List.copyOf(builder.vectors);
		this.topK = builder.topK;
		this.offset = builder.offset;
		this.metric = builder.metric;
		this.params = Map.copyOf(builder.params);
		this.groupByField = builder.groupByField;
		this.roundDecimal = builder.roundDecimal;
	}

	/**
	 * Starts a search in a collection.
	 * @param collection the collection name
	 * @return a builder
	 */
	public static Builder in(String collection) {
		return new Builder(collection);
	}

	/** The vector field searched, or {@code null} for the collection's only vector field. */
	public String annsField() {
		return this.annsField;
	}

	/** The query vectors: {@code float[]}, {@code byte[]} or {@link SparseVector}. */
	public List<Object> vectors() {
		return this.vectors;
	}

	public int topK() {
		return this.topK;
	}

	public int offset() {
		return this.offset;
	}

	/** The metric, or {@code null} for the index's. */
	public MetricType metric() {
		return this.metric;
	}

	/** Index search parameters such as {@code nprobe} or {@code ef}. */
	public Map<String, Object> params() {
		return this.params;
	}

	/** The scalar field hits are grouped by, or {@code null}. */
	public String groupByField() {
		return this.groupByField;
	}

	/** Decimal places scores are rounded to, {@code -1} for none. */
	public int roundDecimal() {
		return this.roundDecimal;
	}

	/** Builds a {@link Search}. */
	public static final class Builder extends FilteredRead.Builder<Builder> {

		private String annsField;

		private final List<Object> vectors = new ArrayList<>();

		private int topK = DEFAULT_TOP_K;

		private int offset;

		private MetricType metric;

		private final Map<String, Object> params = new LinkedHashMap<>();

		private String groupByField;

		private int roundDecimal = -1;

		private Builder(String collection) {
			super(collection);
		}

		/** Searches this vector field (needed when the collection has several). */
		public Builder annsField(String annsField) {
			this.annsField = annsField;
			return this;
		}

		/** Adds a float query vector. */
		public Builder vector(float[] vector) {
			this.vectors.add(vector);
			return this;
		}

		/** Adds float query vectors. */
		public Builder vectors(float[]... vectors) {
			for (float[] vector : vectors) {
				this.vectors.add(vector);
			}
			return this;
		}

		/** Adds float query vectors. */
		public Builder vectors(List<float[]> vectors) {
			this.vectors.addAll(vectors);
			return this;
		}

		/** Adds a binary, float16, bfloat16 or int8 query vector in its packed byte form. */
		public Builder vector(byte[] vector) {
			this.vectors.add(vector);
			return this;
		}

		/** Adds a sparse query vector. */
		public Builder vector(SparseVector vector) {
			this.vectors.add(vector);
			return this;
		}

		/** How many hits each query vector gets (1 to 16384). */
		public Builder topK(int topK) {
			this.topK = topK;
			return this;
		}

		/** Skips this many best hits (paging). */
		public Builder offset(int offset) {
			this.offset = offset;
			return this;
		}

		public Builder metric(MetricType metric) {
			this.metric = metric;
			return this;
		}

		/** Sets an index search parameter, e.g. {@code param("nprobe", 16)} or {@code param("ef", 64)}. */
		public Builder param(String name, Object value) {
			this.params.put(name, value);
			return this;
		}

		/** Groups hits by this scalar field: at most one hit per value. */
		public Builder groupBy(String field) {
			this.groupByField = field;
			return this;
		}

		public Builder roundDecimal(int roundDecimal) {
			this.roundDecimal = roundDecimal;
			return this;
		}

		/**
		 * Checks and builds the search.
		 * @throws MilvusInvalidArgumentException naming what is wrong
		 */
		public Search build() {
			checkNames();
			if (this.annsField != null) {
				Names.requireValid(this.annsField, "vector field name");
			}
			if (this.vectors.isEmpty()) {
				throw new MilvusInvalidArgumentException(
						"Search in collection '" + this.collection + "' needs at least one query vector");
			}
			if (this.topK < 1 || this.topK > MAX_TOP_K) {
				throw new MilvusInvalidArgumentException("Search in collection '" + this.collection
						+ "': topK must be between 1 and " + MAX_TOP_K + ", but was " + this.topK);
			}
			if (this.offset < 0 || this.offset + this.topK > MAX_TOP_K) {
				throw new MilvusInvalidArgumentException("Search in collection '" + this.collection
						+ "': offset must be at least 0 and offset + topK at most " + MAX_TOP_K + ", but offset was "
						+ this.offset);
			}
			for (int i = 0; i < this.vectors.size(); i++) {
				Object vector = this.vectors.get(i);
				if (vector == null) {
					throw new MilvusInvalidArgumentException(
							"Search in collection '" + this.collection + "': query vector " + i + " is null");
				}
				if (vector instanceof float[] floats) {
					checkFinite(floats, i);
				}
			}
			return new Search(this);
		}

		private void checkFinite(float[] vector, int index) {
			for (int j = 0; j < vector.length; j++) {
				if (!Float.isFinite(vector[j])) {
					throw new MilvusInvalidArgumentException("Search in collection '" + this.collection
							+ "': query vector " + index + " has " + vector[j] + " at position " + j
							+ "; vectors must hold finite numbers");
				}
			}
		}

	}

}
