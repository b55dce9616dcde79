package dev.milvusboot.client.search;

import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.protobuf.InvalidProtocolBufferException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.milvusboot.client.data.AnalyzerRun;
import dev.milvusboot.client.data.Highlighter;
import dev.milvusboot.client.data.HybridSearch;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.data.SubSearch;
import dev.milvusboot.client.data.rank.BoostRanker;
import dev.milvusboot.client.data.rank.DecayRanker;
import dev.milvusboot.client.data.rank.Ranker;
import dev.milvusboot.client.data.rank.WeightedRanker;
import dev.milvusboot.client.internal.codec.AnalyzerCodec;
import dev.milvusboot.client.internal.codec.Json;
import dev.milvusboot.client.internal.codec.SearchEncoder;
import dev.milvusboot.client.internal.proto.FunctionSchema;
import dev.milvusboot.client.internal.proto.FunctionScore;
import dev.milvusboot.client.internal.proto.HybridSearchRequest;
import dev.milvusboot.client.internal.proto.KeyValuePair;
import dev.milvusboot.client.internal.proto.RunAnalyzerRequest;
import dev.milvusboot.client.internal.proto.SearchRequest;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.client.schema.SchemaFunction;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests we build for searches no local server fully answers (by primary keys, highlighter, function
 * rankers, grouping, hybrid offset/group-by, runAnalyzer) compared, field by field, with the requests pymilvus
 * 3.0.2's {@code Prepare} builds for the same calls (run in Milvus Lite 3's Python, no server involved). The
 * comparison is exact protobuf equality after one normalization applied to both sides: key/value parameters are
 * compared as sorted maps with JSON values parsed (pymilvus' {@code json.dumps} spacing, key order) and booleans
 * case-insensitively; a search's {@code params} JSON without the {@code metric_type} pymilvus repeats in it (we send
 * it as its own parameter, which servers read); the search {@code offset} parameter when {@code 0}; consistency
 * fields (we always send an explicit level, pymilvus asks for the collection's default).
 */
@MilvusLiteTest
class SearchRequestsComparedWithPymilvusTest {

	private static final CollectionSchema SCHEMA = CollectionSchema.builder("docs")
		.field(FieldSchema.int64Id("id", false))
		.field(FieldSchema.analyzedText("text", 1000, Map.of()))
		.field(FieldSchema.builder("sparse", DataType.SPARSE_FLOAT_VECTOR).build())
		.field(FieldSchema.floatVector("dense", 4))
		.field(FieldSchema.scalar("year", DataType.INT64))
		.field(FieldSchema.varchar("cat", 16))
		.function(SchemaFunction.bm25("bm25", "text", "sparse"))
		.build();

	private static final float[] DENSE = { 0.1f, 0.2f, 0.3f, 0.4f };

	private static Map<String, Object> pymilvus;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void prepare(MilvusLite lite) throws Exception {
		pymilvus = new SearchPeer(lite.pythonExecutable(), null).run(Map.of("op", "prepare"));
	}

	private static byte[] bytes(String name) {
		@SuppressWarnings("unchecked")
		Map<String, Object> entry = (Map<String, Object>) pymilvus.get(name);
		return Base64.getDecoder().decode((String) entry.get("bytes"));
	}

	private static SearchRequest theirSearch(String name) throws InvalidProtocolBufferException {
		return SearchRequest.parseFrom(bytes(name));
	}

	private static SearchRequest ours(Search search) {
		return SearchEncoder.encode(search, SCHEMA, 0);
	}

	@Test
	void aTextSearchWithGroupingAndHighlighterIsTheRequestPymilvusBuilds() throws Exception {
		Search search = Search.in("docs")
			.annsField("sparse")
			.texts("quick fox", "lazy dog")
			.metric(MetricType.BM25)
			.topK(3)
			.filter("cat == \"a\"")
			.outputFields("text")
			.groupBy("cat")
			.groupSize(2)
			.strictGroupSize(true)
			.highlighter(Highlighter.lexical()
				.tags("<b>", "</b>")
				.highlightSearchText(true)
				.fragmentSize(40)
				.fragments(2)
				.build())
			.build();
		assertSame(ours(search), theirSearch("text_grouped_highlighted"));
	}

	@Test
	void aSearchByPrimaryKeysIsTheRequestPymilvusBuilds() throws Exception {
		Search search = Search.in("docs")
			.annsField("dense")
			.ids(3L, 5L)
			.metric(MetricType.COSINE)
			.topK(3)
			.filter("year > 2000")
			.outputFields("year")
			.build();
		SearchRequest ours = ours(search);
		assertThat(ours.hasPlaceholderGroup()).isFalse();
		assertSame(ours, theirSearch("by_primary_keys"));
	}

	@Test
	void aBoostRankerIsTheFunctionScorePymilvusSends() throws Exception {
		Search search = Search.in("docs")
			.annsField("dense")
			.vector(DENSE)
			.metric(MetricType.COSINE)
			.topK(3)
			.ranker(BoostRanker.builder().filter("year > 2017").randomScore(7, "id").weight(2.0).build())
			.build();
		assertSame(ours(search), theirSearch("boost"));
	}

	@Test
	void aDecayRankerIsTheFunctionScorePymilvusSends() throws Exception {
		Search search = Search.in("docs")
			.annsField("dense")
			.vector(DENSE)
			.metric(MetricType.COSINE)
			.topK(3)
			.ranker(DecayRanker.exp("year").origin(2026).scale(6).offset(1).decay(0.25).build())
			.build();
		assertSame(ours(search), theirSearch("decay"));
	}

	private static HybridSearch.Builder hybrid() {
		return HybridSearch.in("docs")
			.add(SubSearch.field("dense").vector(DENSE).metric(MetricType.COSINE).topK(6).filter("year > 2000").build())
			.add(SubSearch.field("sparse").text("quick fox").metric(MetricType.BM25).topK(6).build())
			.topK(3)
			.outputFields("year");
	}

	private static void assertSameHybrid(HybridSearch search, String name) throws Exception {
		HybridSearchRequest ours = SearchEncoder.encode(search, SCHEMA, 0, false);
		HybridSearchRequest theirs = HybridSearchRequest.parseFrom(bytes(name));
		assertThat(normalize(ours)).isEqualTo(normalize(theirs));
	}

	@Test
	void aHybridSearchWithRrfOffsetAndGroupingIsTheRequestPymilvusBuilds() throws Exception {
		assertSameHybrid(hybrid().ranker(Ranker.rrf(30)).offset(2).groupBy("cat").groupSize(2).strictGroupSize(false)
			.build(), "hybrid_rrf_offset_group");
	}

	@Test
	void aWeightedRankerWithoutNormalizationIsTheRequestPymilvusBuilds() throws Exception {
		assertSameHybrid(hybrid().ranker(WeightedRanker.of(0.25, 0.75).normalize(false)).build(), "hybrid_weighted");
	}

	@Test
	void aHybridSearchRescoredByADecayRankerIsTheRequestPymilvusBuilds() throws Exception {
		assertSameHybrid(hybrid().ranker(DecayRanker.gauss("year").origin(2026).scale(6).build()).build(),
				"hybrid_decay");
	}

	@Test
	void runAnalyzerWithParametersIsTheRequestPymilvusBuilds() throws Exception {
		RunAnalyzerRequest ours = AnalyzerCodec.encode(AnalyzerRun.of("The Quick Foxes", "jumped")
			.analyzerParam("type", "english")
			.withDetail(true)
			.withHash(true)
			.build());
		assertThat(ours).isEqualTo(RunAnalyzerRequest.parseFrom(bytes("run_analyzer")));
	}

	@Test
	void runAnalyzerOfAFieldIsTheRequestPymilvusBuilds() throws Exception {
		RunAnalyzerRequest ours = AnalyzerCodec.encode(
				AnalyzerRun.of("The Quick Foxes").field("docs", "text").analyzerNames("en").build());
		assertThat(ours).isEqualTo(RunAnalyzerRequest.parseFrom(bytes("run_field_analyzer")));
	}

	private static void assertSame(SearchRequest ours, SearchRequest theirs) {
		assertThat(normalize(ours)).isEqualTo(normalize(theirs));
	}

	static SearchRequest normalize(SearchRequest request) {
		SearchRequest.Builder builder = request.toBuilder()
			.clearConsistencyLevel()
			.clearUseDefaultConsistency()
			.clearGuaranteeTimestamp()
			.clearSearchParams();
		List<KeyValuePair> params = request.getSearchParamsList()
			.stream()
			.filter((pair) -> !(pair.getKey().equals("offset") && pair.getValue().equals("0")))
			.map((pair) -> pair.getKey().equals("params") ? withoutMetric(pair) : pair)
			.toList();
		builder.addAllSearchParams(sorted(params));
		if (request.hasFunctionScore()) {
			builder.setFunctionScore(normalize(request.getFunctionScore()));
		}
		if (request.hasHighlighter()) {
			builder.setHighlighter(builder.getHighlighter()
				.toBuilder()
				.clearParams()
				.addAllParams(sorted(request.getHighlighter().getParamsList())));
		}
		return builder.build();
	}

	static HybridSearchRequest normalize(HybridSearchRequest request) {
		HybridSearchRequest.Builder builder = request.toBuilder()
			.clearConsistencyLevel()
			.clearUseDefaultConsistency()
			.clearGuaranteeTimestamp()
			.clearRequests()
			.clearRankParams()
			.addAllRankParams(sorted(request.getRankParamsList()));
		request.getRequestsList().forEach((sub) -> builder.addRequests(normalize(sub)));
		if (request.hasFunctionScore()) {
			builder.setFunctionScore(normalize(request.getFunctionScore()));
		}
		return builder.build();
	}

	private static FunctionScore normalize(FunctionScore score) {
		FunctionScore.Builder builder = score.toBuilder().clearFunctions().clearParams().addAllParams(sorted(score.getParamsList()));
		for (FunctionSchema function : score.getFunctionsList()) {
			builder.addFunctions(function.toBuilder().clearParams().addAllParams(sorted(function.getParamsList())));
		}
		return builder.build();
	}

	@SuppressWarnings("unchecked")
	private static KeyValuePair withoutMetric(KeyValuePair pair) {
		Map<String, Object> params = new java.util.LinkedHashMap<>((Map<String, Object>) Json.parse(pair.getValue()));
		params.remove("metric_type");
		return pair.toBuilder().setValue(Json.write(params, "params")).build();
	}

	/** Sorted by key; JSON values re-written canonically (sorted keys), booleans in lower case. */
	private static List<KeyValuePair> sorted(List<KeyValuePair> pairs) {
		return pairs.stream()
			.map((pair) -> pair.toBuilder().setValue(canonical(pair.getValue())).build())
			.sorted(Comparator.comparing(KeyValuePair::getKey))
			.toList();
	}

	private static String canonical(String value) {
		if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
			return value.toLowerCase(Locale.ROOT);
		}
		if (value.startsWith("{") || value.startsWith("[")) {
			return Json.write(sortedKeys(Json.parse(value)), "value");
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	private static Object sortedKeys(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> sorted = new java.util.TreeMap<>();
			((Map<String, Object>) map).forEach((key, inner) -> sorted.put(key, sortedKeys(inner)));
			return sorted;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(SearchRequestsComparedWithPymilvusTest::sortedKeys).toList();
		}
		return value;
	}

}
