package dev.milvusboot.client.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * One field of a collection schema: its type and type settings, key roles (primary, partition, clustering),
 * nullability and default, text analysis settings of varchar fields and whether a schema function fills it. Over
 * 300 lines on purpose: one accessor and one builder method per setting Milvus has. Immutable; build with
 * {@link #builder(String, DataType)} or the shortcuts such as {@link #int64Id(String, boolean)} and
 * {@link #floatVector(String, int)}.
 */
public final class FieldSchema {

	private final String name;

	private final DataType dataType;

	private final String description;

	private final boolean primaryKey;

	private final boolean autoId;

	private final int dimension;

	private final int maxLength;

	private final DataType elementType;

	private final int maxCapacity;

	private final boolean nullable;

	private final Object defaultValue;

	private final boolean partitionKey;

	private final boolean clusteringKey;

	private final boolean functionOutput;

	private final boolean enableAnalyzer;

	private final Map<String, Object> analyzerParams;

	private final Map<String, Object> multiAnalyzerParams;

	private final boolean enableMatch;

	private FieldSchema(Builder builder) {
		this.name = builder.name;
		this.dataType = builder.dataType;
		this.description = builder.description;
		this.primaryKey = builder.primaryKey;
		this.autoId = builder.autoId;
		this.dimension = builder.dimension;
		this.maxLength = builder.maxLength;
		this.elementType = builder.elementType;
		this.maxCapacity = builder.maxCapacity;
		this.nullable = builder.nullable;
		this.defaultValue = builder.defaultValue;
		this.partitionKey = builder.partitionKey;
		this.clusteringKey = builder.clusteringKey;
		this.functionOutput = builder.functionOutput;
		this.enableAnalyzer = builder.enableAnalyzer;
		this.analyzerParams = Collections.unmodifiableMap(new LinkedHashMap<>(builder.analyzerParams));
		this.multiAnalyzerParams = Collections.unmodifiableMap(new LinkedHashMap<>(builder.multiAnalyzerParams));
		this.enableMatch = builder.enableMatch;
	}

	public static Builder builder(String name, DataType dataType) {
		return new Builder(name, dataType);
	}

	/** An int64 primary key, with ids chosen by the server when {@code autoId} is true. */
	public static FieldSchema int64Id(String name, boolean autoId) {
		return builder(name, DataType.INT64).primaryKey(true).autoId(autoId).build();
	}

	/** A varchar primary key of at most {@code maxLength} characters. */
	public static FieldSchema varcharId(String name, int maxLength) {
		return builder(name, DataType.VARCHAR).primaryKey(true).maxLength(maxLength).build();
	}

	/** A float vector field of the given dimension. */
	public static FieldSchema floatVector(String name, int dimension) {
		return builder(name, DataType.FLOAT_VECTOR).dimension(dimension).build();
	}

	/** A varchar field of at most {@code maxLength} characters. */
	public static FieldSchema varchar(String name, int maxLength) {
		return builder(name, DataType.VARCHAR).maxLength(maxLength).build();
	}

	/**
	 * A varchar field whose text the server tokenizes (the input of a BM25 function), with the analyzer's
	 * settings, for example {@code Map.of("tokenizer", "standard", "filter", List.of("lowercase"))}; an empty map
	 * means the server's default analyzer.
	 */
	public static FieldSchema analyzedText(String name, int maxLength, Map<String, ?> analyzerParams) {
		return builder(name, DataType.VARCHAR).maxLength(maxLength)
			.enableAnalyzer(true)
			.analyzerParams(analyzerParams)
			.build();
	}

	/** A sparse float vector field (for example the output of a BM25 function). */
	public static FieldSchema sparseVector(String name) {
		return builder(name, DataType.SPARSE_FLOAT_VECTOR).build();
	}

	/** A scalar field of the given type with no extra settings. */
	public static FieldSchema scalar(String name, DataType dataType) {
		return builder(name, dataType).build();
	}

	public String name() {
		return this.name;
	}

	public DataType dataType() {
		return this.dataType;
	}

	public String description() {
		return this.description;
	}

	public boolean isPrimaryKey() {
		return this.primaryKey;
	}

	public boolean isAutoId() {
		return this.autoId;
	}

	/** The dimension of a vector field, {@code 0} otherwise. */
	public int dimension() {
		return this.dimension;
	}

	/** The maximum length of a varchar field (or of varchar array elements), {@code 0} otherwise. */
	public int maxLength() {
		return this.maxLength;
	}

	/** The element type of an array field, or {@code null}. */
	public DataType elementType() {
		return this.elementType;
	}

	/** The maximum number of elements of an array field, {@code 0} otherwise. */
	public int maxCapacity() {
		return this.maxCapacity;
	}

	public boolean isNullable() {
		return this.nullable;
	}

	/** The value used when a row leaves this field out, or {@code null}. */
	public Object defaultValue() {
		return this.defaultValue;
	}

	public boolean isPartitionKey() {
		return this.partitionKey;
	}

	/** Whether the server clusters the data by this field (Milvus 2.5+; Milvus Lite 3.2 does not keep it). */
	public boolean isClusteringKey() {
		return this.clusteringKey;
	}

	/**
	 * Whether a schema function fills this field (the wire's {@code is_function_output}): rows never carry it.
	 * A schema holding the function marks its output fields so.
	 */
	public boolean isFunctionOutput() {
		return this.functionOutput;
	}

	/** Whether the server tokenizes this varchar field's text ({@code enable_analyzer}). */
	public boolean enableAnalyzer() {
		return this.enableAnalyzer;
	}

	/** The analyzer settings ({@code analyzer_params}, JSON on the wire); empty for the server's default. */
	public Map<String, Object> analyzerParams() {
		return this.analyzerParams;
	}

	/** The settings of several analyzers chosen per row ({@code multi_analyzer_params}); empty if none. */
	public Map<String, Object> multiAnalyzerParams() {
		return this.multiAnalyzerParams;
	}

	/** Whether the server keeps an inverted index for {@code TEXT_MATCH} on this field ({@code enable_match}). */
	public boolean enableMatch() {
		return this.enableMatch;
	}

	/** A builder holding this field's settings. */
	public Builder toBuilder() {
		Builder builder = builder(this.name, this.dataType).description(this.description)
			.primaryKey(this.primaryKey)
			.autoId(this.autoId)
			.dimension(this.dimension)
			.maxLength(this.maxLength)
			.nullable(this.nullable)
			.defaultValue(this.defaultValue)
			.partitionKey(this.partitionKey)
			.clusteringKey(this.clusteringKey)
			.functionOutput(this.functionOutput)
			.enableAnalyzer(this.enableAnalyzer)
			.analyzerParams(this.analyzerParams)
			.multiAnalyzerParams(this.multiAnalyzerParams)
			.enableMatch(this.enableMatch);
		if (this.elementType != null) {
			builder.elementType(this.elementType, this.maxCapacity);
		}
		return builder;
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof FieldSchema that)) {
			return false;
		}
		return this.name.equals(that.name) && this.dataType == that.dataType && this.primaryKey == that.primaryKey
				&& this.autoId == that.autoId && this.dimension == that.dimension && this.maxLength == that.maxLength
				&& this.elementType == that.elementType && this.maxCapacity == that.maxCapacity
				&& this.nullable == that.nullable && Objects.equals(this.defaultValue, that.defaultValue)
				&& this.partitionKey == that.partitionKey && Objects.equals(this.description, that.description)
				&& this.clusteringKey == that.clusteringKey && this.functionOutput == that.functionOutput
				&& this.enableAnalyzer == that.enableAnalyzer && this.analyzerParams.equals(that.analyzerParams)
				&& this.multiAnalyzerParams.equals(that.multiAnalyzerParams) && this.enableMatch == that.enableMatch;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.name, this.dataType, this.primaryKey, this.dimension);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(this.name).append(' ').append(this.dataType);
		if (this.dimension > 0) {
			text.append("(dim=").append(this.dimension).append(')');
		}
		if (this.maxLength > 0) {
			text.append("(max_length=").append(this.maxLength).append(')');
		}
		if (this.elementType != null) {
			text.append('<').append(this.elementType).append(", capacity=").append(this.maxCapacity).append('>');
		}
		if (this.primaryKey) {
			text.append(this.autoId ? " primary key auto id" : " primary key");
		}
		if (this.nullable) {
			text.append(" nullable");
		}
		if (this.defaultValue != null) {
			text.append(" default ").append(this.defaultValue);
		}
		if (this.partitionKey) {
			text.append(" partition key");
		}
		if (this.clusteringKey) {
			text.append(" clustering key");
		}
		if (this.functionOutput) {
			text.append(" function output");
		}
		if (this.enableAnalyzer) {
			text.append(" analyzer ").append(this.analyzerParams);
		}
		if (!this.multiAnalyzerParams.isEmpty()) {
			text.append(" analyzers ").append(this.multiAnalyzerParams);
		}
		if (this.enableMatch) {
			text.append(" match");
		}
		return text.toString();
	}

	/** Builds a {@link FieldSchema}; {@link #build()} checks the settings fit the type. */
	public static final class Builder {

		private final String name;

		private final DataType dataType;

		private String description = "";

		private boolean primaryKey;

		private boolean autoId;

		private int dimension;

		private int maxLength;

		private DataType elementType;

		private int maxCapacity;

		private boolean nullable;

		private Object defaultValue;

		private boolean partitionKey;

		private boolean clusteringKey;

		private boolean functionOutput;

		private boolean enableAnalyzer;

		private final Map<String, Object> analyzerParams = new LinkedHashMap<>();

		private final Map<String, Object> multiAnalyzerParams = new LinkedHashMap<>();

		private boolean enableMatch;

		private Builder(String name, DataType dataType) {
			this.name = name;
			this.dataType = dataType;
		}

		public Builder description(String description) {
			this.description = (description != null) ? description : "";
			return this;
		}

		public Builder primaryKey(boolean primaryKey) {
			this.primaryKey = primaryKey;
			return this;
		}

		public Builder autoId(boolean autoId) {
			this.autoId = autoId;
			return this;
		}

		public Builder dimension(int dimension) {
			this.dimension = dimension;
			return this;
		}

		public Builder maxLength(int maxLength) {
			this.maxLength = maxLength;
			return this;
		}

		/** Makes this an array field's element type and capacity. */
		public Builder elementType(DataType elementType, int maxCapacity) {
			this.elementType = elementType;
			this.maxCapacity = maxCapacity;
			return this;
		}

		public Builder nullable(boolean nullable) {
			this.nullable = nullable;
			return this;
		}

		public Builder defaultValue(Object defaultValue) {
			this.defaultValue = defaultValue;
			return this;
		}

		public Builder partitionKey(boolean partitionKey) {
			this.partitionKey = partitionKey;
			return this;
		}

		/** Makes this the clustering key (at most one per collection; scalar or vector). */
		public Builder clusteringKey(boolean clusteringKey) {
			this.clusteringKey = clusteringKey;
			return this;
		}

		/** Marks the field as filled by a schema function; a schema holding the function does it itself. */
		public Builder functionOutput(boolean functionOutput) {
			this.functionOutput = functionOutput;
			return this;
		}

		/** Lets the server tokenize this varchar field ({@code enable_analyzer}). */
		public Builder enableAnalyzer(boolean enableAnalyzer) {
			this.enableAnalyzer = enableAnalyzer;
			return this;
		}

		/** Sets the analyzer ({@code analyzer_params}, for example {@code {"type": "english"}}). */
		public Builder analyzerParams(Map<String, ?> analyzerParams) {
			this.analyzerParams.clear();
			if (analyzerParams != null) {
				this.analyzerParams.putAll(analyzerParams);
			}
			return this;
		}

		/**
		 * Sets several analyzers, the one used chosen per row ({@code multi_analyzer_params}: {@code by_field},
		 * {@code analyzers}, optional {@code alias}).
		 */
		public Builder multiAnalyzerParams(Map<String, ?> multiAnalyzerParams) {
			this.multiAnalyzerParams.clear();
			if (multiAnalyzerParams != null) {
				this.multiAnalyzerParams.putAll(multiAnalyzerParams);
			}
			return this;
		}

		/** Keeps an inverted index of the tokens for {@code TEXT_MATCH} filters ({@code enable_match}). */
		public Builder enableMatch(boolean enableMatch) {
			this.enableMatch = enableMatch;
			return this;
		}

		public FieldSchema build() {
			Names.requireValid(this.name, "field name");
			if (this.dataType == null) {
				throw new MilvusInvalidArgumentException("Field '" + this.name + "' needs a data type");
			}
			if (this.dataType.needsDimension() && this.dimension <= 0) {
				throw new MilvusInvalidArgumentException("Vector field '" + this.name + "' of type " + this.dataType
						+ " needs a positive dimension, but was " + this.dimension);
			}
			if (!this.dataType.isVector() && this.dimension != 0) {
				throw new MilvusInvalidArgumentException(
						"Field '" + this.name + "' of type " + this.dataType + " cannot have a dimension");
			}
			if (this.dataType == DataType.BINARY_VECTOR && this.dimension % 8 != 0) {
				throw new MilvusInvalidArgumentException("Binary vector field '" + this.name
						+ "' needs a dimension that is a multiple of 8, but was " + this.dimension);
			}
			boolean varcharLike = this.dataType == DataType.VARCHAR
					|| (this.dataType == DataType.ARRAY && this.elementType == DataType.VARCHAR);
			if (varcharLike && this.maxLength <= 0) {
				throw new MilvusInvalidArgumentException(
						"Varchar field '" + this.name + "' needs a positive max length, but was " + this.maxLength);
			}
			if (this.dataType == DataType.ARRAY && (this.elementType == null || this.maxCapacity <= 0)) {
				throw new MilvusInvalidArgumentException(
						"Array field '" + this.name + "' needs an element type and a positive capacity");
			}
			if (this.primaryKey && this.dataType != DataType.INT64 && this.dataType != DataType.VARCHAR) {
				throw new MilvusInvalidArgumentException("Primary key '" + this.name
						+ "' must be of type INT64 or VARCHAR, but was " + this.dataType);
			}
			if (this.autoId && !this.primaryKey) {
				throw new MilvusInvalidArgumentException(
						"Field '" + this.name + "' can have automatic ids only if it is the primary key");
			}
			boolean textSettings = this.enableAnalyzer || this.enableMatch || !this.analyzerParams.isEmpty()
					|| !this.multiAnalyzerParams.isEmpty();
			if (textSettings && this.dataType != DataType.VARCHAR) {
				throw new MilvusInvalidArgumentException("Field '" + this.name + "' of type " + this.dataType
						+ " cannot have analyzer or match settings; only VARCHAR fields can");
			}
			if (this.functionOutput && this.primaryKey) {
				throw new MilvusInvalidArgumentException(
						"Primary key '" + this.name + "' cannot be the output of a function");
			}
			if (this.primaryKey && this.nullable) {
				throw new MilvusInvalidArgumentException("Primary key '" + this.name + "' cannot be nullable");
			}
			return new FieldSchema(this);
		}

	}

}
