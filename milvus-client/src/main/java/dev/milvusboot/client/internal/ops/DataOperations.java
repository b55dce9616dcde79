package dev.milvusboot.client.internal.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.milvusboot.client.data.HybridSearch;
import dev.milvusboot.client.data.MutationResult;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.data.SearchResults;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.exception.MilvusNotFoundException;
import dev.milvusboot.client.exception.MilvusPartialWriteException;
import dev.milvusboot.client.internal.ClientCore;
import dev.milvusboot.client.internal.codec.EncodedWrite;
import dev.milvusboot.client.internal.codec.FilterSyntax;
import dev.milvusboot.client.internal.codec.Json;
import dev.milvusboot.client.internal.codec.QueryResponse;
import dev.milvusboot.client.internal.codec.RowEncoder;
import dev.milvusboot.client.internal.codec.SchemaCodec;
import dev.milvusboot.client.internal.SearchCoalescer;
import dev.milvusboot.client.internal.codec.SearchEncoder;
import dev.milvusboot.client.internal.codec.SearchResponse;
import dev.milvusboot.client.internal.proto.DeleteRequest;
import dev.milvusboot.client.internal.proto.DescribeCollectionRequest;
import dev.milvusboot.client.internal.proto.DescribeCollectionResponse;
import dev.milvusboot.client.internal.proto.IDs;
import dev.milvusboot.client.internal.proto.KeyValuePair;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;
import dev.milvusboot.client.internal.proto.MsgBase;
import dev.milvusboot.client.internal.proto.MsgType;
import dev.milvusboot.client.internal.proto.QueryRequest;
import dev.milvusboot.client.internal.proto.QueryResults;
import dev.milvusboot.client.internal.proto.SearchRequest;
import dev.milvusboot.client.internal.transport.CallSettings;
import dev.milvusboot.client.internal.transport.Rpc;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.client.schema.Names;
import io.grpc.MethodDescriptor;

/**
 * Inserts, upserts, deletes, gets, queries and searches. Internal API.
 */
public final class DataOperations {

	private static final MethodDescriptor<EncodedWrite, dev.milvusboot.client.internal.proto.MutationResult> INSERT = MilvusServiceGrpc
		.getInsertMethod()
		.toBuilder(EncodedWrite.marshaller(), MilvusServiceGrpc.getInsertMethod().getResponseMarshaller())
		.build();

	private static final MethodDescriptor<EncodedWrite, dev.milvusboot.client.internal.proto.MutationResult> UPSERT = MilvusServiceGrpc
		.getUpsertMethod()
		.toBuilder(EncodedWrite.marshaller(), MilvusServiceGrpc.getUpsertMethod().getResponseMarshaller())
		.build();

	/** Query responses read with float vectors going straight into each row's array. */
	private static final MethodDescriptor<QueryRequest, QueryResponse> QUERY = MilvusServiceGrpc.getQueryMethod()
		.toBuilder(MilvusServiceGrpc.getQueryMethod().getRequestMarshaller(), QueryResponse.marshaller())
		.build();

	/** Search responses read into exact-size arrays. */
	private static final MethodDescriptor<SearchRequest, SearchResponse> SEARCH = MilvusServiceGrpc.getSearchMethod()
		.toBuilder(MilvusServiceGrpc.getSearchMethod().getRequestMarshaller(), SearchResponse.marshaller())
		.build();

	private static final MethodDescriptor<dev.milvusboot.client.internal.proto.HybridSearchRequest, SearchResponse> HYBRID_SEARCH = MilvusServiceGrpc
		.getHybridSearchMethod()
		.toBuilder(MilvusServiceGrpc.getHybridSearchMethod().getRequestMarshaller(), SearchResponse.marshaller())
		.build();

	private final ClientCore core;

	private final CallSettings settings;

	public DataOperations(ClientCore core, CallSettings settings) {
		this.core = core;
		this.settings = settings;
	}

	// ---------------------------------------------------------------- writes

	public MutationResult insert(String collection, String partition, List<? extends Map<String, ?>> rows) {
		return write(false, collection, partition, rows);
	}

	public MutationResult upsert(String collection, String partition, List<? extends Map<String, ?>> rows) {
		return write(true, collection, partition, rows);
	}

	public CompletableFuture<MutationResult> insertAsync(String collection, String partition,
			List<? extends Map<String, ?>> rows) {
		return writeAsync(false, collection, partition, rows);
	}

