package dev.milvusboot.benchmarks.paths;

import java.util.List;
import java.util.Map;

import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.vector.request.AnnSearchReq;
import io.milvus.v2.service.vector.request.HybridSearchReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.EmbeddedText;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.request.ranker.RRFRanker;
import io.milvus.v2.service.vector.response.SearchResp;

/**
 * The official SDK's ({@code MilvusClientV2}, one client) full-text and hybrid searches: {@code EmbeddedText}
 * queries, {@code AnnSearchReq} sub-searches and an {@code RRFRanker}. Arguments: {@code COLLECTION}.
 */
final class SdkTextDriver extends TextSearches {

	private static final String DENSE_PARAMS = "{\"ef\": " + EF + "}";

	private final MilvusClientV2 client;

	SdkTextDriver(String uri, String[] args) {
		super(args[0]);
		this.client = new MilvusClientV2(ConnectConfig.builder()
			.uri(uri)
			.connectTimeoutMs(CONNECT_TIMEOUT.toMillis())
			.build());
	}

	@Override
	List<Object> topIds(boolean hybrid, int q) {
		SearchResp response;
		if (hybrid) {
			response = this.client.hybridSearch(HybridSearchReq.builder()
				.collectionName(this.collection)
				.searchRequests(List.of(
						AnnSearchReq.builder()
							.vectorFieldName(DENSE)
							.vectors(List.of(new FloatVec(this.dense[q])))
							.metricType(IndexParam.MetricType.COSINE)
							.params(DENSE_PARAMS)
							.limit(TOP_K)
							.build(),
						AnnSearchReq.builder()
							.vectorFieldName(SPARSE)
							.vectors(List.of(new EmbeddedText(this.texts.get(q))))
							.limit(TOP_K)
							.build()))
				.ranker(RRFRanker.builder().k(RRF_K).build())
				.limit(TOP_K)
				.consistencyLevel(ConsistencyLevel.BOUNDED)
				.build());
		}
		else {
			response = this.client.search(SearchReq.builder()
				.collectionName(this.collection)
				.annsField(SPARSE)
				.data(List.of(new EmbeddedText(this.texts.get(q))))
				.limit(TOP_K)
				.searchParams(Map.of())
				.consistencyLevel(ConsistencyLevel.BOUNDED)
				.build());
		}
		return response.getSearchResults().get(0).stream().map(SearchResp.SearchResult::getId).toList();
	}

	@Override
	public void close() {
		try {
			this.client.close(5);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
