package dev.milvusboot.client.internal.command;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.data.HybridSearch;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.data.SearchIterator;
import dev.milvusboot.client.data.SearchResults;
import dev.milvusboot.client.internal.SearchCoalescer;
import dev.milvusboot.client.internal.codec.SearchEncoder;
import dev.milvusboot.client.internal.codec.SearchResponse;
import dev.milvusboot.client.internal.proto.HybridSearchRequest;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;
import dev.milvusboot.client.internal.proto.SearchRequest;
import dev.milvusboot.client.internal.transport.Rpc;
import dev.milvusboot.client.schema.CollectionSchema;
import io.grpc.MethodDescriptor;

/**
 * The commands of {@link dev.milvusboot.client.api.sync.MilvusSearchCommands}: vector searches (combined with
 * concurrent searches of the same shape by the client's {@link SearchCoalescer}), hybrid searches and the search
 * iterator. The schema a search is encoded with is loaded without blocking in the asynchronous forms; a blocking
 * search runs on the caller's thread. Internal API.
 */
public final class SearchRequests {

	/** Search responses read into exact-size arrays. */
	private static final MethodDescriptor<SearchRequest, SearchResponse> SEARCH = MilvusServiceGrpc.getSearchMethod()
		.toBuilder(MilvusServiceGrpc.getSearchMethod().getRequestMarshaller(), SearchResponse.marshaller())
		.build();

	private static final MethodDescriptor<HybridSearchRequest, SearchResponse> HYBRID_SEARCH = MilvusServiceGrpc
		.getHybridSearchMethod()
		.toBuilder(MilvusServiceGrpc.getHybridSearchMethod().getRequestMarshaller(), SearchResponse.marshaller())
		.build();

	private SearchRequests() {
	}

	public static Command<SearchResults> search(Search search) {
		return FilteredCommands.of(List.of(search.filter()), (templates) -> search(search, templates));
	}

	private static Command<SearchResults> search(Search search, boolean templates) {
		return new Command<>() {

			@Override
			public CompletableFuture<SearchResults> executeAsync(Dispatch dispatch) {
				return Schemas.load(dispatch, search.collection())
					.thenCompose((schema) -> dispatch.core()
						.searches()
						.searchAsync(encode(dispatch, search, schema, templates), search.queryCount(),
								search.outputFields(), dispatch.settings(), call(search.collection(), queryNoun(search))));
			}

			@Override
			public SearchResults execute(Dispatch dispatch) {
				CollectionSchema schema = Schemas.loadBlocking(dispatch, search.collection());
				return dispatch.core()
					.searches()
					.search(encode(dispatch, search, schema, templates), search.queryCount(), search.outputFields(),
							dispatch.settings(), call(search.collection(), queryNoun(search)));
			}

		};
	}

	private static SearchRequest encode(Dispatch dispatch, Search search, CollectionSchema schema,
			boolean templates) {
		return SearchEncoder.encode(search, schema,
				dispatch.schemas().lastWrite(dispatch.settings().database(), search.collection()), templates);
	}

	/** What the queries of a search are, for messages: vectors, texts or primary keys. */
	private static String queryNoun(Search search) {
		if (!search.texts().isEmpty()) {
			return "text";
		}
		return search.ids().isEmpty() ? "vector" : "primary key";
	}

	private static SearchCoalescer.SearchCall call(String collection, String noun) {
		return (request, queries, searches) -> Rpc.of("search", collection, SEARCH, request, SearchResponse::status)
			.describedAs("search of " + queries + " " + noun + ((queries == 1) ? "" : "s") + " in collection '"
					+ collection + "'"
					+ (request.getDsl().isEmpty() ? "" : " where " + IdFilter.abbreviate(request.getDsl()))
					+ ((searches == 1) ? "" : " (" + searches + " concurrent searches combined)"))
			.counting((results) -> queries);
	}

	public static Command<SearchResults> hybridSearch(HybridSearch search) {
		List<Filter> filters = search.searches().stream().map(Search::filter).toList();
		return FilteredCommands.of(filters, (templates) -> hybridSearch(search, templates));
	}

	private static Command<SearchResults> hybridSearch(HybridSearch search, boolean templates) {
		return (dispatch) -> Schemas.load(dispatch, search.collection()).thenCompose((schema) -> {
			HybridSearchRequest request = SearchEncoder.encode(search, schema,
					dispatch.schemas().lastWrite(dispatch.settings().database(), search.collection()), templates);
			return dispatch.callAsync(Rpc
				.of("hybridSearch", search.collection(), HYBRID_SEARCH, request, SearchResponse::status)
				.describedAs("hybrid search of " + search.searches().size() + " fields in collection '"
						+ search.collection() + "'")
				.counting((r) -> search.searches().size()));
		}).thenApply((response) -> response.hits(search.outputFields()));
	}

	/**
	 * Runs texts through an analyzer ({@code RunAnalyzer}).
	 */
	public static Command<java.util.List<java.util.List<dev.milvusboot.client.data.AnalyzerToken>>> runAnalyzer(
			dev.milvusboot.client.data.AnalyzerRun run) {
		return (dispatch) -> dispatch.callAsync(Rpc
			.of("runAnalyzer", run.collection(), MilvusServiceGrpc.getRunAnalyzerMethod(),
					dev.milvusboot.client.internal.codec.AnalyzerCodec.encode(run),
					dev.milvusboot.client.internal.proto.RunAnalyzerResponse::getStatus)
			.describedAs("run analyzer on " + run.texts().size() + " text" + ((run.texts().size() == 1) ? "" : "s")))
			.thenApply(dev.milvusboot.client.internal.codec.AnalyzerCodec::decode);
	}

	/**
	 * Pages through the hits of a one-vector search, {@code batchSize} at a time (see {@link SearchPages}).
	 */
	public static Command<SearchIterator> searchIterator(Search search, int batchSize, long total) {
		SearchPages.check(search, batchSize);
		return (dispatch) -> SearchPages.start(dispatch, search, batchSize, total).thenApply(SearchPages::iterator);
	}

}
