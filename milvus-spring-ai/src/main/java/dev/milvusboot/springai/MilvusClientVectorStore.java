package dev.milvusboot.springai;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.observation.conventions.VectorStoreProvider;
import org.springframework.ai.vectorstore.AbstractVectorStoreBuilder;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.filter.Filter;
import org.springframework.ai.vectorstore.observation.AbstractObservationVectorStore;
import org.springframework.ai.vectorstore.observation.VectorStoreObservationContext;
import org.springframework.beans.factory.InitializingBean;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.api.sync.MilvusCommands;
import dev.milvusboot.client.data.Hit;
import dev.milvusboot.client.data.HybridSearch;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Relevance;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.data.SubSearch;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.exception.MilvusUnsupportedException;
import dev.milvusboot.client.schema.ConsistencyLevel;

/**
 * A Spring AI {@link org.springframework.ai.vectorstore.VectorStore} on the Milvus client, with Spring AI's
 * observations. Compared with Spring AI's own Milvus store: the similarity threshold is a server-side range search,
 * scores are relevances in [0, 1] for every metric ({@link Relevance}), the whole filter language (ISNULL,
 * ISNOTNULL, nested keys, grouping) is translated into a filter template whose values are parameters, metadata
 * numbers keep their Java types, a document's own embedding (metadata {@value #EMBEDDING_METADATA_KEY}) is used
 * as it is, and each store has its own database and partition.
 * <p>
 * With {@link MilvusVectorStoreOptions#hybridSearch() hybrid search}, each similarity search fuses a dense search
 * of the query's embedding with a BM25 full-text search of the query's text (Milvus 2.5+), both under the request's
 * filter; scores are then the ranker's fused scores, and a similarity threshold is refused.
 * <p>
 * Searches read at the store's {@link MilvusVectorStoreOptions#consistency() consistency}, by default the client's
 * read-your-writes (session consistency at the client's last write to the collection): a document added through
 * this store is found by the next search, and a search made when nothing was written recently does not wait for
 * the server's time tick as a {@link ConsistencyLevel#STRONG} one does. The query behind a delete in a partition
 * reads with {@link ConsistencyLevel#STRONG}, as the server's own delete by filter does: a delete removes what
 * matches when it is made, whoever wrote it.
 * <p>
 * Just over 300 lines: the four operations of Spring AI's {@code VectorStore} and their observation hooks; the
 * schema, filter translation, rows and scores are in classes of their own.
 */
public final class MilvusClientVectorStore extends AbstractObservationVectorStore implements InitializingBean {

	/**
	 * The metadata key of a document's own embedding ({@code float[]} or a list of numbers): such a document is not
	 * sent to the embedding model, and the key is not stored as metadata.
	 */
	public static final String EMBEDDING_METADATA_KEY = "embedding";

	/** The ids read per page when deleting within a partition. */
	private static final int DELETE_PAGE_SIZE = 1000;

	private final MilvusClient client;

	private final MilvusCommands commands;

	private final MilvusVectorStoreOptions options;

	private final DocumentRows rows;

	private final FilterTranslator filters;

	private final int dimension;

	private MilvusClientVectorStore(Builder builder) {
		super(builder);
		this.client = builder.client;
		this.options = builder.options;
		this.commands = (this.options.databaseName() != null) ? this.client.withDatabase(this.options.databaseName())
				: this.client;
		this.rows = new DocumentRows(this.options);
		this.filters = new FilterTranslator(this.options.metadataFieldName());
		this.dimension = (this.options.embeddingDimension() > 0) ? this.options.embeddingDimension()
				: this.embeddingModel.dimensions();
	}

	/**
	 * Starts a store.
	 * @param client the Milvus client
	 * @param embeddingModel the model that embeds documents without their own embedding, and queries
	 * @return the builder
	 */
	public static Builder builder(MilvusClient client, EmbeddingModel embeddingModel) {
		return new Builder(client, embeddingModel);
	}

	/** The options of this store. */
	public MilvusVectorStoreOptions options() {
		return this.options;
	}

