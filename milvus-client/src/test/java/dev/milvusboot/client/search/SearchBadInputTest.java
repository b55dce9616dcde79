package dev.milvusboot.client.search;

import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.milvusboot.client.data.AnalyzerRun;
import dev.milvusboot.client.data.Highlighter;
import dev.milvusboot.client.data.HybridSearch;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.data.SubSearch;
import dev.milvusboot.client.data.rank.BoostRanker;
import dev.milvusboot.client.data.rank.DecayRanker;
import dev.milvusboot.client.data.rank.Ranker;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.internal.codec.SearchEncoder;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.SchemaFunction;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Bad searches, rankers and analyzer runs are refused before anything is sent, each with a
 * {@link MilvusInvalidArgumentException} naming the parameter or field.
 */
class SearchBadInputTest {

	private static final CollectionSchema SCHEMA = CollectionSchema.builder("docs")
		.field(FieldSchema.int64Id("id", false))
		.field(FieldSchema.floatVector("dense", 2))
		.field(FieldSchema.builder("sparse", DataType.SPARSE_FLOAT_VECTOR).build())
		.field(FieldSchema.builder("plain_sparse", DataType.SPARSE_FLOAT_VECTOR).build())
		.field(FieldSchema.analyzedText("text", 100, java.util.Map.of()))
		.function(SchemaFunction.bm25("bm25", "text", "sparse"))
		.build();

	private static final float[] V = { 1, 2 };

	private static Arguments bad(String name, String messagePart, ThrowingCallable call) {
		return Arguments.of(name, messagePart, call);
	}

	static Stream<Arguments> badInputs() {
		return Stream.of(
				bad("weights not matching the sub-searches", "weights must hold one weight per sub-search (2), but hold 3",
						() -> HybridSearch.in("docs")
							.add(SubSearch.field("dense").vector(V).build())
							.add(SubSearch.field("sparse").text("fox").build())
							.ranker(Ranker.weighted(0.2, 0.3, 0.5))
							.build()),
				bad("weight out of range", "weights[1] must be in [0, 1]", () -> Ranker.weighted(0.5, 1.5)),
				bad("RRF k of 0", "k must be between 1 and", () -> Ranker.rrf(0)),
				bad("decay without origin", "origin is required", () -> DecayRanker.gauss("year").scale(5).build()),
				bad("decay without scale", "scale is required", () -> DecayRanker.exp("year").origin(2026).build()),
				bad("decay scale of 0", "scale must be greater than 0",
						() -> DecayRanker.linear("year").origin(1).scale(0).build()),
				bad("decay of 1", "decay must be in (0, 1)",
						() -> DecayRanker.gauss("year").origin(1).scale(1).decay(1).build()),
				bad("negative decay offset", "offset must be at least 0",
						() -> DecayRanker.gauss("year").origin(1).scale(1).offset(-1).build()),
				bad("boost without weight", "weight is required", () -> BoostRanker.builder().filter("x > 1").build()),
				bad("boost weight NaN", "weight must be a finite number",
						() -> BoostRanker.builder().weight(Double.NaN).build()),
				bad("two rankers with one name", "two rankers are named 'boost'",
						() -> Search.in("docs").vector(V).ranker(BoostRanker.builder().weight(2).build(),
								BoostRanker.builder().weight(3).build()).build()),
				bad("group size without group-by", "groupSize and strictGroupSize need a groupBy field",
						() -> Search.in("docs").vector(V).groupSize(2).build()),
				bad("strict without group-by", "need a groupBy field",
						() -> HybridSearch.in("docs").add(SubSearch.field("dense").vector(V).build())
							.strictGroupSize(true).build()),
				bad("vectors and texts at once", "but not several of them",
						() -> Search.in("docs").vector(V).text("fox").build()),
				bad("null text", "query text 0 is null", () -> Search.in("docs").text(null).build()),
				bad("sub-search without a query", "needs at least one query vector, query text or primary key",
						() -> SubSearch.field("dense").build()),
				bad("sub-search with an offset", "sub-search 0 sets offset",
						() -> HybridSearch.in("docs").add(Search.in("docs").vector(V).offset(2).build()).build()),
				bad("sub-search by primary keys", "sub-search 0 must hold exactly one query vector or text",
						() -> HybridSearch.in("docs").add(Search.in("docs").ids(1L).build()).build()),
				bad("hybrid offset beyond the limit", "offset must be at least 0",
						() -> HybridSearch.in("docs").add(SubSearch.field("dense").vector(V).build()).offset(-1)
							.build()),
				bad("text query on a dense field", "field 'dense' is not the output of a BM25 function",
						() -> SearchEncoder.encode(Search.in("docs").annsField("dense").text("fox").build(), SCHEMA, 0)),
				bad("text query on a sparse field no BM25 function fills",
						"field 'plain_sparse' is not the output of a BM25 function",
						() -> SearchEncoder.encode(Search.in("docs").annsField("plain_sparse").text("fox").build(),
								SCHEMA, 0)),
				bad("string primary key for an int64 key", "primary key 0 (a) is not of the type of field 'id'",
						() -> SearchEncoder.encode(Search.in("docs").annsField("dense").ids("a").build(), SCHEMA,
								0)),
				bad("highlighter fragment size 0", "fragmentSize must be at least 1",
						() -> Highlighter.lexical().fragmentSize(0)),
				bad("analyzer run without analyzer", "set analyzerParam(...) or the field",
						() -> AnalyzerRun.of("x").build()),
				bad("analyzer run without texts", "texts must hold at least one text", () -> AnalyzerRun.of().build()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badInputs")
	void badInputIsRefusedNamingWhatIsWrong(String name, String messagePart, ThrowingCallable call) {
		assertThatExceptionOfType(MilvusInvalidArgumentException.class).isThrownBy(call)
			.withMessageContaining(messagePart);
	}

}
