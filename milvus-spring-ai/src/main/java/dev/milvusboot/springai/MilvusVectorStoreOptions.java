package dev.milvusboot.springai;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.milvusboot.client.data.rank.Ranker;
import dev.milvusboot.client.data.rank.RrfRanker;
import dev.milvusboot.client.data.rank.WeightedRanker;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;

/**
 * Where and how a {@link MilvusClientVectorStore} keeps its documents: collection, database, partition, field names
 * (Spring AI's by default, so that collections made by Spring AI's own Milvus store can be used as they are),
 * metric and index, and the optional hybrid (dense + BM25 full-text) search. Immutable; made with
 * {@link #builder()}. A value class of nineteen options: its length is their accessors, builder setters and javadoc.
 */
public final class MilvusVectorStoreOptions {

	/** The collection unless set (Spring AI's). */
	public static final String DEFAULT_COLLECTION_NAME = "vector_store";

	/** The primary key field unless set (Spring AI's). */
	public static final String DEFAULT_ID_FIELD_NAME = "doc_id";

	/** The text field unless set (Spring AI's). */
	public static final String DEFAULT_CONTENT_FIELD_NAME = "content";

	/** The JSON metadata field unless set (Spring AI's). */
	public static final String DEFAULT_METADATA_FIELD_NAME = "metadata";

	/** The vector field unless set (Spring AI's). */
	public static final String DEFAULT_EMBEDDING_FIELD_NAME = "embedding";

	/** The metric unless set (Spring AI's). */
	public static final MetricType DEFAULT_METRIC_TYPE = MetricType.COSINE;

	/** The index type of a collection the store creates, unless set: the server chooses. */
	public static final IndexType DEFAULT_INDEX_TYPE = IndexType.AUTOINDEX;

	/** The sparse vector field that the BM25 function fills, unless set (hybrid search only). */
	public static final String DEFAULT_SPARSE_FIELD_NAME = "sparse";

	/** The longest document id of a collection the store creates. */
	public static final int ID_MAX_LENGTH = 512;

	private final String collectionName;

	private final String databaseName;

	private final String partitionName;

	private final int embeddingDimension;

	private final MetricType metricType;

	private final IndexType indexType;

	private final Map<String, Object> indexParameters;

	private final String idFieldName;

	private final String contentFieldName;

	private final String metadataFieldName;

	private final String embeddingFieldName;

	private final boolean autoId;

	private final boolean initializeSchema;

	private final boolean hybridSearch;

	private final String sparseFieldName;

	private final Map<String, Object> analyzerParameters;

	private final Ranker hybridRanker;

	private final int hybridSubSearchTopK;

	private final ConsistencyLevel consistency;

	private MilvusVectorStoreOptions(Builder builder) {
		this.collectionName = builder.collectionName;
		this.databaseName = builder.databaseName;
		this.partitionName = builder.partitionName;
		this.embeddingDimension = builder.embeddingDimension;
		this.metricType = builder.metricType;
		this.indexType = builder.indexType;
		this.indexParameters = Map.copyOf(builder.indexParameters);
		this.idFieldName = builder.idFieldName;
		this.contentFieldName = builder.contentFieldName;
		this.metadataFieldName = builder.metadataFieldName;
		this.embeddingFieldName = builder.embeddingFieldName;
		this.autoId = builder.autoId;
		this.initializeSchema = builder.initializeSchema;
		this.hybridSearch = builder.hybridSearch;
		this.sparseFieldName = builder.sparseFieldName;
		this.analyzerParameters = Map.copyOf(builder.analyzerParameters);
		this.hybridRanker = builder.hybridRanker;
		this.hybridSubSearchTopK = builder.hybridSubSearchTopK;
		this.consistency = builder.consistency;
	}

	/** A builder with the defaults. */
	public static Builder builder() {
		return new Builder();
	}

	/** The collection. */
	public String collectionName() {
		return this.collectionName;
	}

	/** The database, or {@code null} for the client's. */
	public String databaseName() {
		return this.databaseName;
	}

