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
import dev.milvusboot.client.SearchCoalescing;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.schema.ConsistencyLevel;

/**
 * Our client: rows as maps of the caller's {@code float[]}. A listener counts the search requests actually sent.
 * Variants ({@link ContenderMain}): {@code ours} with its defaults (as {@code MilvusClient.create(uri)}: search
 * coalescing on, {@link MilvusClientOptions#DEFAULT_POOL_SIZE} connections), {@code ours-off} with search coalescing
 * off ({@link SearchCoalescing#DISABLED}), {@code ours-off-1c} with coalescing off and one connection.
 */
final class OurContender extends JavaContender<List<Map<String, Object>>> {

	private final LongAdder searchRequests = new LongAdder();

	private final MilvusClient client;

	private final String name;

	OurContender(String uri, float[][] insertVectors, float[][] queries) {
		this("ours", uri, insertVectors, queries, SearchCoalescing.DEFAULTS, MilvusClientOptions.DEFAULT_POOL_SIZE);
	}

	/**
	 * @param name the name in tables
	 * @param coalescing the search coalescing settings
	 * @param connections the connections (gRPC channels)
	 */
	OurContender(String name, String uri, float[][] insertVectors, float[][] queries, SearchCoalescing coalescing,
			int connections) {
		super(insertVectors, queries);
		this.name = name;
		this.client = MilvusClient.create(MilvusClientOptions.builder()
			.uri(uri)
			.searchCoalescing(coalescing)
			.poolSize(connections)
			.listener((context) -> {
				if (context.operation().equals("search")) {
					this.searchRequests.increment();
				}
				return new MilvusCallListener.Call() {
				};
			})
			.build());
	}

	/** Coalescing off, the default connections. */
	static OurContender coalescingOff(String uri, float[][] insertVectors, float[][] queries) {
		return new OurContender("ours-off", uri, insertVectors, queries, SearchCoalescing.DISABLED,
				MilvusClientOptions.DEFAULT_POOL_SIZE);
	}

	/** Coalescing off, one connection. */
	static OurContender coalescingOffOneConnection(String uri, float[][] insertVectors, float[][] queries) {
		return new OurContender("ours-off-1c", uri, insertVectors, queries, SearchCoalescing.DISABLED, 1);
	}

	@Override
	public String name() {
		return this.name;
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
