package dev.milvusboot.benchmarks.paths;

import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The full-text part's searches, the same for every client: a BM25 search of a text query in the {@code sparse}
 * field (top {@value #TOP_K}), and a hybrid search of a dense sub-search (COSINE, HNSW {@code ef}
 * {@value #EF}, top {@value #TOP_K}) and that text sub-search (top {@value #TOP_K}) fused by RRF
 * ({@code k} {@value #RRF_K}, top {@value #TOP_K}); bounded consistency, ids only.
 */
abstract class TextSearches implements PathsDriver {

	static final int TOP_K = 10;

	static final int EF = 64;

	static final int RRF_K = 60;

	static final String TEXT = "text";

	static final String SPARSE = "sparse";

	static final String DENSE = "dense";

	final String collection;

	final List<String> texts = PathsData.textQueries();

	final float[][] dense = PathsData.denseQueries();

	TextSearches(String collection) {
		this.collection = collection;
	}

	/** The top ids of a text search ({@code hybrid} false) or a hybrid search of query {@code q}. */
	abstract List<Object> topIds(boolean hybrid, int q);

	@Override
	public void call(String kind, int query) {
		topIds(kind.equals("hybrid"), query % PathsData.QUERIES);
	}

	/** {@code check}: the top ids of the first {@code queries} queries of {@code kind}. */
	@Override
	public JsonObject command(String op, JsonObject command) {
		if (!op.equals("check")) {
			throw new IllegalArgumentException("unknown op " + op);
		}
		boolean hybrid = command.get("kind").getAsString().equals("hybrid");
		JsonArray all = new JsonArray();
		for (int q = 0; q < command.get("queries").getAsInt(); q++) {
			JsonArray ids = new JsonArray();
			topIds(hybrid, q).forEach((id) -> ids.add(((Number) id).longValue()));
			all.add(ids);
		}
		JsonObject answer = new JsonObject();
		answer.add("ids", all);
		return answer;
	}

}