	/** The partition writes, deletes and searches are confined to, or {@code null} for the whole collection. */
	public String partitionName() {
		return this.partitionName;
	}

	/** The vector dimension, or 0 for the embedding model's. */
	public int embeddingDimension() {
		return this.embeddingDimension;
	}

	/** The metric of the collection's vector index; it defines the score (see {@code Relevance}). */
	public MetricType metricType() {
		return this.metricType;
	}

	/** The index type of a collection the store creates. */
	public IndexType indexType() {
		return this.indexType;
	}

	/** The build parameters of that index. */
	public Map<String, Object> indexParameters() {
		return this.indexParameters;
	}

	/** The primary key field. */
	public String idFieldName() {
		return this.idFieldName;
	}

	/** The text field. */
	public String contentFieldName() {
		return this.contentFieldName;
	}

	/** The JSON metadata field. */
	public String metadataFieldName() {
		return this.metadataFieldName;
	}

	/** The vector field. */
	public String embeddingFieldName() {
		return this.embeddingFieldName;
	}

	/** Whether Milvus generates int64 ids (documents' own ids are then not kept). */
	public boolean autoId() {
		return this.autoId;
	}

	/** Whether the store creates its collection (and partition) when missing. */
	public boolean initializeSchema() {
		return this.initializeSchema;
	}

	/**
	 * Whether searches are hybrid: the collection has a BM25 function that fills {@link #sparseFieldName()} from the
	 * analyzed {@link #contentFieldName()}, and each similarity search fuses a dense search of the query's embedding
	 * with a BM25 search of the query's text by {@link #hybridRanker()}.
	 */
	public boolean hybridSearch() {
		return this.hybridSearch;
	}

	/** The sparse vector field that the BM25 function fills (hybrid search). */
	public String sparseFieldName() {
		return this.sparseFieldName;
	}

	/**
	 * The analyzer of the content field of a collection the store creates for hybrid search ({@code analyzer_params},
	 * e.g. {@code {"type": "english"}}); empty for the server's default (standard tokenizer, lowercase).
	 */
	public Map<String, Object> analyzerParameters() {
		return this.analyzerParameters;
	}

	/** How hybrid search fuses its dense and text hits: an {@link RrfRanker} or a two-weight {@link WeightedRanker}. */
	public Ranker hybridRanker() {
		return this.hybridRanker;
	}

	/** The hits each sub-search of a hybrid search contributes, or 0 for the request's top-k. */
	public int hybridSubSearchTopK() {
		return this.hybridSubSearchTopK;
	}

	/**
	 * The consistency level of similarity searches, or {@code null} (the default) for the client's:
	 * read-your-writes, i.e. session consistency at the last write this client made to the collection, so every
	 * document added through this store (or any store on the same client) is found by the next search without
	 * waiting for the server's time tick. {@link ConsistencyLevel#STRONG} also sees what other clients wrote just
	 * before, at the cost of that wait (up to ~200 ms on Milvus 2.3 after a recent write anywhere).
	 */
	public ConsistencyLevel consistency() {
		return this.consistency;
	}

	@Override
	public String toString() {
		return "MilvusVectorStoreOptions[collection=" + this.collectionName + ", database=" + this.databaseName
				+ ", partition=" + this.partitionName + ", metric=" + this.metricType + ", index=" + this.indexType
				+ ", dimension=" + this.embeddingDimension
				+ ((this.consistency != null) ? ", consistency=" + this.consistency : "")
				+ (this.hybridSearch ? ", hybrid=" + this.hybridRanker + " on " + this.sparseFieldName : "") + "]";
	}

	/** Builds {@link MilvusVectorStoreOptions}. */
	public static final class Builder {

		private String collectionName = DEFAULT_COLLECTION_NAME;

		private String databaseName;

		private String partitionName;

		private int embeddingDimension;

		private MetricType metricType = DEFAULT_METRIC_TYPE;

		private IndexType indexType = DEFAULT_INDEX_TYPE;

		private final Map<String, Object> indexParameters = new LinkedHashMap<>();

		private String idFieldName = DEFAULT_ID_FIELD_NAME;

