package dev.milvusboot.benchmarks.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.service.vector.request.GetReq;
import io.milvus.v2.service.vector.request.InsertReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.FloatVec;

import dev.milvusboot.benchmarks.Fixtures;

/** The official SDK's {@code MilvusClientV2} with its defaults: Gson rows and {@code FloatVec} queries. */
final class SdkContender extends JavaContender<List<JsonObject>> {

	private static final List<String> GET_FIELDS = List.of(Fixtures.ID, Fixtures.VECTOR);

	private static final Map<String, Object> SEARCH_PARAMS = Map.of("ef", EF);

	private final MilvusClientV2 client;

	SdkContender(String uri, float[][] insertVectors, float[][] queries) {
		super(insertVectors, queries);
		this.client = new MilvusClientV2(ConnectConfig.builder().uri(uri).build());
	}

	@Override
	public String name() {
		return "SDK";
	}

	@Override
	List<JsonObject> rows(float[][] vectors, int first, int count) {
		List<JsonObject> rows = new ArrayList<>(count);
		for (int i = first; i < first + count; i++) {
			JsonObject row = new JsonObject();
			row.addProperty(Fixtures.ID, (long) i);
			JsonArray vector = new JsonArray(vectors[i].length);
			for (float value : vectors[i]) {
				vector.add(value);
			}
			row.add(Fixtures.VECTOR, vector);
			rows.add(row);
		}
		return rows;
	}

	@Override
	void insertRows(String collection, List<JsonObject> rows) {
		this.client.insert(InsertReq.builder().collectionName(collection).data(rows).build());
	}

	@Override
	void searchOnce(String collection, float[] query) {
		this.client.search(SearchReq.builder()
			.collectionName(collection)
			.annsField(Fixtures.VECTOR)
			.data(List.of(new FloatVec(query)))
			.limit(TOP_K)
			.searchParams(SEARCH_PARAMS)
			.consistencyLevel(ConsistencyLevel.BOUNDED)
			.build());
	}

	@Override
	void getOnce(String collection, long id) {
		this.client.get(GetReq.builder().collectionName(collection).ids(List.of(id)).outputFields(GET_FIELDS).build());
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
