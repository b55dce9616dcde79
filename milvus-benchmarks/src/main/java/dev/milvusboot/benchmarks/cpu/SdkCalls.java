package dev.milvusboot.benchmarks.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.service.vector.request.InsertReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.FloatVec;

/** The official SDK's {@code MilvusClientV2}, one shared client, defaults: Gson rows and {@code FloatVec} queries. */
final class SdkCalls implements Calls {

	private static final Map<String, Object> SEARCH_PARAMS = Map.of("ef", EF);

	private final MilvusClientV2 client;

	SdkCalls(String uri) {
		this.client = new MilvusClientV2(ConnectConfig.builder().uri(uri).build());
	}

	@Override
	public Object rows(float[][] vectors, long firstId) {
		List<JsonObject> rows = new ArrayList<>(vectors.length);
		for (int i = 0; i < vectors.length; i++) {
			JsonObject row = new JsonObject();
			row.addProperty("id", firstId + i);
			JsonArray vector = new JsonArray(vectors[i].length);
			for (float value : vectors[i]) {
				vector.add(value);
			}
			row.add("vector", vector);
			rows.add(row);
		}
		return rows;
	}

	@Override
	@SuppressWarnings("unchecked")
	public void insert(String collection, Object rows) {
		this.client.insert(InsertReq.builder().collectionName(collection).data((List<JsonObject>) rows).build());
	}

	@Override
	public void search(String collection, float[] query) {
		this.client.search(SearchReq.builder()
			.collectionName(collection)
			.annsField("vector")
			.data(List.of(new FloatVec(query)))
			.limit(TOP_K)
			.searchParams(SEARCH_PARAMS)
			.consistencyLevel(ConsistencyLevel.BOUNDED)
			.build());
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