		private String contentFieldName = DEFAULT_CONTENT_FIELD_NAME;

		private String metadataFieldName = DEFAULT_METADATA_FIELD_NAME;

		private String embeddingFieldName = DEFAULT_EMBEDDING_FIELD_NAME;

		private boolean autoId;

		private boolean initializeSchema;

		private boolean hybridSearch;

		private String sparseFieldName = DEFAULT_SPARSE_FIELD_NAME;

		private final Map<String, Object> analyzerParameters = new LinkedHashMap<>();

		private Ranker hybridRanker = Ranker.rrf();

		private int hybridSubSearchTopK;

		private ConsistencyLevel consistency;

		private Builder() {
		}

		/** The collection ({@value #DEFAULT_COLLECTION_NAME} unless set). */
		public Builder collectionName(String collectionName) {
			this.collectionName = collectionName;
			return this;
		}

		/** The database; {@code null} (the default) for the client's. */
		public Builder databaseName(String databaseName) {
			this.databaseName = blankToNull(databaseName);
			return this;
		}

		/** Confines the store to a partition; {@code null} (the default) for the whole collection. */
		public Builder partitionName(String partitionName) {
			this.partitionName = blankToNull(partitionName);
			return this;
		}

		/** The vector dimension; 0 (the default) asks the embedding model. */
		public Builder embeddingDimension(int embeddingDimension) {
			this.embeddingDimension = embeddingDimension;
			return this;
		}

		/** The metric (COSINE unless set). */
		public Builder metricType(MetricType metricType) {
			this.metricType = metricType;
			return this;
		}

		/** The index type of a collection the store creates (AUTOINDEX unless set). */
		public Builder indexType(IndexType indexType) {
			this.indexType = indexType;
			return this;
		}

		/** Adds index build parameters, e.g. {@code nlist}. */
		public Builder indexParameters(Map<String, ?> indexParameters) {
			this.indexParameters.putAll(indexParameters);
			return this;
		}

		/** The primary key field ({@value #DEFAULT_ID_FIELD_NAME} unless set). */
		public Builder idFieldName(String idFieldName) {
			this.idFieldName = idFieldName;
			return this;
		}

		/** The text field ({@value #DEFAULT_CONTENT_FIELD_NAME} unless set). */
		public Builder contentFieldName(String contentFieldName) {
			this.contentFieldName = contentFieldName;
			return this;
		}

		/** The JSON metadata field ({@value #DEFAULT_METADATA_FIELD_NAME} unless set). */
		public Builder metadataFieldName(String metadataFieldName) {
			this.metadataFieldName = metadataFieldName;
			return this;
		}

		/** The vector field ({@value #DEFAULT_EMBEDDING_FIELD_NAME} unless set). */
		public Builder embeddingFieldName(String embeddingFieldName) {
			this.embeddingFieldName = embeddingFieldName;
			return this;
		}

		/** Whether Milvus generates int64 ids (false unless set). */
		public Builder autoId(boolean autoId) {
			this.autoId = autoId;
			return this;
		}

		/** Whether the store creates its collection (and partition) when missing (false unless set). */
		public Builder initializeSchema(boolean initializeSchema) {
			this.initializeSchema = initializeSchema;
			return this;
		}

		/**
		 * Turns hybrid search on or off (off unless set): with it, a collection the store creates gets an analyzed
		 * content field and a BM25 function filling {@link #sparseFieldName(String)}, and each similarity search
		 * fuses the dense search of the query's embedding with the BM25 search of the query's text. Needs Milvus 2.5
		 * or later (or Milvus Lite).
		 */
		public Builder hybridSearch(boolean hybridSearch) {
			this.hybridSearch = hybridSearch;
			return this;
		}

		/** The sparse field the BM25 function fills ({@value #DEFAULT_SPARSE_FIELD_NAME} unless set). */
		public Builder sparseFieldName(String sparseFieldName) {
			this.sparseFieldName = sparseFieldName;
			return this;
		}