	public CompletableFuture<MutationResult> upsertAsync(String collection, String partition,
			List<? extends Map<String, ?>> rows) {
		return writeAsync(true, collection, partition, rows);
	}

	/**
	 * Inserts bare vectors (the classic form): one row per vector in the collection's only vector field, with the
	 * given primary keys or, when {@code ids} is {@code null}, automatic ones.
	 */
	public MutationResult insertVectors(String collection, String partition, List<Long> ids, List<float[]> vectors) {
		if (vectors == null || vectors.isEmpty()) {
			throw new MilvusInvalidArgumentException("Insert into collection '" + collection + "' needs at least one vector");
		}
		if (ids != null && ids.size() != vectors.size()) {
			throw new MilvusInvalidArgumentException("Insert into collection '" + collection + "' got " + ids.size()
					+ " ids for " + vectors.size() + " vectors");
		}
		CollectionSchema schema = schema(collection);
		String vectorField = schema.vectorField().name();
		String keyField = schema.primaryKey().name();
		List<Map<String, Object>> rows = new ArrayList<>(vectors.size());
		for (int i = 0; i < vectors.size(); i++) {
			rows.add((ids != null) ? Map.of(keyField, ids.get(i), vectorField, vectors.get(i))
					: java.util.Collections.singletonMap(vectorField, vectors.get(i)));
		}
		return insert(collection, partition, rows);
	}

	/** Encodes rows into request batches; exposed for benchmarks and tests of the wire form. */
	public List<EncodedWrite> encode(boolean upsert, String collection, String partition,
			List<? extends Map<String, ?>> rows) {
		Names.requireValid(collection, "collection name");
		if (partition != null) {
			Names.requireValid(partition, "partition name");
		}
		CollectionSchema schema = schema(collection);
		return RowEncoder.encode(upsert, this.settings.database(), partition, schema, rows,
				this.core.options().maxRequestSize());
	}

	private MutationResult write(boolean upsert, String collection, String partition,
			List<? extends Map<String, ?>> rows) {
		List<EncodedWrite> batches = encode(upsert, collection, partition, rows);
		List<Object> ids = new ArrayList<>(rows.size());
		long inserted = 0;
		long upserted = 0;
		long timestamp = 0;
		for (EncodedWrite batch : batches) {
			dev.milvusboot.client.internal.proto.MutationResult result;
			try {
				result = this.core.call(writeRpc(upsert, collection, batch), this.settings);
			}
			catch (MilvusException ex) {
				invalidateOnSchemaError(collection, ex);
				if (batch.firstRow() == 0) {
					throw ex;
				}
				throw new MilvusPartialWriteException((upsert ? "Upsert into" : "Insert into") + " collection '"
						+ collection + "' stopped after " + batch.firstRow() + " of " + rows.size()
						+ " rows were written; rows from " + batch.firstRow() + " on were not: " + ex.getMessage(),
						batch.firstRow(), ids, ex);
			}
			addIds(result.getIDs(), ids);
			inserted += result.getInsertCnt();
			upserted += result.getUpsertCnt();
			timestamp = Math.max(timestamp, result.getTimestamp());
		}
		this.core.schemas().wrote(this.settings.database(), collection, timestamp);
		return new MutationResult(ids, inserted, upserted, 0, timestamp);
	}

