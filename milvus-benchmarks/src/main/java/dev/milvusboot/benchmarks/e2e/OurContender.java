package dev.milvusboot.benchmarks.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import dev.milvusboot.benchmarks.Fixtures;
import dev.milvusboot.client.MilvusCallListener;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.schema.ConsistencyLevel;

/**
 * Our client with its defaults (as {@code MilvusClient.create(uri)}, search coalescing on): rows as maps of the
 * caller's {@code float[]}. A listener counts the search requests actually sent.
 */
final class OurContender extends JavaContender<List<Map<String, Object>>> {

	private final LongAdder searchRequests = new LongAdder();

	private final MilvusClient client;

	OurContender(String uri, float[][] insertVectors, float[][] queries) {
		super(insertVectors, queries);
		this.client = MilvusClient.create(MilvusClientOptions.builder().uri(uri).listener((context) -> {
			if (context.operation().equals("search")) {
				this.searchRequests.increment();
			}
			return new MilvusCallListener.Call() {
			};
		}).build());
	}

	@Override
	public String name() {
		return "ours";
	}

	@Override
	List<Map<String, Object>> rows(float[][] vectors, int first, int count) {
		List<Map<String, Object>> rows = new ArrayList<>(count);
		for (int i = first; i < first + count; i++) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put(Fixtures.ID, (long) i);
			row.put(Fixtures.VECTOR, vectors[i]);
			rows.add(row);
		}
		return rows;
	}

	@Override
	void insertRows(String collection, List<Map<String, Object>> rows) {
		this.client.insert(collection, rows);
	}

	@Override
	void searchOnce(String collection, float[] query) {
		this.client.search(Search.in(collection)
			.vector(query)
			.topK(TOP_K)
			.param("ef", EF)
			.consistency(ConsistencyLevel.BOUNDED)
			.build());
	}

	@Override
	long searchRequests() {
		return this.searchRequests.sum();
	}

	@Override
	void getOnce(String collection, long id) {
		this.client.get(collection, List.of(id), Fixtures.ID, Fixtures.VECTOR);
	}

	@Override
	public void close() {
		this.client.close();
	}

}
