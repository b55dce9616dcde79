package dev.milvusboot.client.internal.codec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.internal.proto.KeyValuePair;
import dev.milvusboot.client.schema.MetricType;

/**
 * The {@code search_params} of a search request: the top level ones and the index parameters both as pairs and
 * inside {@code params} JSON (Milvus before 2.5.1 reads the latter, later versions the former). Applications repeat
 * a few shapes of search, so the pairs of each shape are built once and shared (protobuf messages are immutable);
 * searches whose index parameters hold anything but strings, numbers and booleans are built each time. Internal
 * API.
 */
final class SearchParameters {

	/** Shapes remembered at most; past that, new shapes are built each time. */
	private static final int MAX_SHAPES = 256;

	private static final Map<Shape, List<KeyValuePair>> SHAPES = new ConcurrentHashMap<>();

	private SearchParameters() {
	}

	/**
	 * The pairs of a search.
	 * @param search the search
	 * @param field the name of the vector field searched
	 * @return the pairs, in the order Milvus is sent them
	 */
	static List<KeyValuePair> of(Search search, String field) {
		if (!cacheable(search.params())) {
			return build(search, field);
		}
		Shape shape = new Shape(field, search.topK(), search.metric(), search.texts().isEmpty(), search.roundDecimal(),
				search.offset(), search.groupByField(), search.groupSize(), search.strictGroupSize(), search.params());
		List<KeyValuePair> pairs = SHAPES.get(shape);
		if (pairs == null) {
			pairs = build(search, field);
			if (SHAPES.size() < MAX_SHAPES) {
				SHAPES.put(shape, pairs);
			}
		}
		return pairs;
	}

	/** Builds the pairs of a search. */
	static List<KeyValuePair> build(Search search, String field) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("anns_field", field);
		params.put("topk", Integer.toString(search.topK()));
		if (search.metric() != null) {
			params.put("metric_type", search.metric().name());
		}
		else if (!search.texts().isEmpty()) {
			// A BM25 field has one metric. Sent, because Milvus 2.5 otherwise normalizes the scores of a text
			// sub-search as distances in a weighted hybrid search (best hit last).
			params.put("metric_type", "BM25");
		}
		params.put("round_decimal", Integer.toString(search.roundDecimal()));
		params.put("offset", Integer.toString(search.offset()));
		params.put("ignore_growing", "false");
		SearchEncoder.putGrouping(params, search.groupByField(), search.groupSize(), search.strictGroupSize());
		search.params().forEach((name, value) -> params.put(name, SearchEncoder.paramText(value)));
		params.put("params", Json.write(search.params(), "the search parameters"));
		return params.entrySet()
			.stream()
			.map((e) -> KeyValuePair.newBuilder().setKey(e.getKey()).setValue(e.getValue()).build())
			.toList();
	}

	/** Whether the index parameters are immutable values, so that a shape can stand for them. */
	private static boolean cacheable(Map<String, Object> params) {
		for (Object value : params.values()) {
			if (!(value instanceof String || value instanceof Number || value instanceof Boolean
					|| value instanceof Character)) {
				return false;
			}
		}
		return true;
	}

	/** What the pairs depend on. */
	private record Shape(String field, int topK, MetricType metric, boolean noTexts, int roundDecimal, int offset,
			String groupByField, int groupSize, Boolean strictGroupSize, Map<String, Object> params) {
	}

}
