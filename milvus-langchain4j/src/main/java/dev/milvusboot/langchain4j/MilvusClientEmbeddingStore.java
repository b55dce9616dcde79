package dev.milvusboot.langchain4j;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.filter.Filter;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.api.sync.MilvusCommands;
import dev.milvusboot.client.data.Hit;
import dev.milvusboot.client.data.Relevance;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;

import static dev.langchain4j.internal.ValidationUtils.ensureNotEmpty;
import static dev.langchain4j.internal.ValidationUtils.ensureNotNull;

/**
 * A LangChain4j {@link EmbeddingStore} of {@link TextSegment}s in a Milvus collection, on the pooled
 * {@link MilvusClient} of this project.
 * <ul>
 * <li>Scores are relevances in [0, 1] by {@link Relevance#of}: {@code (1 + s) / 2} for COSINE and IP,
 * {@code 1 / (1 + d)} for L2.</li>
 * <li>{@code minScore} is a server-side range search ({@code radius}), so top-k counts only hits that pass; the
 * exact bound is then applied to what arrives.</li>
 * <li>Filters become Milvus filter templates whose values are parameters, never spliced into the expression.</li>
 * <li>Metadata keeps its types: an Integer comes back an Integer, a Float a Float, a UUID a UUID.</li>
 * <li>Writes with the caller's ids are upserts (an id written twice is replaced); writes of ids the store generates
 * (new UUIDs) are inserts, which cost the server less. Both are split by the client under its request size
 * limit.</li>
 * </ul>
 * The collection is opened (and created when missing and allowed) on first use, not when the store is built.
 * Thread-safe.
 */
public final class MilvusClientEmbeddingStore implements EmbeddingStore<TextSegment> {

	/** Default collection name, as LangChain4j's own Milvus store names it. */
	public static final String DEFAULT_COLLECTION_NAME = "langchain4j_collection";

	/** Default metric. */
	public static final MetricType DEFAULT_METRIC = MetricType.COSINE;

	/** Default index type. */
	public static final IndexType DEFAULT_INDEX_TYPE = IndexType.AUTOINDEX;

	/** Default primary key field (VARCHAR). */
	public static final String DEFAULT_ID_FIELD = "id";

	/** Default field of the segment text (VARCHAR, empty for an embedding without a segment). */
	public static final String DEFAULT_TEXT_FIELD = "text";

	/** Default field of the metadata values (JSON). */
	public static final String DEFAULT_METADATA_FIELD = "metadata";

	/** Default field of the metadata value types (JSON). */
	public static final String DEFAULT_METADATA_TYPES_FIELD = "metadata_types";

	/** Default vector field (FLOAT_VECTOR). */
	public static final String DEFAULT_VECTOR_FIELD = "vector";

	private final MilvusCommands milvus;

	private final StoreSettings settings;

	private volatile StoreCollection collection;

	private MilvusClientEmbeddingStore(MilvusCommands milvus, StoreSettings settings) {
		this.milvus = (settings.databaseName() != null) ? milvus.withDatabase(settings.databaseName()) : milvus;
		this.settings = settings;
	}

	/**
	 * A builder for a store on a client.
	 * @param client the client (or a view of it, e.g. {@code client.withDatabase("db")})
	 * @return the builder
	 */
	public static Builder builder(MilvusCommands client) {
		return new Builder(client);
	}

	/** The collection name. */
	public String collectionName() {
		return this.settings.collectionName();
	}

	@Override
	public String add(Embedding embedding) {
		String id = generateIds(1).get(0);
		write(List.of(id), List.of(embedding), null, true);
		return id;
	}

	@Override
	public void add(String id, Embedding embedding) {
		write(List.of(id), List.of(embedding), null, false);
	}

	@Override
	public String add(Embedding embedding, TextSegment segment) {
		String id = generateIds(1).get(0);
		write(List.of(id), List.of(embedding), (segment == null) ? null : java.util.Collections.singletonList(segment),
				true);
		return id;
	}

	@Override
	public List<String> addAll(List<Embedding> embeddings) {
		List<String> ids = generateIds(embeddings.size());
		write(ids, embeddings, null, true);
		return ids;
	}

	@Override
	public List<String> addAll(List<Embedding> embeddings, List<TextSegment> segments) {
		ensureNotNull(embeddings, "embeddings");
		List<String> ids = generateIds(embeddings.size());
		write(ids, embeddings, segments, true);
		return ids;
	}

	@Override
	public void addAll(List<String> ids, List<Embedding> embeddings, List<TextSegment> segments) {
		write(ids, embeddings, segments, false);
	}

