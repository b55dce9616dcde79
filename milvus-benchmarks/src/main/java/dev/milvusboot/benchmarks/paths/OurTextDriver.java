package dev.milvusboot.benchmarks.paths;

import java.util.List;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.SearchCoalescing;
import dev.milvusboot.client.data.Hit;
import dev.milvusboot.client.data.HybridSearch;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.data.SubSearch;
import dev.milvusboot.client.data.rank.Ranker;
import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.client.schema.MetricType;

/**
 * Our client's full-text and hybrid searches. Arguments: {@code COLLECTION [coalescing-off]}: our defaults, or
 * with search coalescing off.
 */
final class OurTextDriver extends TextSearches {

	private final MilvusClient client;

	OurTextDriver(String uri, String[] args) {
		super(args[0]);
		MilvusClientOptions.Builder options = MilvusClientOptions.builder().uri(uri).connectTimeout(CONNECT_TIMEOUT);
		if (args.length > 1 && args[1].equals("coalescing-off")) {
			options.searchCoalescing(SearchCoalescing.DISABLED);
		}
		this.client = MilvusClient.create(options.build());
	}

	@Override
	List<Object> topIds(boolean hybrid, int q) {
		List<Hit> hits;
		if (hybrid) {
			hits = this.client.hybridSearch(HybridSearch.in(this.collection)
				.add(SubSearch.field(DENSE).vector(this.dense[q]).metric(MetricType.COSINE).param("ef", EF)
					.topK(TOP_K).build())
				.add(SubSearch.field(SPARSE).text(this.texts.get(q)).topK(TOP_K).build())
				.ranker(Ranker.rrf(RRF_K))
				.topK(TOP_K)
				.consistency(ConsistencyLevel.BOUNDED)
				.build()).first();
		}
		else {
			hits = this.client.search(Search.in(this.collection)
				.annsField(SPARSE)
				.text(this.texts.get(q))
				.topK(TOP_K)
				.consistency(ConsistencyLevel.BOUNDED)
				.build()).first();
		}
		return hits.stream().map(Hit::id).toList();
	}

	@Override
	public void close() {
		this.client.close();
	}

}
