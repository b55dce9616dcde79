package dev.milvusboot.client.admin;

import java.util.Objects;

import dev.milvusboot.client.Limits;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.client.schema.Names;

/**
 * The quick set-up of a collection, as pymilvus' {@code create_collection(name, dimension, ...)} makes it: a
 * primary key (Int64 or VarChar, named as you like), a float vector field (named as you like) indexed with
 * {@code AUTOINDEX} and a metric, the dynamic field on, loaded on return. Immutable; defaults as pymilvus':
 * {@code id} Int64 without automatic ids, {@code vector}, {@link MetricType#COSINE}.
 */
public final class QuickCollection {

	/** The default metric, pymilvus' as well. */
	public static final MetricType DEFAULT_METRIC = MetricType.COSINE;

	/** The default maximum length of a VarChar primary key: Milvus' longest VarChar. */
	public static final int DEFAULT_MAX_ID_LENGTH = Limits.MAX_VARCHAR_LENGTH;

	private final String name;

	private final int dimension;

	private final MetricType metric;

	private final DataType idType;

	private final String idField;

	private final String vectorField;

	private final boolean autoId;

	private final int maxIdLength;

	private QuickCollection(Builder builder) {
		this.name = builder.name;
		this.dimension = builder.dimension;
		this.metric = builder.metric;
		this.idType = builder.idType;
		this.idField = builder.idField;
		this.vectorField = builder.vectorField;
		this.autoId = builder.autoId;
		this.maxIdLength = builder.maxIdLength;
	}

	/**
	 * Starts a quick set-up.
	 * @param name the collection name
	 * @param dimension the vector dimension
	 * @return the builder
	 */
	public static Builder builder(String name, int dimension) {
		return new Builder(name, dimension);
	}

	public String name() {
		return this.name;
	}

	public int dimension() {
		return this.dimension;
	}

	public MetricType metric() {
		return this.metric;
	}

	/** {@link DataType#INT64} or {@link DataType#VARCHAR}. */
	public DataType idType() {
		return this.idType;
	}

	public String idField() {
		return this.idField;
	}

	public String vectorField() {
		return this.vectorField;
	}

	public boolean isAutoId() {
		return this.autoId;
	}

	/** The maximum length of a VarChar primary key. */
	public int maxIdLength() {
		return this.maxIdLength;
	}

	/** The schema this set-up creates. */
	public CollectionSchema schema() {
		FieldSchema id = (this.idType == DataType.VARCHAR) ? FieldSchema.varcharId(this.idField, this.maxIdLength)
				: FieldSchema.int64Id(this.idField, this.autoId);
		return CollectionSchema.builder(this.name)
			.field(id)
			.field(FieldSchema.floatVector(this.vectorField, this.dimension))
			.dynamicField(true)
			.build();
	}

	/** The index of the vector field this set-up creates. */
	public IndexParams index() {
		return IndexParams.of(this.name, this.vectorField, IndexType.AUTOINDEX, this.metric);
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof QuickCollection that && this.name.equals(that.name)
				&& this.dimension == that.dimension && this.metric == that.metric && this.idType == that.idType
				&& this.idField.equals(that.idField) && this.vectorField.equals(that.vectorField)
				&& this.autoId == that.autoId && this.maxIdLength == that.maxIdLength);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.name, this.dimension, this.metric, this.idType, this.idField, this.vectorField);
	}

	@Override
	public String toString() {
		return "QuickCollection[" + this.name + ", " + this.idField + " " + this.idType + (this.autoId ? " auto" : "")
				+ ", " + this.vectorField + " dim=" + this.dimension + " " + this.metric + "]";
	}

	/** Builds a {@link QuickCollection}; {@link #build()} checks it. */
	public static final class Builder {

		private final String name;

		private final int dimension;

		private MetricType metric = DEFAULT_METRIC;

		private DataType idType = DataType.INT64;

		private String idField = CollectionSchema.DEFAULT_ID_FIELD;

		private String vectorField = CollectionSchema.DEFAULT_VECTOR_FIELD;

		private boolean autoId;

		private int maxIdLength = DEFAULT_MAX_ID_LENGTH;

		private Builder(String name, int dimension) {
			this.name = name;
			this.dimension = dimension;
		}

		public Builder metric(MetricType metric) {
			this.metric = Objects.requireNonNull(metric, "metric");
			return this;
		}

		/** The primary key's type: {@link DataType#INT64} (the default) or {@link DataType#VARCHAR}. */
		public Builder idType(DataType idType) {
			this.idType = idType;
			return this;
		}

		public Builder idField(String idField) {
			this.idField = idField;
			return this;
		}

		public Builder vectorField(String vectorField) {
			this.vectorField = vectorField;
			return this;
		}

		/** Lets the server choose Int64 ids. */
		public Builder autoId(boolean autoId) {
			this.autoId = autoId;
			return this;
		}

		/** The maximum length of a VarChar primary key. */
		public Builder maxIdLength(int maxIdLength) {
			this.maxIdLength = maxIdLength;
			return this;
		}

		/**
		 * Checks and builds the set-up.
		 * @throws MilvusInvalidArgumentException if a name is invalid, the id type is not INT64 or VARCHAR,
		 * automatic ids are asked for VarChar ids, the two fields share a name or the schema is invalid
		 */
		public QuickCollection build() {
			Names.requireValid(this.name, "collection name");
			if (this.idType != DataType.INT64 && this.idType != DataType.VARCHAR) {
				throw new MilvusInvalidArgumentException("The id type of quick collection '" + this.name
						+ "' must be INT64 or VARCHAR, but was " + this.idType);
			}
			if (this.autoId && this.idType != DataType.INT64) {
				throw new MilvusInvalidArgumentException("Quick collection '" + this.name
						+ "' cannot have automatic ids: Milvus generates INT64 ids only, and the id type is "
						+ this.idType);
			}
			QuickCollection quick = new QuickCollection(this);
			quick.schema(); // checks the names, the dimension and the length
			return quick;
		}

	}

}
