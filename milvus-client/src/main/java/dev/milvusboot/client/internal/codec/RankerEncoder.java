package dev.milvusboot.client.internal.codec;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.milvusboot.client.data.Highlighter;
import dev.milvusboot.client.data.rank.BoostRanker;
import dev.milvusboot.client.data.rank.DecayRanker;
import dev.milvusboot.client.data.rank.FunctionRanker;
import dev.milvusboot.client.data.rank.Ranker;
import dev.milvusboot.client.data.rank.RrfRanker;
import dev.milvusboot.client.data.rank.WeightedRanker;
import dev.milvusboot.client.internal.proto.FunctionSchema;
import dev.milvusboot.client.internal.proto.FunctionScore;
import dev.milvusboot.client.internal.proto.FunctionType;
import dev.milvusboot.client.internal.proto.HighlightType;
import dev.milvusboot.client.internal.proto.KeyValuePair;

/**
 * Rankers and highlighters on the wire, as pymilvus 3.0 sends them: RRF and weighted rankers as the hybrid
 * search's {@code strategy} and JSON {@code params}; boost and decay rankers as rerank functions of
 * {@code function_score} (one function per ranker, parameters as text: numbers as Python prints them, booleans as
 * {@code True}/{@code False}, objects and lists as JSON); the lexical highlighter's parameters likewise. Internal
 * API.
 */
public final class RankerEncoder {

	private RankerEncoder() {
	}

	/**
	 * The rank parameters of a merging ranker ({@code strategy}, {@code params}); none for a function ranker.
	 * @param ranker the hybrid search's ranker
	 * @return the parameters, in order
	 */
	public static Map<String, String> rankParams(Ranker ranker) {
		Map<String, String> rank = new LinkedHashMap<>();
		if (ranker instanceof RrfRanker rrf) {
			rank.put("strategy", "rrf");
			rank.put("params", Json.write(Map.of("k", rrf.k()), "the ranker parameters"));
		}
		else if (ranker instanceof WeightedRanker weighted) {
			Map<String, Object> params = new LinkedHashMap<>();
			params.put("weights", weighted.weights());
			params.put("norm_score", weighted.normalize());
			rank.put("strategy", "weighted");
			rank.put("params", Json.write(params, "the ranker parameters"));
		}
		return rank;
	}

	/**
	 * The function score of function rankers.
	 * @param rankers the rankers, at least one
	 * @return the function score
	 */
	public static FunctionScore functionScore(List<FunctionRanker> rankers) {
		FunctionScore.Builder score = FunctionScore.newBuilder();
		for (FunctionRanker ranker : rankers) {
			score.addFunctions(function(ranker));
		}
		return score.build();
	}

	private static FunctionSchema function(FunctionRanker ranker) {
		FunctionSchema.Builder function = FunctionSchema.newBuilder().setName(ranker.name()).setType(FunctionType.Rerank);
		Map<String, String> params = new LinkedHashMap<>();
		if (ranker instanceof BoostRanker boost) {
			params.put("reranker", "boost");
			if (boost.filter() != null) {
				params.put("filter", boost.filter());
			}
			if (boost.randomSeed() != null) {
				Map<String, Object> random = new LinkedHashMap<>();
				random.put("seed", boost.randomSeed());
				if (boost.randomField() != null) {
					random.put("field", boost.randomField());
				}
				params.put("random_score", Json.write(random, "the boost ranker's random score"));
			}
			params.put("weight", number(boost.weight()));
		}
		else if (ranker instanceof DecayRanker decay) {
			function.addInputFieldNames(decay.field());
			params.put("reranker", "decay");
			params.put("function", decay.function().wireName());
			params.put("origin", number(decay.origin()));
			params.put("scale", number(decay.scale()));
			params.put("offset", number(decay.offset()));
			params.put("decay", number(decay.decay()));
		}
		params.forEach((key, value) -> function.addParams(pair(key, value)));
		return function.build();
	}

	/**
	 * The highlighter.
	 * @param highlighter the highlighter
	 * @return its message
	 */
	public static dev.milvusboot.client.internal.proto.Highlighter highlighter(Highlighter highlighter) {
		Map<String, String> params = new LinkedHashMap<>();
		if (highlighter.preTags() != null) {
			params.put("pre_tags", Json.write(highlighter.preTags(), "the highlighter's tags"));
			params.put("post_tags", Json.write(highlighter.postTags(), "the highlighter's tags"));
		}
		if (highlighter.fragmentOffset() != null) {
			params.put("fragment_offset", highlighter.fragmentOffset().toString());
		}
		if (highlighter.fragmentSize() != null) {
			params.put("fragment_size", highlighter.fragmentSize().toString());
		}
		if (highlighter.fragments() != null) {
			params.put("num_of_fragments", highlighter.fragments().toString());
		}
		if (!highlighter.queries().isEmpty()) {
			List<Map<String, String>> queries = highlighter.queries()
				.stream()
				.map((query) -> Map.of("type", query.type(), "field", query.field(), "text", query.text()))
				.toList();
			params.put("highlight_query", Json.write(queries, "the highlighter's queries"));
		}
		if (highlighter.highlightSearchText() != null) {
			params.put("highlight_search_text", bool(highlighter.highlightSearchText()));
		}
		dev.milvusboot.client.internal.proto.Highlighter.Builder message = dev.milvusboot.client.internal.proto.Highlighter
			.newBuilder()
			.setType(HighlightType.Lexical);
		params.forEach((key, value) -> message.addParams(pair(key, value)));
		return message.build();
	}

	/** A boolean as pymilvus writes it ({@code str(True)}); Milvus parses it like {@code true}. */
	public static String bool(boolean value) {
		return value ? "True" : "False";
	}

	/** A number as Python prints it: integers plainly, decimals with at least one fractional digit. */
	static String number(Number value) {
		if (value instanceof Double || value instanceof Float) {
			double d = value.doubleValue();
			String text = Double.toString(d);
			return text.contains("E") ? BigDecimal.valueOf(d).toPlainString() : text;
		}
		return (value instanceof BigDecimal big) ? big.toPlainString() : value.toString();
	}

	private static KeyValuePair pair(String key, String value) {
		return KeyValuePair.newBuilder().setKey(key).setValue(value).build();
	}

}