	/**
	 * Writes rows: inserted when the store generated their ids just now (new UUIDs: nothing to replace, and an
	 * insert costs the server less than an upsert's delete and insert), upserted when the caller gave the ids.
	 */
	private void write(List<String> ids, List<Embedding> embeddings, List<TextSegment> segments, boolean generatedIds) {
		ensureNotNull(ids, "ids");
		ensureNotNull(embeddings, "embeddings");
		if (ids.size() != embeddings.size() || (segments != null && segments.size() != embeddings.size())) {
			throw new MilvusInvalidArgumentException("The ids (" + ids.size() + "), embeddings (" + embeddings.size()
					+ ") and segments (" + ((segments == null) ? "none" : segments.size()) + ") must be as many");
		}
		if (ids.isEmpty()) {
			return;
		}
		StoreCollection opened = open();
		List<Map<String, Object>> rows = new ArrayList<>(ids.size());
		for (int i = 0; i < ids.size(); i++) {
			rows.add(StoreRows.row(this.settings, opened, ids.get(i), embeddings.get(i),
					(segments == null) ? null : segments.get(i)));
		}
		String partition = this.settings.partitionName();
		if (generatedIds) {
			if (partition != null) {
				this.milvus.insert(this.settings.collectionName(), partition, rows);
			}
			else {
				this.milvus.insert(this.settings.collectionName(), rows);
			}
		}
		else if (partition != null) {
			this.milvus.upsert(this.settings.collectionName(), partition, rows);
		}
		else {
			this.milvus.upsert(this.settings.collectionName(), rows);
		}
	}

	@Override
	public EmbeddingSearchResult<TextSegment> search(EmbeddingSearchRequest request) {
		ensureNotNull(request, "request");
		StoreCollection opened = open();
		MetricType metric = opened.metric();
		Search.Builder search = Search.in(this.settings.collectionName())
			.annsField(this.settings.vectorFieldName())
			.vector(request.queryEmbedding().vector())
			.topK(request.maxResults())
			.metric(metric)
			.outputFields(StoreRows.outputFields(this.settings, opened));
		if (this.settings.partitionName() != null) {
			search.partitions(this.settings.partitionName());
		}
		if (this.settings.consistency() != null) {
			search.consistency(this.settings.consistency());
		}
		if (request.filter() != null) {
			search.filter(
					FilterTranslator.translate(request.filter(), this.settings.metadataFieldName(), opened.dialect()));
		}
		double minScore = request.minScore();
		if (minScore > 0) {
			search.param("radius", Relevance.radius(metric, Math.min(minScore, 1.0)));
		}
		List<EmbeddingMatch<TextSegment>> matches = new ArrayList<>();
		for (Hit hit : this.milvus.search(search.build()).first()) {
			if (minScore <= 0 || Relevance.meets(metric, hit.score(), minScore)) {
				matches.add(StoreRows.match(this.settings, opened, hit));
			}
		}
		return new EmbeddingSearchResult<>(matches);
	}

	@Override
	public void removeAll(Collection<String> ids) {
		ensureNotEmpty(ids, "ids");
		open();
		List<String> list = List.copyOf(ids);
		if (this.settings.partitionName() != null) {
			this.milvus.delete(this.settings.collectionName(), this.settings.partitionName(), list);
		}
		else {
			this.milvus.delete(this.settings.collectionName(), list);
		}
	}

	@Override
	public void removeAll(Filter filter) {
		ensureNotNull(filter, "filter");
		StoreCollection opened = open();
		deleteWhere(FilterTranslator.translate(filter, this.settings.metadataFieldName(), opened.dialect()));
	}

	@Override
	public void removeAll() {
		open();
		deleteWhere(dev.milvusboot.client.data.Filter.of(this.settings.idFieldName() + " != \"\""));
	}

	private void deleteWhere(dev.milvusboot.client.data.Filter filter) {
		if (this.settings.partitionName() != null) {
			this.milvus.deleteWhere(this.settings.collectionName(), this.settings.partitionName(), filter);
		}
		else {
			this.milvus.deleteWhere(this.settings.collectionName(), filter);
		}
	}

	/**
	 * Drops the store's collection; the next use creates it again (when the store may create it).
	 */
	public void dropCollection() {
		if (this.milvus.hasCollection(this.settings.collectionName())) {
			this.milvus.dropCollection(this.settings.collectionName());
		}
		this.collection = null;
	}

	private StoreCollection open() {
		StoreCollection opened = this.collection;
		if (opened == null) {
			synchronized (this) {
				opened = this.collection;
				if (opened == null) {
					opened = StoreCollection.open(this.milvus, this.settings);
					this.collection = opened;
				}
			}
		}
		return opened;
	}

	@Override
	public String toString() {
		return "MilvusClientEmbeddingStore[" + this.settings + "]";
	}

	/**
	 * Builds a {@link MilvusClientEmbeddingStore}; every setting has a default but the dimension, which is needed
	 * only to create a missing collection.
	 */
	public static final class Builder {

