package dev.milvusboot.client.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.grpc.MethodDescriptor;
import org.junit.jupiter.api.Test;

import dev.milvusboot.client.MilvusCallListener;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.SearchCoalescing;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.data.SearchResults;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.internal.codec.SearchEncoder;
import dev.milvusboot.client.internal.codec.SearchResponse;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;
import dev.milvusboot.client.internal.proto.SearchRequest;
import dev.milvusboot.client.internal.transport.CallSettings;
import dev.milvusboot.client.internal.transport.Rpc;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the coalescer does when the server rejects a combined request, against a real Milvus Lite of its own (frozen
 * for a moment to line the searches up): each search is then sent alone, so that every caller gets the server's
 * answer to its own search. (Milvus 2.3 and Lite reject nothing that differs between searches of one shape, the
 * query vectors; a bad filter, shared by the whole shape, is what the server rejects here.)
 */
@MilvusLiteTest
class SearchCoalescerTest {

	private static final MethodDescriptor<SearchRequest, SearchResponse> SEARCH = MilvusServiceGrpc.getSearchMethod()
		.toBuilder(MilvusServiceGrpc.getSearchMethod().getRequestMarshaller(), SearchResponse.marshaller())
		.build();

	@Test
	void whenTheServerRejectsACombinedRequestThenEachSearchIsSentAgainAloneAndGetsItsOwnAnswer(TestNames names)
			throws Exception {
		List<String> outcomes = new CopyOnWriteArrayList<>();
		MilvusCallListener listener = (context) -> new MilvusCallListener.Call() {
			@Override
			public void succeeded(long count) {
				outcomes.add("ok " + count);
			}

			@Override
			public void failed(MilvusException error) {
				outcomes.add("failed");
			}
		};
		MilvusClientOptions options = MilvusClientOptions.builder()
			.searchCoalescing(new SearchCoalescing(1, 64))
			.listener(listener)
			.build();
		try (MilvusLite own = MilvusLite.builder().build().start();
				MilvusClient client = MilvusClient.create(own.uri());
				ClientCore core = new ClientCore(options.toBuilder().uri(own.uri()).build())) {
			String collection = names.collection("rejected");
			client.createCollection(collection, 4, MetricType.L2, true);
			CollectionSchema schema = client.describeCollection(collection).schema();
			SearchRequest bad = SearchEncoder.encode(Search.in(collection)
				.vector(new float[] { 1, 2, 3, 4 })
				.filter("id >>> 3")
				.build(), schema, 1);
			CallSettings settings = core.defaultSettings();
			List<Integer> sent = new CopyOnWriteArrayList<>();
			SearchCoalescer.SearchCall call = (request, queries, searches) -> {
				sent.add(queries);
				return Rpc.of("search", collection, SEARCH, request, SearchResponse::status)
					.counting((response) -> queries);
			};
			assertThat(core.serverVersion(settings)).isNotEmpty();
			outcomes.clear();

			own.pause();
			List<CompletableFuture<SearchResults>> searches = new java.util.ArrayList<>();
			try {
				for (int i = 0; i < 4; i++) {
					searches.add(core.searches().searchAsync(bad, 1, List.of(), settings, call));
				}
			}
			finally {
				own.resume();
			}
			for (CompletableFuture<SearchResults> search : searches) {
				assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> search.get(30, TimeUnit.SECONDS))
					.withCauseInstanceOf(MilvusException.class)
					.withMessageContaining("id >>> 3");
			}
			// The first alone with nothing else in progress (no lane), the second in the lane's one place, the other
			// two combined, then again one by one: five failed requests.
			assertThat(sent).containsExactly(1, 1, 2, 1, 1);
			assertThat(outcomes).containsExactly("failed", "failed", "failed", "failed", "failed");
		}
	}

}
