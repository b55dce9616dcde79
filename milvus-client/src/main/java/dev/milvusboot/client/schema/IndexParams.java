package dev.milvusboot.client.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * What index to build on one field of a collection: the index type, the metric (for vector fields) and the build
 * parameters such as {@code nlist}, {@code M} or {@code efConstruction}. Immutable; build with
 * {@link #builder(String, String)} or {@link #of(String, String, IndexType, MetricType)}.
 */
public final class IndexParams {

	/** The index type used when none is given: the server picks a suitable index. */
	public static final IndexType DEFAULT_INDEX_TYPE = IndexType.AUTOINDEX;

	private final String collectionName;

	private final String fieldName;

	private final String indexName;

	private final String indexType;

	private final String metricType;

	private final Map<String, Object> params;

	private IndexParams(Builder builder) {
		this.collectionName = builder.collectionName;
		this.fieldName = builder.fieldName;
		this.indexName = (builder.indexName != null) ? builder.indexName : builder.fieldName;
		this.indexType = builder.indexType;
		this.metricType = builder.metricType;
		this.params = Collections.unmodifiableMap(new LinkedHashMap<>(builder.params));
	}

	/**
	 * Starts index parameters for a field.
	 * @param collectionName the collection
	 * @param fieldName the field to index
	 * @return the builder
	 */
	public static Builder builder(String collectionName, String fieldName) {
		return new Builder(collectionName, fieldName);
	}

	/**
	 * Index parameters with no build parameters.
	 * @param collectionName the collection
	 * @param fieldName the field to index
	 * @param indexType the index type
	 * @param metric the metric of a vector index, or {@code null} for a scalar index
	 * @return the parameters
	 */
	public static IndexParams of(String collectionName, String fieldName, IndexType indexType, MetricType metric) {
		Builder builder = builder(collectionName, fieldName).indexType(indexType);
		if (metric != null) {
			builder.metric(metric);
		}
		return builder.build();
	}

	/** The collection. */
	public String collectionName() {
		return this.collectionName;
	}

	/** The indexed field. */
	public String fieldName() {
		return this.fieldName;
	}

	/** The index name; the field name unless another was given (Milvus Lite always names indexes after the field). */
	public String indexName() {
		return this.indexName;
	}

	/** The index type name, for example {@code HNSW}. */
	public String indexType() {
		return this.indexType;
	}

	/** The metric type name, for example {@code COSINE}, or {@code null} when none was given. */
	public String metricType() {
		return this.metricType;
	}

	/** The build parameters, in the order given. */
	public Map<String, Object> params() {
		return this.params;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof IndexParams that && this.collectionName.equals(that.collectionName)
				&& this.fieldName.equals(that.fieldName)
				&& this.indexName.equals(that.indexName) && this.indexType.equals(that.indexType)
				&& Objects.equals(this.metricType, that.metricType) && this.params.equals(that.params));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.collectionName, this.fieldName, this.indexName, this.indexType, this.metricType,
				this.params);
	}

	@Override
	public String toString() {
		return "IndexParams[" + this.indexName + " on " + this.collectionName + "." + this.fieldName + ": "
				+ this.indexType + ((this.metricType != null) ? " " + this.metricType : "")
				+ (this.params.isEmpty() ? "" : " " + this.params) + "]";
	}

	/** Builds {@link IndexParams}; {@link #build()} checks them. */
	public static final class Builder {

		private final String collectionName;

		private final String fieldName;

		private String indexName;

		private String indexType = DEFAULT_INDEX_TYPE.name();

		private String metricType;

		private final Map<String, Object> params = new LinkedHashMap<>();

		private Builder(String collectionName, String fieldName) {
			this.collectionName = collectionName;
			this.fieldName = fieldName;
		}

		/** Names the index; by default it is named after the field. */
		public Builder indexName(String indexName) {
			this.indexName = indexName;
			return this;
		}

		/** Sets a well-known index type; {@link IndexParams#DEFAULT_INDEX_TYPE} by default. */
		public Builder indexType(IndexType indexType) {
			this.indexType = Objects.requireNonNull(indexType, "indexType").name();
			return this;
		}

		/** Sets any index type the server knows, by name (for example {@code "GPU_CAGRA"}). */
		public Builder indexType(String indexType) {
			this.indexType = indexType;
			return this;
		}

		/** Sets the metric of a vector index. */
		public Builder metric(MetricType metric) {
			this.metricType = Objects.requireNonNull(metric, "metric").name();
			return this;
		}

		/** Sets any metric the server knows, by name. */
		public Builder metric(String metric) {
			this.metricType = metric;
			return this;
		}

		/**
		 * Adds a build parameter.
		 * @param key the parameter, for example {@code nlist}
		 * @param value a number, string or boolean (or a list or map of them)
		 * @return this builder
		 */
		public Builder param(String key, Object value) {
			this.params.put(key, value);
			return this;
		}

		/** Adds build parameters. */
		public Builder params(Map<String, ?> params) {
			params.forEach(this::param);
			return this;
		}

		/**
		 * Checks and builds the parameters.
		 * @throws MilvusInvalidArgumentException if a name is invalid, the index type is blank or a parameter
		 * value is not a number, string, boolean, list or map
		 */
		public IndexParams build() {
			Names.requireValid(this.collectionName, "collection name");
			Names.requireValid(this.fieldName, "field name");
			if (this.indexName != null) {
				Names.requireValid(this.indexName, "index name");
			}
			if (this.indexType == null || this.indexType.isBlank()) {
				throw new MilvusInvalidArgumentException(
						"The index on field '" + this.fieldName + "' of collection '" + this.collectionName
								+ "' needs an index type");
			}
			if (this.metricType != null && this.metricType.isBlank()) {
				throw new MilvusInvalidArgumentException(
						"The metric type of the index on field '" + this.fieldName + "' must not be blank");
			}
			for (Map.Entry<String, Object> param : this.params.entrySet()) {
				if (param.getKey() == null || param.getKey().isBlank()) {
					throw new MilvusInvalidArgumentException(
							"The index on field '" + this.fieldName + "' has a build parameter with no name");
				}
				requireJsonValue(param.getKey(), param.getValue());
			}
			return new IndexParams(this);
		}

		private void requireJsonValue(String key, Object value) {
			if (value == null || value instanceof Number || value instanceof String || value instanceof Boolean) {
				return;
			}
			if (value instanceof List<?> list) {
				list.forEach((element) -> requireJsonValue(key, element));
				return;
			}
			if (value instanceof Map<?, ?> map) {
				map.forEach((k, v) -> requireJsonValue(key, v));
				return;
			}
			throw new MilvusInvalidArgumentException("Build parameter '" + key + "' of the index on field '"
					+ this.fieldName + "' is a " + value.getClass().getSimpleName()
					+ "; use a number, string, boolean, list or map");
		}

	}

}