		private final MilvusCommands client;

		private String databaseName;

		private String collectionName = DEFAULT_COLLECTION_NAME;

		private String partitionName;

		private Integer dimension;

		private MetricType metric = DEFAULT_METRIC;

		private IndexType indexType = DEFAULT_INDEX_TYPE;

		private Map<String, Object> indexParameters = new LinkedHashMap<>();

		private String idFieldName = DEFAULT_ID_FIELD;

		private String textFieldName = DEFAULT_TEXT_FIELD;

		private String metadataFieldName = DEFAULT_METADATA_FIELD;

		private String metadataTypesFieldName = DEFAULT_METADATA_TYPES_FIELD;

		private String vectorFieldName = DEFAULT_VECTOR_FIELD;

		private boolean createCollection = true;

		private ConsistencyLevel consistency;

		private boolean retrieveEmbeddingsOnSearch = true;

		private Builder(MilvusCommands client) {
			this.client = client;
		}

		/** The database; default: the client's. */
		public Builder databaseName(String databaseName) {
			this.databaseName = databaseName;
			return this;
		}

		/** The collection; default {@value #DEFAULT_COLLECTION_NAME}. */
		public Builder collectionName(String collectionName) {
			this.collectionName = collectionName;
			return this;
		}

		/** A partition all writes, searches and removals are confined to (created on first use); default none. */
		public Builder partitionName(String partitionName) {
			this.partitionName = partitionName;
			return this;
		}

		/** The vector dimension, needed to create the collection. */
		public Builder dimension(Integer dimension) {
			this.dimension = dimension;
			return this;
		}

		/** The metric of a created collection's index: COSINE (default), IP or L2. */
		public Builder metric(MetricType metric) {
			this.metric = metric;
			return this;
		}

		/** The index type of a created collection; default AUTOINDEX. */
		public Builder indexType(IndexType indexType) {
			this.indexType = indexType;
			return this;
		}

		/** The index build parameters of a created collection (e.g. {@code M}, {@code efConstruction}). */
		public Builder indexParameters(Map<String, ?> indexParameters) {
			this.indexParameters = StoreSettings.copy(indexParameters);
			return this;
		}

		/** The primary key field; default {@value #DEFAULT_ID_FIELD}. */
		public Builder idFieldName(String idFieldName) {
			this.idFieldName = idFieldName;
			return this;
		}

		/** The text field; default {@value #DEFAULT_TEXT_FIELD}. */
		public Builder textFieldName(String textFieldName) {
			this.textFieldName = textFieldName;
			return this;
		}

		/** The JSON field of metadata values; default {@value #DEFAULT_METADATA_FIELD}. */
		public Builder metadataFieldName(String metadataFieldName) {
			this.metadataFieldName = metadataFieldName;
			return this;
		}

		/**
		 * The JSON field of metadata types; default {@value #DEFAULT_METADATA_TYPES_FIELD}. A collection without it
		 * (one created by another store) still works; its numbers come back as Integer, Long or Double.
		 */
		public Builder metadataTypesFieldName(String metadataTypesFieldName) {
			this.metadataTypesFieldName = metadataTypesFieldName;
			return this;
		}

		/** The vector field; default {@value #DEFAULT_VECTOR_FIELD}. */
		public Builder vectorFieldName(String vectorFieldName) {
			this.vectorFieldName = vectorFieldName;
			return this;
		}

		/** Whether a missing collection is created on first use; default {@code true}. */
		public Builder createCollection(boolean createCollection) {
			this.createCollection = createCollection;
			return this;
		}

		/** The consistency level of reads and of a created collection; default: the client's (read your writes). */
		public Builder consistency(ConsistencyLevel consistency) {
			this.consistency = consistency;
			return this;
		}

		/** Whether matches carry their embedding; default {@code true}. */
		public Builder retrieveEmbeddingsOnSearch(boolean retrieveEmbeddingsOnSearch) {
			this.retrieveEmbeddingsOnSearch = retrieveEmbeddingsOnSearch;
			return this;
		}

		/**
		 * Builds the store; nothing is sent to Milvus until it is used.
		 * @return the store
		 * @throws MilvusInvalidArgumentException naming a bad setting
		 */
		public MilvusClientEmbeddingStore build() {
			if (this.client == null) {
				throw new MilvusInvalidArgumentException("The store needs a Milvus client, but it was null");
			}
			return new MilvusClientEmbeddingStore(this.client,
					new StoreSettings(this.databaseName, this.collectionName, this.partitionName, this.dimension,
							this.metric, this.indexType, this.indexParameters, this.idFieldName, this.textFieldName,
							this.metadataFieldName, this.metadataTypesFieldName, this.vectorFieldName,
							this.createCollection, this.consistency, this.retrieveEmbeddingsOnSearch));
		}

	}

}