		/**
		 * Adds analyzer settings of the content field of a collection the store creates for hybrid search, e.g.
		 * {@code Map.of("type", "english")}; none (the default) means the server's standard analyzer.
		 */
		public Builder analyzerParameters(Map<String, ?> analyzerParameters) {
			this.analyzerParameters.putAll(analyzerParameters);
			return this;
		}

		/**
		 * How hybrid search fuses the dense and the text hits: {@code Ranker.rrf(k)} (RRF with k = 60 unless set),
		 * or {@code Ranker.weighted(dense, text)} with one weight per sub-search, the dense one first.
		 */
		public Builder hybridRanker(Ranker hybridRanker) {
			this.hybridRanker = hybridRanker;
			return this;
		}

		/** The hits each sub-search of a hybrid search contributes; 0 (the default) for the request's top-k. */
		public Builder hybridSubSearchTopK(int hybridSubSearchTopK) {
			this.hybridSubSearchTopK = hybridSubSearchTopK;
			return this;
		}

		/**
		 * The consistency level of similarity searches; {@code null} (the default) for the client's,
		 * read-your-writes (see {@link MilvusVectorStoreOptions#consistency()}).
		 */
		public Builder consistency(ConsistencyLevel consistency) {
			this.consistency = consistency;
			return this;
		}

		/**
		 * Checks and builds the options.
		 * @return the options
		 * @throws MilvusInvalidArgumentException naming the first bad option
		 */
		public MilvusVectorStoreOptions build() {
			name("collectionName", this.collectionName);
			name("idFieldName", this.idFieldName);
			name("contentFieldName", this.contentFieldName);
			name("metadataFieldName", this.metadataFieldName);
			name("embeddingFieldName", this.embeddingFieldName);
			if (this.embeddingDimension < 0) {
				throw new MilvusInvalidArgumentException(
						"embeddingDimension must be positive, or 0 for the embedding model's, but was "
								+ this.embeddingDimension);
			}
			if (this.metricType == null || this.metricType == MetricType.BM25) {
				throw new MilvusInvalidArgumentException(
						"metricType must be COSINE, IP, L2, HAMMING or JACCARD, but was " + this.metricType);
			}
			if (this.indexType == null) {
				throw new MilvusInvalidArgumentException("indexType must not be null");
			}
			checkHybrid();
			return new MilvusVectorStoreOptions(this);
		}

		private void checkHybrid() {
			name("sparseFieldName", this.sparseFieldName);
			if (this.hybridRanker == null) {
				throw new MilvusInvalidArgumentException("hybridRanker must not be null");
			}
			if (this.hybridRanker instanceof WeightedRanker weighted && weighted.weights().size() != 2) {
				throw new MilvusInvalidArgumentException("hybridRanker: a weighted ranker needs two weights, the dense"
						+ " search's then the text search's, but has " + weighted.weights());
			}
			if (!(this.hybridRanker instanceof RrfRanker) && !(this.hybridRanker instanceof WeightedRanker)) {
				throw new MilvusInvalidArgumentException("hybridRanker must fuse the two searches: Ranker.rrf(k) or "
						+ "Ranker.weighted(dense, text), but was " + this.hybridRanker);
			}
			if (this.hybridSubSearchTopK < 0) {
				throw new MilvusInvalidArgumentException("hybridSubSearchTopK must be positive, or 0 for the "
						+ "request's top-k, but was " + this.hybridSubSearchTopK);
			}
			if (this.hybridSearch) {
				Set<String> names = new HashSet<>();
				for (String field : new String[] { this.idFieldName, this.contentFieldName, this.metadataFieldName,
						this.embeddingFieldName, this.sparseFieldName }) {
					if (!names.add(field)) {
						throw new MilvusInvalidArgumentException("The field names must differ, but '" + field
								+ "' is given twice");
					}
				}
			}
		}

		private static void name(String option, String value) {
			if (value == null || value.isBlank()) {
				throw new MilvusInvalidArgumentException(option + " must not be blank");
			}
		}

		private static String blankToNull(String value) {
			return (value == null || value.isBlank()) ? null : value;
		}

	}

}