	private CompletableFuture<MutationResult> writeAsync(boolean upsert, String collection, String partition,
			List<? extends Map<String, ?>> rows) {
		List<EncodedWrite> batches;
		try {
			batches = encode(upsert, collection, partition, rows);
		}
		catch (MilvusException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		if (batches.size() > 1) {
			// Batches go one after the other, so that a failure leaves a known prefix written.
			return CompletableFuture.supplyAsync(() -> write(upsert, collection, partition, rows));
		}
		return this.core.callAsync(writeRpc(upsert, collection, batches.get(0)), this.settings)
			.thenApply((result) -> {
				List<Object> ids = new ArrayList<>(rows.size());
				addIds(result.getIDs(), ids);
				this.core.schemas().wrote(this.settings.database(), collection, result.getTimestamp());
				return new MutationResult(ids, result.getInsertCnt(), result.getUpsertCnt(), 0, result.getTimestamp());
			});
	}

	private Rpc<EncodedWrite, dev.milvusboot.client.internal.proto.MutationResult> writeRpc(boolean upsert,
			String collection, EncodedWrite batch) {
		Rpc<EncodedWrite, dev.milvusboot.client.internal.proto.MutationResult> rpc = Rpc
			.of(upsert ? "upsert" : "insert", collection, upsert ? UPSERT : INSERT, batch,
					dev.milvusboot.client.internal.proto.MutationResult::getStatus)
			.describedAs((upsert ? "upsert of " : "insert of ") + batch.rows() + " rows into collection '"
					+ collection + "'")
			.counting((result) -> upsert ? result.getUpsertCnt() : result.getInsertCnt());
		// An insert repeated after an ambiguous failure could be written twice: with automatic ids under new ids, and
		// with given ids too, since Milvus 2.x keeps both rows of a primary key inserted twice (count(*) sees both).
		return upsert ? rpc : rpc.nonIdempotent();
	}

	private static void addIds(IDs result, List<Object> ids) {
		if (result.hasIntId()) {
			for (int i = 0; i < result.getIntId().getDataCount(); i++) {
				ids.add(result.getIntId().getData(i));
			}
		}
		else if (result.hasStrId()) {
			ids.addAll(result.getStrId().getDataList());
		}
	}

	/**
	 * Deletes entities by primary key.
	 * @param collection the collection
	 * @param partition the partition, or {@code null}
	 * @param ids the primary keys ({@code Long}s or {@code String}s)
	 * @return what was deleted
	 */
	public MutationResult deleteByIds(String collection, String partition, List<?> ids) {
		if (ids == null || ids.isEmpty()) {
			throw new MilvusInvalidArgumentException("Delete from collection '" + collection + "' needs at least one id");
		}
		return delete(collection, partition, idFilter(collection, ids));
	}

	/**
	 * Deletes the entities a filter expression matches.
	 * @param collection the collection
	 * @param partition the partition, or {@code null}
	 * @param filter the boolean expression
	 * @return what was deleted
	 */
	public MutationResult delete(String collection, String partition, String filter) {
		Names.requireValid(collection, "collection name");
		if (filter == null || filter.isBlank()) {
			throw new MilvusInvalidArgumentException(
					"Delete from collection '" + collection + "' needs a filter expression or ids");
		}
		FilterSyntax.check(filter, "delete from collection '" + collection + "'");
		DeleteRequest.Builder request = DeleteRequest.newBuilder()
			.setBase(MsgBase.newBuilder().setMsgType(MsgType.Delete))
			.setCollectionName(collection)
			.setExpr(filter);
		if (partition != null) {
			request.setPartitionName(Names.requireValid(partition, "partition name"));
		}
		if (this.settings.database() != null) {
			request.setDbName(this.settings.database());
		}
		dev.milvusboot.client.internal.proto.MutationResult result = this.core.call(Rpc
			.of("delete", collection, MilvusServiceGrpc.getDeleteMethod(), request.build(),
					dev.milvusboot.client.internal.proto.MutationResult::getStatus)
			.describedAs("delete from collection '" + collection + "' where " + abbreviate(filter))
			.counting(dev.milvusboot.client.internal.proto.MutationResult::getDeleteCnt), this.settings);
		this.core.schemas().wrote(this.settings.database(), collection, result.getTimestamp());
		List<Object> deleted = new ArrayList<>();
		addIds(result.getIDs(), deleted);
		return new MutationResult(deleted, 0, 0, result.getDeleteCnt(), result.getTimestamp());
	}

	// ---------------------------------------------------------------- reads

	/**
	 * Gets entities by primary key, in the order of the ids given; ids not found are left out.
	 */
	public List<Row> get(String collection, String partition, List<?> ids, List<String> outputFields) {
		if (ids == null || ids.isEmpty()) {
			return List.of();
		}
		Query.Builder query = Query.in(collection).filter(idFilter(collection, ids)).outputFields(outputFields);
		if (partition != null) {
			query.partitions(partition);
		}
		List<Row> rows = query(query.build());
		String key = schema(collection).primaryKey().name();
		Map<Object, Row> byId = new java.util.HashMap<>();
		rows.forEach((row) -> byId.put(row.get(key), row));
		List<Row> ordered = new ArrayList<>(rows.size());
		for (Object id : ids) {
			Row row = byId.get((id instanceof Integer number) ? (Object) number.longValue() : id);
			if (row != null) {
				ordered.add(row);
			}
		}
		return ordered;
	}

	public List<Row> query(Query query) {
		return this.core.call(queryRpc(query), this.settings).rows(query.outputFields());
	}

	public CompletableFuture<List<Row>> queryAsync(Query query) {
		return this.core.callAsync(queryRpc(query), this.settings)
			.thenApply((results) -> results.rows(query.outputFields()));
	}

	/** Counts the entities a filter matches (all of them for an empty filter). */
	public long count(String collection, String filter) {
		Query query = Query.in(collection).filter(filter).outputFields("count(*)").build();
		QueryResults results = this.core.call(queryRpc(query), this.settings).message();
		for (var field : results.getFieldsDataList()) {
			if (field.getFieldName().equals("count(*)") && field.getScalars().getLongData().getDataCount() > 0) {
				return field.getScalars().getLongData().getData(0);
			}
		}
		throw new MilvusException("Count of collection '" + collection + "' got no count(*) in the server's answer");
	}

	private Rpc<QueryRequest, QueryResponse> queryRpc(Query query) {
		FilterSyntax.check(query.filter(), "query of collection '" + query.collection() + "'");
		QueryRequest.Builder request = QueryRequest.newBuilder()
			.setCollectionName(query.collection())
			.setExpr(query.filter())
			.addAllOutputFields(query.outputFields())
			.addAllPartitionNames(query.partitions());
		if (this.settings.database() != null) {
			request.setDbName(this.settings.database());
		}
		if (query.limit() > 0) {
			request.addQueryParams(pair("limit", Long.toString(query.limit())));
		}
		if (query.offset() > 0) {
			request.addQueryParams(pair("offset", Long.toString(query.offset())));
		}
		SearchEncoder.applyConsistency(query.consistency(),
				this.core.schemas().lastWrite(this.settings.database(), query.collection()),
				request::setConsistencyLevel, request::setGuaranteeTimestamp, request::setUseDefaultConsistency);
		String what = "query of collection '" + query.collection() + "'"
				+ (query.filter().isEmpty() ? "" : " where " + abbreviate(query.filter()));
		return Rpc.of("query", query.collection(), QUERY, request.build(), (response) -> response.message().getStatus())
			.describedAs(what);
	}

	public SearchResults search(Search search) {
		return this.core.searches().search(encode(search), search.vectors().size(), search.outputFields(),
				this.settings, searchCall(search.collection()));
	}

	public CompletableFuture<SearchResults> searchAsync(Search search) {
		SearchRequest request;
		try {
			request = encode(search);
		}
		catch (MilvusException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		return this.core.searches().searchAsync(request, search.vectors().size(), search.outputFields(),
				this.settings, searchCall(search.collection()));
	}

	private SearchRequest encode(Search search) {
		return SearchEncoder.encode(search, schema(search.collection()), this.settings.database(),
				this.core.schemas().lastWrite(this.settings.database(), search.collection()));
	}

	private static SearchCoalescer.SearchCall searchCall(String collection) {
		return (request, queries, searches) -> Rpc.of("search", collection, SEARCH, request, SearchResponse::status)
			.describedAs("search of " + queries + " vector" + ((queries == 1) ? "" : "s") + " in collection '"
					+ collection + "'" + (request.getDsl().isEmpty() ? "" : " where " + abbreviate(request.getDsl()))
					+ ((searches == 1) ? "" : " (" + searches + " concurrent searches combined)"))
			.counting((results) -> queries);
	}

	public SearchResults hybridSearch(HybridSearch search) {
		var request = SearchEncoder.encode(search, schema(search.collection()), this.settings.database(),
				this.core.schemas().lastWrite(this.settings.database(), search.collection()));
		SearchResponse results = this.core.call(Rpc
			.of("hybridSearch", search.collection(), HYBRID_SEARCH, request, SearchResponse::status)
			.describedAs("hybrid search of " + search.searches().size() + " fields in collection '"
					+ search.collection() + "'")
			.counting((r) -> search.searches().size()), this.settings);
		return results.hits(search.outputFields());
	}

	/**
	 * Pages through all entities a query matches, in primary key order, {@code batchSize} at a time. It first reads
	 * the matching primary keys alone (small, and a consistent snapshot), then fetches each page by its keys, so no
	 * entity is skipped or repeated whatever order the server returns results in.
	 */
	public java.util.Iterator<List<Row>> queryIterator(Query query, int batchSize) {
		if (batchSize < 1 || batchSize > 16384) {
			throw new MilvusInvalidArgumentException("Query iterator batch size must be between 1 and 16384, but was "
					+ batchSize);
		}
		FieldSchema key = schema(query.collection()).primaryKey();
		Query.Builder keysQuery = Query.in(query.collection())
			.filter(query.filter().isEmpty() ? matchAll(key) : query.filter())
			.outputFields(key.name());
		query.partitions().forEach(keysQuery::partitions);
		if (query.consistency() != null) {
			keysQuery.consistency(query.consistency());
		}
		List<Object> keys = new ArrayList<>();
		for (Row row : query(keysQuery.build())) {
			keys.add(row.get(key.name()));
		}
		keys.sort((a, b) -> compareKeys(a, b));
		if (query.limit() > 0 && keys.size() > query.limit()) {
			keys = keys.subList(0, (int) query.limit());
		}
		List<Object> allKeys = keys;
		List<String> outputs = query.outputFields();
		String partition = query.partitions().isEmpty() ? null : query.partitions().get(0);
		return new java.util.Iterator<>() {

			private int next;

			@Override
			public boolean hasNext() {
				return this.next < allKeys.size();
			}

			@Override
			public List<Row> next() {
				if (!hasNext()) {
					throw new java.util.NoSuchElementException("No more pages");
				}
				List<Object> page = allKeys.subList(this.next, Math.min(allKeys.size(), this.next + batchSize));
				this.next += page.size();
				return get(query.collection(), (query.partitions().size() == 1) ? partition : null, page, outputs);
			}

		};
	}

	private static String matchAll(FieldSchema key) {
		return (key.dataType() == DataType.INT64) ? key.name() + " >= " + Long.MIN_VALUE : key.name() + " >= \"\"";
	}

	@SuppressWarnings("unchecked")
	private static int compareKeys(Object a, Object b) {
		return ((Comparable<Object>) a).compareTo(b);
	}

	/**
	 * Pages through the hits of a one-vector search, {@code batchSize} at a time, up to the search's top-k
	 * (which may here exceed the 16384 a single search allows) or until no hits are left.
	 */
	public dev.milvusboot.client.data.SearchIterator searchIterator(Search search, int batchSize, long total) {
		if (search.vectors().size() != 1) {
			throw new MilvusInvalidArgumentException("A search iterator takes exactly one query vector, but got "
					+ search.vectors().size());
		}
		if (batchSize < 1 || batchSize > Search.MAX_TOP_K) {
			throw new MilvusInvalidArgumentException(
					"Search iterator batch size must be between 1 and " + Search.MAX_TOP_K + ", but was " + batchSize);
		}
		CollectionSchema schema = schema(search.collection());
		String field = (search.annsField() != null) ? search.annsField() : schema.vectorField().name();
		MetricType metric = (search.metric() != null) ? search.metric() : indexMetric(search.collection(), field);
		return new SearchPager(this, search, schema.primaryKey(), metric, batchSize, total);
	}

	private MetricType indexMetric(String collection, String field) {
		String metric = new IndexOperations(this.core, this.settings).describe(collection, field).metricType();
		try {
			return MetricType.valueOf(metric.toUpperCase(java.util.Locale.ROOT));
		}
		catch (RuntimeException ex) {
			throw new MilvusInvalidArgumentException("Cannot page through the search of collection '" + collection
					+ "': unknown metric '" + metric + "' of the index on field '" + field + "'; set the metric");
		}
	}

	/** Pages of one search by score ranges. */
	private static final class SearchPager implements dev.milvusboot.client.data.SearchIterator {

		private final DataOperations operations;

		private final Search search;

		private final FieldSchema key;

		private final MetricType metric;

		private final int batchSize;

		private final long total;

		private long returned;

		private Float lastScore;

		private final List<Object> idsAtLastScore = new ArrayList<>();

		private List<dev.milvusboot.client.data.Hit> next;

		private boolean done;

		SearchPager(DataOperations operations, Search search, FieldSchema key, MetricType metric, int batchSize,
				long total) {
			this.operations = operations;
			this.search = search;
			this.key = key;
			this.metric = metric;
			this.batchSize = batchSize;
			this.total = total;
		}

		@Override
		public boolean hasNext() {
			if (this.next == null && !this.done) {
				this.next = fetch();
				if (this.next.isEmpty()) {
					this.done = true;
					this.next = null;
				}
			}
			return this.next != null;
		}

		@Override
		public List<dev.milvusboot.client.data.Hit> next() {
			if (!hasNext()) {
				throw new java.util.NoSuchElementException("No more hits");
			}
			List<dev.milvusboot.client.data.Hit> page = this.next;
			this.next = null;
			return page;
		}

		private List<dev.milvusboot.client.data.Hit> fetch() {
			int size = (int) Math.min(this.batchSize, this.total - this.returned);
			if (size <= 0) {
				return List.of();
			}
			Search.Builder page = Search.in(this.search.collection())
				.vectors(this.search.vectors().stream().map((v) -> (float[]) v).toList())
				.topK(size)
				.metric(this.metric)
				.outputFields(this.search.outputFields());
			if (this.search.annsField() != null) {
				page.annsField(this.search.annsField());
			}
			this.search.partitions().forEach(page::partitions);
			this.search.params().forEach(page::param);
			if (this.search.consistency() != null) {
				page.consistency(this.search.consistency());
			}
			String filter = this.search.filter();
			if (this.lastScore != null) {
				boolean smallerIsCloser = this.metric.smallerIsCloser();
				page.param("range_filter", this.lastScore);
				page.param("radius", smallerIsCloser ? Float.MAX_VALUE
						: (this.metric == MetricType.COSINE) ? -1.0f : -Float.MAX_VALUE);
				if (!this.idsAtLastScore.isEmpty()) {
					String seen = this.key.name() + " not in " + Json.write(this.idsAtLastScore, "ids");
					filter = (filter == null) ? seen : "(" + filter + ") and " + seen;
				}
			}
			page.filter(filter);
			List<dev.milvusboot.client.data.Hit> hits = this.operations.search(page.build()).first();
			if (hits.isEmpty()) {
				return hits;
			}
			float last = hits.get(hits.size() - 1).score();
			if (this.lastScore == null || Float.compare(last, this.lastScore) != 0) {
				this.idsAtLastScore.clear();
			}
			for (dev.milvusboot.client.data.Hit hit : hits) {
				if (Float.compare(hit.score(), last) == 0) {
					this.idsAtLastScore.add(hit.id());
				}
			}
			this.lastScore = last;
			this.returned += hits.size();
			return hits;
		}

	}

	// ---------------------------------------------------------------- helpers

	/** The schema of a collection, from the cache or the server. */
	public CollectionSchema schema(String collection) {
		return this.core.schemas().get(this.settings.database(), collection, () -> describe(collection));
	}

	private CollectionSchema describe(String collection) {
		DescribeCollectionRequest.Builder request = DescribeCollectionRequest.newBuilder()
			.setCollectionName(Names.requireValid(collection, "collection name"));
		if (this.settings.database() != null) {
			request.setDbName(this.settings.database());
		}
		DescribeCollectionResponse response = this.core.call(Rpc.of("describeCollection", collection,
				MilvusServiceGrpc.getDescribeCollectionMethod(), request.build(),
				DescribeCollectionResponse::getStatus), this.settings);
		return SchemaCodec.fromProto(response.getSchema(), collection);
	}

	private void invalidateOnSchemaError(String collection, MilvusException ex) {
		if (ex instanceof MilvusInvalidArgumentException || ex instanceof MilvusNotFoundException) {
			this.core.schemas().invalidate(this.settings.database(), collection);
		}
	}

	/** A filter matching primary keys: {@code id in [1, 2]} or {@code key in ["a", "b"]}. */
	private String idFilter(String collection, List<?> ids) {
		FieldSchema key = schema(collection).primaryKey();
		StringBuilder filter = new StringBuilder(key.name()).append(" in [");
		for (int i = 0; i < ids.size(); i++) {
			Object id = ids.get(i);
			if (i > 0) {
				filter.append(',');
			}
			if (key.dataType() == DataType.INT64) {
				if (!(id instanceof Long || id instanceof Integer || id instanceof Short || id instanceof Byte)) {
					throw new MilvusInvalidArgumentException("Id " + i + " (" + id + ") for collection '" + collection
							+ "' must be an integer: its primary key '" + key.name() + "' is INT64");
				}
				filter.append(((Number) id).longValue());
			}
			else {
				if (!(id instanceof CharSequence)) {
					throw new MilvusInvalidArgumentException("Id " + i + " (" + id + ") for collection '" + collection
							+ "' must be a string: its primary key '" + key.name() + "' is VARCHAR");
				}
				filter.append(Json.write(id.toString(), "an id"));
			}
		}
		return filter.append(']').toString();
	}

	private static KeyValuePair pair(String key, String value) {
		return KeyValuePair.newBuilder().setKey(key).setValue(value).build();
	}

	private static String abbreviate(String text) {
		return (text.length() > 80) ? text.substring(0, 77) + "..." : text;
	}

}
