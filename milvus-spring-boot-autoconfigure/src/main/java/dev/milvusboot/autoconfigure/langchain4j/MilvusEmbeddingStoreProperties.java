package dev.milvusboot.autoconfigure.langchain4j;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;

/**
 * The properties of the LangChain4j embedding store on the Milvus client ({@code milvus.langchain4j.*}). The
 * connection is configured by {@code milvus.*}. Defaults are those of
 * {@link dev.milvusboot.langchain4j.MilvusClientEmbeddingStore.Builder} (written out here for the configuration
 * metadata; a test keeps them equal).
 *
 * @since 0.1.0
 */
@ConfigurationProperties("milvus.langchain4j")
public class MilvusEmbeddingStoreProperties {

	/**
	 * Whether to create the LangChain4j embedding store when LangChain4j is on the classpath.
	 */
	private boolean enabled = true;

	/**
	 * Database of the collection. Unset: the client's database ('milvus.database' or the server's default).
	 */
	private @Nullable String database;

	/**
	 * Collection of the embeddings.
	 */
	private String collection = "langchain4j_collection";

	/**
	 * Partition that writes, searches and removals are confined to (created on first use). Unset: the whole
	 * collection.
	 */
	private @Nullable String partition;

	/**
	 * Vector dimension; needed only to create a missing collection.
	 */
	private @Nullable Integer dimension;

	/**
	 * Metric of a created collection's vector index: COSINE, IP or L2. It defines the scores.
	 */
	private MetricType metric = MetricType.COSINE;

	/**
	 * Index type of a created collection. AUTOINDEX lets the server choose.
	 */
	private IndexType indexType = IndexType.AUTOINDEX;

	/**
	 * Index build parameters of a created collection, such as 'M' and 'efConstruction' for HNSW.
	 */
	private Map<String, String> indexParameters = new LinkedHashMap<>();

	/**
	 * Primary key field (VARCHAR).
	 */
	private String idFieldName = "id";

	/**
	 * Field of the segment text (VARCHAR).
	 */
	private String textFieldName = "text";

	/**
	 * Field of the metadata values (JSON).
	 */
	private String metadataFieldName = "metadata";

	/**
	 * Field of the metadata value types (JSON). A collection without it still works; its numbers come back as
	 * Integer, Long or Double.
	 */
	private String metadataTypesFieldName = "metadata_types";

	/**
	 * Vector field (FLOAT_VECTOR).
	 */
	private String vectorFieldName = "vector";

	/**
	 * Whether to create the collection (and partition) on first use when missing.
	 */
	private boolean createCollection = true;

	/**
	 * Consistency level of searches and of a created collection. Unset: the client's (read your writes).
	 */
	private @Nullable ConsistencyLevel consistency;

	/**
	 * Whether search matches carry their embedding.
	 */
	private boolean retrieveEmbeddingsOnSearch = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getDatabase() {
		return this.database;
	}

	public void setDatabase(@Nullable String database) {
		this.database = database;
	}

	public String getCollection() {
		return this.collection;
	}

	public void setCollection(String collection) {
		this.collection = collection;
	}

	public @Nullable String getPartition() {
		return this.partition;
	}

	public void setPartition(@Nullable String partition) {
		this.partition = partition;
	}

	public @Nullable Integer getDimension() {
		return this.dimension;
	}

	public void setDimension(@Nullable Integer dimension) {
		this.dimension = dimension;
	}

	public MetricType getMetric() {
		return this.metric;
	}

	public void setMetric(MetricType metric) {
		this.metric = metric;
	}

	public IndexType getIndexType() {
		return this.indexType;
	}

	public void setIndexType(IndexType indexType) {
		this.indexType = indexType;
	}

	public Map<String, String> getIndexParameters() {
		return this.indexParameters;
	}

	public void setIndexParameters(Map<String, String> indexParameters) {
		this.indexParameters = indexParameters;
	}

	public String getIdFieldName() {
		return this.idFieldName;
	}

	public void setIdFieldName(String idFieldName) {
		this.idFieldName = idFieldName;
	}

	public String getTextFieldName() {
		return this.textFieldName;
	}

	public void setTextFieldName(String textFieldName) {
		this.textFieldName = textFieldName;
	}

	public String getMetadataFieldName() {
		return this.metadataFieldName;
	}

	public void setMetadataFieldName(String metadataFieldName) {
		this.metadataFieldName = metadataFieldName;
	}

	public String getMetadataTypesFieldName() {
		return this.metadataTypesFieldName;
	}

	public void setMetadataTypesFieldName(String metadataTypesFieldName) {
		this.metadataTypesFieldName = metadataTypesFieldName;
	}

	public String getVectorFieldName() {
		return this.vectorFieldName;
	}

	public void setVectorFieldName(String vectorFieldName) {
		this.vectorFieldName = vectorFieldName;
	}

	public boolean isCreateCollection() {
		return this.createCollection;
	}

	public void setCreateCollection(boolean createCollection) {
		this.createCollection = createCollection;
	}

	public @Nullable ConsistencyLevel getConsistency() {
		return this.consistency;
	}

	public void setConsistency(@Nullable ConsistencyLevel consistency) {
		this.consistency = consistency;
	}

	public boolean isRetrieveEmbeddingsOnSearch() {
		return this.retrieveEmbeddingsOnSearch;
	}

	public void setRetrieveEmbeddingsOnSearch(boolean retrieveEmbeddingsOnSearch) {
		this.retrieveEmbeddingsOnSearch = retrieveEmbeddingsOnSearch;
	}

}
