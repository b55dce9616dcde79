package dev.milvusboot.benchmarks.cpu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.SearchCoalescing;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.schema.ConsistencyLevel;

/**
 * Our client, by default with search coalescing off (each search is one request), rows as maps of the caller's
 * arrays.
 */
final class OurCalls implements Calls {

	private final MilvusClient client;

	/**
	 * @param uri the server
	 * @param connections the pool size, or 0 for the default
	 * @param coalescing whether search coalescing is on (the client's default) or off
	 */
	OurCalls(String uri, int connections, boolean coalescing) {
		MilvusClientOptions.Builder options = MilvusClientOptions.builder()
			.uri(uri)
			.searchCoalescing(coalescing ? SearchCoalescing.DEFAULTS : SearchCoalescing.DISABLED);
		if (connections > 0) {
			options.poolSize(connections);
		}
		this.client = MilvusClient.create(options.build());
	}

	@Override
	public Object rows(float[][] vectors, long firstId) {
		List<Map<String, Object>> rows = new ArrayList<>(vectors.length);
		for (int i = 0; i < vectors.length; i++) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", firstId + i);
			row.put("vector", vectors[i]);
			rows.add(row);
		}
		return rows;
	}

	@Override
	@SuppressWarnings("unchecked")
	public void insert(String collection, Object rows) {
		this.client.insert(collection, (List<Map<String, Object>>) rows);
	}

	@Override
	public void search(String collection, float[] query) {
		this.client.search(Search.in(collection)
			.vector(query)
			.topK(TOP_K)
			.param("ef", EF)
			.consistency(ConsistencyLevel.BOUNDED)
			.build());
	}

	@Override
	public void close() {
		this.client.close();
	}

}