	/**
	 * Creates the collection (and partition) when missing and {@code initializeSchema} is set; with hybrid search,
	 * checks that an existing collection has the BM25 field.
	 * @throws MilvusUnsupportedException with hybrid search on a server before Milvus 2.5, quoting the server
	 * @throws MilvusInvalidArgumentException with hybrid search on an existing collection without the BM25 field
	 */
	@Override
	public void afterPropertiesSet() {
		if (this.options.initializeSchema()) {
			new StoreSchema(this.commands, this.options, this.dimension).create();
		}
	}

	@Override
	public void doAdd(List<Document> documents) {
		if (documents.isEmpty()) {
			return;
		}
		// each document's own embedding is read once; the others are embedded in one call
		float[][] embeddings = new float[documents.size()][];
		List<Document> toEmbed = new ArrayList<>();
		for (int i = 0; i < embeddings.length; i++) {
			embeddings[i] = DocumentRows.ownEmbedding(documents.get(i));
			if (embeddings[i] == null) {
				toEmbed.add(documents.get(i));
			}
		}
		List<float[]> computed = toEmbed.isEmpty() ? List.of()
				: this.embeddingModel.embed(toEmbed, EmbeddingOptions.builder().build(), this.batchingStrategy);
		List<Map<String, Object>> batch = new ArrayList<>(documents.size());
		int next = 0;
		for (int i = 0; i < embeddings.length; i++) {
			batch.add(this.rows.row(documents.get(i), (embeddings[i] != null) ? embeddings[i] : computed.get(next++)));
		}
		// The client splits the rows into requests under its request size limit (Limits.DEFAULT_MAX_REQUEST_SIZE).
		if (this.options.partitionName() != null) {
			this.commands.insert(this.options.collectionName(), this.options.partitionName(), batch);
		}
		else {
			this.commands.insert(this.options.collectionName(), batch);
		}
	}

	@Override
	public void doDelete(List<String> ids) {
		if (ids.isEmpty()) {
			return;
		}
		List<Object> keys = this.rows.keys(ids);
		if (this.options.partitionName() != null) {
			deleteInPartition(dev.milvusboot.client.data.Filter.of(this.options.idFieldName() + " in {ids}",
					Map.of("ids", keys)));
		}
		else {
			this.commands.delete(this.options.collectionName(), keys);
		}
	}

	@Override
	protected void doDelete(Filter.Expression filterExpression) {
		dev.milvusboot.client.data.Filter filter = this.filters.translate(filterExpression);
		if (this.options.partitionName() != null) {
			deleteInPartition(filter);
		}
		else {
			this.commands.deleteWhere(this.options.collectionName(), filter);
		}
	}

	/**
	 * Deletes what a filter matches in the store's partition: the matching ids of the partition are read, then
	 * deleted by id, because Milvus Lite 3.2 ignores the partition of a delete (by filter and by ids alike).
	 */
	private void deleteInPartition(dev.milvusboot.client.data.Filter filter) {
		Query query = Query.in(this.options.collectionName())
			.partitions(this.options.partitionName())
			.filter(filter)
			.outputFields(this.options.idFieldName())
			.consistency(ConsistencyLevel.STRONG)
			.build();
		Iterator<List<Row>> pages = this.commands.queryIterator(query, DELETE_PAGE_SIZE);
		while (pages.hasNext()) {
			List<Object> keys = pages.next().stream().map((row) -> row.get(this.options.idFieldName())).toList();
			if (!keys.isEmpty()) {
				this.commands.delete(this.options.collectionName(), this.options.partitionName(), keys);
			}
		}
	}

	@Override
	public List<Document> doSimilaritySearch(SearchRequest request) {
		if (this.options.hybridSearch()) {
			return hybridSearch(request);
		}
		Search.Builder search = Search.in(this.options.collectionName())
			.annsField(this.options.embeddingFieldName())
			.vector(this.embeddingModel.embed(request.getQuery()))
			.topK(request.getTopK())
			.outputFields(this.rows.outputFields())
			.consistency(this.options.consistency());
		double threshold = request.getSimilarityThreshold();
		if (threshold > 0) {
			search.param("radius", Relevance.radius(this.options.metricType(), threshold));
		}
		if (request.hasFilterExpression()) {
			search.filter(this.filters.translate(request.getFilterExpression()));
		}
		if (this.options.partitionName() != null) {
			search.partitions(this.options.partitionName());
		}
		List<Document> documents = new ArrayList<>();
		for (Hit hit : this.commands.search(search.build()).first()) {
			// The server's range search already dropped the rest where it honours radius; see README.
			if (threshold <= 0 || Relevance.meets(this.options.metricType(), hit.score(), threshold)) {
				documents.add(this.rows.document(hit));
			}
		}
		return documents;
	}

