package dev.milvusboot.autoconfigure.springai;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;

/**
 * The properties of the Spring AI vector store on the Milvus client, under Spring AI's own prefix
 * {@code spring.ai.vectorstore.milvus} and with its names, so that an application of Spring AI's Milvus store keeps
 * its configuration. The connection is configured by {@code milvus.*}; Spring AI's
 * {@code spring.ai.vectorstore.milvus.client.*} is not read. Its length is its properties' fields, accessors and the
 * javadoc that becomes the configuration metadata.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("spring.ai.vectorstore.milvus")
public class MilvusVectorStoreProperties {

	/**
	 * Database of the collection. Unset: the client's database ('milvus.database' or the server's default).
	 */
	private @Nullable String databaseName;

	/**
	 * Collection of the documents.
	 */
	private String collectionName = "vector_store";

	/**
	 * Partition that writes, deletes and searches are confined to. Unset: the whole collection.
	 */
	private @Nullable String partitionName;

	/**
	 * Vector dimension. Unset: the embedding model's.
	 */
	private @Nullable Integer embeddingDimension;

	/**
	 * Index type of a collection the store creates. Unset: AUTOINDEX (the server chooses).
	 */
	private IndexType indexType = IndexType.AUTOINDEX;

	/**
	 * Metric of the collection's vector index; it defines the scores.
	 */
	private MetricType metricType = MetricType.COSINE;

	/**
	 * Index build parameters as a JSON object, such as '{"nlist":1024}'.
	 */
	private @Nullable String indexParameters;

	/**
	 * Primary key field.
	 */
	private String idFieldName = "doc_id";

	/**
	 * Whether Milvus generates int64 ids (documents' own ids are then not kept).
	 */
	private boolean autoId;

	/**
	 * Text field.
	 */
	private String contentFieldName = "content";

	/**
	 * JSON metadata field.
	 */
	private String metadataFieldName = "metadata";

	/**
	 * Vector field.
	 */
	private String embeddingFieldName = "embedding";

	/**
	 * Whether to create the collection (and partition) when missing.
	 */
	private boolean initializeSchema;

	/**
	 * Consistency level of similarity searches. Unset: the client's (read your writes: a document added through the
	 * client is found by the next search, without waiting for the server's time tick as 'strong' does).
	 */
	private @Nullable ConsistencyLevel consistency;

	/**
	 * Hybrid dense + BM25 full-text search (Milvus 2.5 or later).
	 */
	private final Hybrid hybrid = new Hybrid();

	public @Nullable String getDatabaseName() {
		return this.databaseName;
	}

	public void setDatabaseName(@Nullable String databaseName) {
		this.databaseName = databaseName;
	}

	public String getCollectionName() {
		return this.collectionName;
	}

	public void setCollectionName(String collectionName) {
		this.collectionName = collectionName;
	}

	public @Nullable String getPartitionName() {
		return this.partitionName;
	}

	public void setPartitionName(@Nullable String partitionName) {
		this.partitionName = partitionName;
	}

	public @Nullable Integer getEmbeddingDimension() {
		return this.embeddingDimension;
	}

	public void setEmbeddingDimension(@Nullable Integer embeddingDimension) {
		this.embeddingDimension = embeddingDimension;
	}

	public IndexType getIndexType() {
		return this.indexType;
	}

	public void setIndexType(IndexType indexType) {
		this.indexType = indexType;
	}

	public MetricType getMetricType() {
		return this.metricType;
	}

	public void setMetricType(MetricType metricType) {
		this.metricType = metricType;
	}

	public @Nullable String getIndexParameters() {
		return this.indexParameters;
	}

	public void setIndexParameters(@Nullable String indexParameters) {
		this.indexParameters = indexParameters;
	}

	public String getIdFieldName() {
		return this.idFieldName;
	}

	public void setIdFieldName(String idFieldName) {
		this.idFieldName = idFieldName;
	}

	public boolean isAutoId() {
		return this.autoId;
	}

	public void setAutoId(boolean autoId) {
		this.autoId = autoId;
	}

	public String getContentFieldName() {
		return this.contentFieldName;
	}

	public void setContentFieldName(String contentFieldName) {
		this.contentFieldName = contentFieldName;
	}

	public String getMetadataFieldName() {
		return this.metadataFieldName;
	}

	public void setMetadataFieldName(String metadataFieldName) {
		this.metadataFieldName = metadataFieldName;
	}

	public String getEmbeddingFieldName() {
		return this.embeddingFieldName;
	}

	public void setEmbeddingFieldName(String embeddingFieldName) {
		this.embeddingFieldName = embeddingFieldName;
	}

	public boolean isInitializeSchema() {
		return this.initializeSchema;
	}

	public void setInitializeSchema(boolean initializeSchema) {
		this.initializeSchema = initializeSchema;
	}

	public @Nullable ConsistencyLevel getConsistency() {
		return this.consistency;
	}

	public void setConsistency(@Nullable ConsistencyLevel consistency) {
		this.consistency = consistency;
	}

	public Hybrid getHybrid() {
		return this.hybrid;
	}

	/**
	 * Hybrid search: the collection gets a BM25 function over the content field, and each similarity search fuses a
	 * dense search of the query's embedding with a BM25 search of its text.
	 */
	public static class Hybrid {

		/**
		 * Whether similarity searches are hybrid (dense + BM25). A collection the store creates then has an analyzed
		 * content field and a sparse field filled by a BM25 function.
		 */
		private boolean enabled;

		/**
		 * Sparse vector field that the BM25 function fills.
		 */
		private String sparseFieldName = "sparse";

		/**
		 * Analyzer of the content field of a collection the store creates, as a JSON object such as
		 * '{"type":"english"}'. Unset: the server's standard analyzer.
		 */
		private @Nullable String analyzerParameters;

		/**
		 * How the dense and the text hits are fused: 'rrf' (reciprocal rank fusion) or 'weighted'.
		 */
		private RankerType ranker = RankerType.RRF;

		/**
		 * Smoothing constant of the RRF ranker: each hit scores the sum of 1 / (k + rank).
		 */
		private int rrfK = 60;

		/**
		 * Weights of the weighted ranker, the dense search's then the text search's, each in [0, 1].
		 */
		private List<Double> weights = List.of(0.5, 0.5);

		/**
		 * Hits each sub-search contributes before fusion. 0: the request's top-k.
		 */
		private int subSearchTopK;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getSparseFieldName() {
			return this.sparseFieldName;
		}

		public void setSparseFieldName(String sparseFieldName) {
			this.sparseFieldName = sparseFieldName;
		}

		public @Nullable String getAnalyzerParameters() {
			return this.analyzerParameters;
		}

		public void setAnalyzerParameters(@Nullable String analyzerParameters) {
			this.analyzerParameters = analyzerParameters;
		}

		public RankerType getRanker() {
			return this.ranker;
		}

		public void setRanker(RankerType ranker) {
			this.ranker = ranker;
		}

		public int getRrfK() {
			return this.rrfK;
		}

		public void setRrfK(int rrfK) {
			this.rrfK = rrfK;
		}

		public List<Double> getWeights() {
			return this.weights;
		}

		public void setWeights(List<Double> weights) {
			this.weights = weights;
		}

		public int getSubSearchTopK() {
			return this.subSearchTopK;
		}

		public void setSubSearchTopK(int subSearchTopK) {
			this.subSearchTopK = subSearchTopK;
		}

	}

	/**
	 * The rankers of hybrid search.
	 */
	public enum RankerType {

		/**
		 * Reciprocal rank fusion.
		 */
		RRF,

		/**
		 * Weighted, normalised scores.
		 */
		WEIGHTED

	}

}
