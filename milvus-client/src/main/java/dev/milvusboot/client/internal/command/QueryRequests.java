package dev.milvusboot.client.internal.command;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.internal.codec.EncodedFilter;
import dev.milvusboot.client.internal.codec.FilterSyntax;
import dev.milvusboot.client.internal.codec.QueryResponse;
import dev.milvusboot.client.internal.codec.SearchEncoder;
import dev.milvusboot.client.internal.proto.KeyValuePair;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;
import dev.milvusboot.client.internal.proto.QueryRequest;
import dev.milvusboot.client.internal.proto.QueryResults;
import dev.milvusboot.client.internal.transport.Rpc;
import dev.milvusboot.client.schema.Names;
import io.grpc.MethodDescriptor;

/**
 * The commands of {@link dev.milvusboot.client.api.sync.MilvusQueryCommands}: gets by primary key, queries, counts
 * and the query iterator. Filters are checked when a command is built; the consistency of a read (this client's
 * own writes seen) is decided when it is sent. Internal API.
 */
public final class QueryRequests {

	/** Query responses read with float vectors going straight into each row's array. */
	private static final MethodDescriptor<QueryRequest, QueryResponse> QUERY = MilvusServiceGrpc.getQueryMethod()
		.toBuilder(MilvusServiceGrpc.getQueryMethod().getRequestMarshaller(), QueryResponse.marshaller())
		.build();

	private static final String COUNT = "count(*)";

	private QueryRequests() {
	}

	/** Gets entities by primary key, in the order of the ids given; ids not found are left out. */
	public static Command<List<Row>> get(String collection, List<?> ids, String... outputFields) {
		return get(collection, List.of(), ids, List.of(outputFields));
	}

	/** Gets entities by primary key from one partition, in the order of the ids given; ids not found are left out. */
	public static Command<List<Row>> get(String collection, String partition, List<?> ids, String... outputFields) {
		Names.requireValid(partition, "partition name");
		return get(collection, List.of(partition), ids, List.of(outputFields));
	}

	static Command<List<Row>> get(String collection, List<String> partitions, List<?> ids, List<String> outputFields) {
		if (ids == null || ids.isEmpty()) {
			return (dispatch) -> CompletableFuture.completedFuture(List.of());
		}
		Names.requireValid(collection, "collection name");
		return (dispatch) -> Schemas.load(dispatch, collection).thenCompose((schema) -> {
			String key = schema.primaryKey().name();
			Query.Builder query = Query.in(collection)
				.filter(IdFilter.of(collection, schema.primaryKey(), ids))
				.outputFields(outputFields);
			query.partitions(partitions.toArray(String[]::new));
			return query(query.build()).executeAsync(dispatch).thenApply((rows) -> inOrder(rows, key, ids));
		});
	}

	private static List<Row> inOrder(List<Row> rows, String key, List<?> ids) {
		Map<Object, Row> byId = new HashMap<>();
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

	public static Command<List<Row>> query(Query query) {
		FilterSyntax.check(query.filter().expression(), "query of collection '" + query.collection() + "'");
		return FilteredCommands.of(query.filter(), (filter) -> Command
			.unary((Dispatch dispatch) -> rpc(dispatch, query, filter), (response) -> response.rows(query.outputFields())));
	}

	/** Counts the entities a filter matches (all of them for an empty filter). */
	public static Command<Long> count(String collection, String filter) {
		return count(collection, Filter.of(filter));
	}

	/** Counts the entities a filter matches (all of them for an empty filter). */
	public static Command<Long> count(String collection, Filter filter) {
		return countOf(Query.in(collection).filter(filter).outputFields(COUNT).build());
	}

	/** Counts what a query of {@code count(*)} matches (its partitions and filter). */
	static Command<Long> countOf(Query query) {
		FilterSyntax.check(query.filter().expression(), "count of collection '" + query.collection() + "'");
		return FilteredCommands.of(query.filter(), (encoded) -> Command.unary(
				(Dispatch dispatch) -> rpc(dispatch, query, encoded), (response) -> count(query.collection(), response)));
	}

	private static Long count(String collection, QueryResponse response) {
		QueryResults results = response.message();
		for (var field : results.getFieldsDataList()) {
			if (field.getFieldName().equals(COUNT) && field.getScalars().getLongData().getDataCount() > 0) {
				return field.getScalars().getLongData().getData(0);
			}
		}
		throw new MilvusException("Count of collection '" + collection + "' got no count(*) in the server's answer");
	}

	/**
	 * Pages through all entities a query matches, in primary key order, {@code batchSize} at a time (see
	 * {@link QueryPages}).
	 */
	public static Command<Iterator<List<Row>>> queryIterator(Query query, int batchSize) {
		QueryPages.checkBatchSize(batchSize);
		return (dispatch) -> QueryPages.start(dispatch, query, batchSize).thenApply(QueryPages::iterator);
	}

	static Rpc<QueryRequest, QueryResponse> rpc(Dispatch dispatch, Query query, EncodedFilter filter) {
		String database = dispatch.settings().database();
		QueryRequest.Builder request = QueryRequest.newBuilder()
			.setCollectionName(query.collection())
			.setExpr(filter.expression())
			.putAllExprTemplateValues(filter.values())
			.addAllOutputFields(query.outputFields())
			.addAllPartitionNames(query.partitions());
		if (query.limit() > 0) {
			request.addQueryParams(pair("limit", Long.toString(query.limit())));
		}
		if (query.offset() > 0) {
			request.addQueryParams(pair("offset", Long.toString(query.offset())));
		}
		SearchEncoder.applyConsistency(query.consistency(),
				dispatch.schemas().lastWrite(database, query.collection()), request::setConsistencyLevel,
				request::setGuaranteeTimestamp, request::setUseDefaultConsistency);
		String what = "query of collection '" + query.collection() + "'"
				+ (filter.isEmpty() ? "" : " where " + IdFilter.abbreviate(query.filter().toString()));
		return Rpc.of("query", query.collection(), QUERY, request.build(), (response) -> response.message().getStatus())
			.describedAs(what);
	}

	private static KeyValuePair pair(String key, String value) {
		return KeyValuePair.newBuilder().setKey(key).setValue(value).build();
	}

}