	/**
	 * A dense sub-search of the query's embedding and a BM25 sub-search of the query's text, both under the same
	 * filter, fused by the store's ranker. The fused scores are not similarities, so a threshold is refused: Milvus
	 * Lite 3.2 also ignores a {@code radius} in hybrid sub-searches (see README).
	 */
	private List<Document> hybridSearch(SearchRequest request) {
		if (request.getSimilarityThreshold() > 0) {
			throw new MilvusInvalidArgumentException("similarityThreshold " + request.getSimilarityThreshold()
					+ " cannot apply to a hybrid search: its scores are fused ranks (" + this.options.hybridRanker()
					+ "; RRF scores a document sum(1 / (k + rank))), not similarities. Search with the default "
					+ "similarityThresholdAll(), or with a store whose hybridSearch is off");
		}
		int subTopK = (this.options.hybridSubSearchTopK() > 0) ? this.options.hybridSubSearchTopK()
				: request.getTopK();
		dev.milvusboot.client.data.Filter filter = request.hasFilterExpression()
				? this.filters.translate(request.getFilterExpression()) : dev.milvusboot.client.data.Filter.NONE;
		HybridSearch.Builder search = HybridSearch.in(this.options.collectionName())
			.add(SubSearch.field(this.options.embeddingFieldName())
				.vector(this.embeddingModel.embed(request.getQuery()))
				.topK(subTopK)
				.filter(filter)
				.build())
			.add(SubSearch.field(this.options.sparseFieldName())
				.text(request.getQuery())
				.topK(subTopK)
				.filter(filter)
				.build())
			.ranker(this.options.hybridRanker())
			.topK(request.getTopK())
			.outputFields(this.rows.outputFields())
			.consistency(this.options.consistency());
		if (this.options.partitionName() != null) {
			search.partitions(this.options.partitionName());
		}
		List<Hit> hits;
		try {
			hits = this.commands.hybridSearch(search.build()).first();
		}
		catch (MilvusUnsupportedException ex) {
			String version = this.commands.serverVersion();
			if (HybridSupport.olderThan25(version)) {
				throw HybridSupport.needsMilvus25(version, "it answered: " + ex.getMessage(), ex);
			}
			throw ex;
		}
		List<Document> documents = new ArrayList<>(hits.size());
		for (Hit hit : hits) {
			documents.add(this.rows.fusedDocument(hit));
		}
		return documents;
	}

	@Override
	public VectorStoreObservationContext.Builder createObservationContextBuilder(String operationName) {
		return VectorStoreObservationContext.builder(VectorStoreProvider.MILVUS.value(), operationName)
			.collectionName(this.options.collectionName())
			.dimensions(this.dimension)
			.namespace(this.options.databaseName())
			.fieldName(this.options.embeddingFieldName())
			.similarityMetric(this.options.metricType().name().toLowerCase(java.util.Locale.ROOT));
	}

	/** The Milvus client. */
	@Override
	@SuppressWarnings("unchecked")
	public <T> Optional<T> getNativeClient() {
		return Optional.of((T) this.client);
	}

	@Override
	public String toString() {
		return "MilvusClientVectorStore[" + this.options + "]";
	}

	/** Builds a {@link MilvusClientVectorStore}. */
	public static final class Builder extends AbstractVectorStoreBuilder<Builder> {

		private final MilvusClient client;

		private MilvusVectorStoreOptions options = MilvusVectorStoreOptions.builder().build();

		private Builder(MilvusClient client, EmbeddingModel embeddingModel) {
			super(embeddingModel);
			if (client == null) {
				throw new MilvusInvalidArgumentException("client must not be null");
			}
			this.client = client;
		}

		/** Where and how documents are kept ({@link MilvusVectorStoreOptions}' defaults unless set). */
		public Builder options(MilvusVectorStoreOptions options) {
			if (options == null) {
				throw new MilvusInvalidArgumentException("options must not be null");
			}
			this.options = options;
			return this;
		}

		@Override
		public MilvusClientVectorStore build() {
			return new MilvusClientVectorStore(this);
		}

	}

}
