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
import io.milvus.v2.service.vector.request.data.BaseVector;
import io.milvus.v2.service.vector.request.data.FloatVec;

import dev.milvusboot.benchmarks.Fixtures;

/**
 * The official SDK's {@code MilvusClientV2} with its defaults: Gson rows and {@code FloatVec} queries. Variants
 * ({@link ContenderMain}): {@code sdk}, one client shared by all threads (it may also batch its own queries:
 * {@code searchBatch}); {@code sdk-per-thread}, a client (a connection) per search thread, opened before the window.
 */
final class SdkContender extends JavaContender<List<JsonObject>> {

	private static final List<String> GET_FIELDS = List.of(Fixtures.ID, Fixtures.VECTOR);

	private static final Map<String, Object> SEARCH_PARAMS = Map.of("ef", EF);

	private final MilvusClientV2 client;

	private final String uri;

	private final boolean perThread;

	/** The clients of the search threads, thread {@code t} using the {@code t}-th ({@code sdk-per-thread}). */
	private final List<MilvusClientV2> threadClients = new ArrayList<>();

	private final ThreadLocal<MilvusClientV2> threadClient = new ThreadLocal<>();

	SdkContender(String uri, float[][] insertVectors, float[][] queries) {
		this(uri, insertVectors, queries, false);
	}

	private SdkContender(String uri, float[][] insertVectors, float[][] queries, boolean perThread) {
		super(insertVectors, queries);
		this.uri = uri;
		this.perThread = perThread;
		this.client = new MilvusClientV2(ConnectConfig.builder().uri(uri).build());
		this.threadClients.add(this.client);
	}

	/** A client per search thread. */
	static SdkContender perThread(String uri, float[][] insertVectors, float[][] queries) {
		return new SdkContender(uri, insertVectors, queries, true);
	}

	@Override
	public String name() {
		return this.perThread ? "SDK-per-thread" : "SDK";
	}

	@Override
	void prepare(int threads) {
		if (this.perThread) {
			while (this.threadClients.size() < threads) {
				this.threadClients.add(new MilvusClientV2(ConnectConfig.builder().uri(this.uri).build()));
			}
		}
	}

	/** The client of the calling thread: its own ({@code sdk-per-thread}, by thread name) or the shared one. */
	private MilvusClientV2 client() {
		if (!this.perThread) {
			return this.client;
		}
		MilvusClientV2 mine = this.threadClient.get();
		if (mine == null) {
			String thread = Thread.currentThread().getName();
			int t = thread.startsWith("contender-") ? Integer.parseInt(thread.substring("contender-".length())) : 0;
			mine = this.threadClients.get(t);
			this.threadClient.set(mine);
		}
		return mine;
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
		client().search(SearchReq.builder()
			.collectionName(collection)
			.annsField(Fixtures.VECTOR)
			.data(List.of(new FloatVec(query)))
			.limit(TOP_K)
			.searchParams(SEARCH_PARAMS)
			.consistencyLevel(ConsistencyLevel.BOUNDED)
			.build());
	}

	@Override
	void searchBatch(String collection, List<float[]> queries) {
		List<BaseVector> vectors = new ArrayList<>(queries.size());
		for (float[] query : queries) {
			vectors.add(new FloatVec(query));
		}
		client().search(SearchReq.builder()
			.collectionName(collection)
			.annsField(Fixtures.VECTOR)
			.data(vectors)
			.limit(TOP_K)
			.searchParams(SEARCH_PARAMS)
			.consistencyLevel(ConsistencyLevel.BOUNDED)
			.build());
	}

	@Override
	void getOnce(String collection, long id) {
		client().get(GetReq.builder().collectionName(collection).ids(List.of(id)).outputFields(GET_FIELDS).build());
	}

	@Override
	public void close() {
		try {
			for (MilvusClientV2 each : this.threadClients) {
				each.close(5);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
