package dev.milvusboot.client.internal;

import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

import dev.milvusboot.client.RetryOptions;
import dev.milvusboot.client.SearchCoalescing;
import dev.milvusboot.client.data.Highlighter;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.data.SparseVector;
import dev.milvusboot.client.data.rank.BoostRanker;
import dev.milvusboot.client.data.rank.DecayRanker;
import dev.milvusboot.client.internal.SearchCombination.Shape;
import dev.milvusboot.client.internal.codec.SearchEncoder;
import dev.milvusboot.client.internal.proto.IDs;
import dev.milvusboot.client.internal.proto.LongArray;
import dev.milvusboot.client.internal.proto.PlaceholderGroup;
import dev.milvusboot.client.internal.proto.PlaceholderType;
import dev.milvusboot.client.internal.proto.PlaceholderValue;
import dev.milvusboot.client.internal.proto.SearchRequest;
import dev.milvusboot.client.internal.proto.SubSearchRequest;
import dev.milvusboot.client.internal.transport.CallSettings;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.client.schema.SchemaFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule of which searches may be combined ({@link SearchCombination}), on encoded requests: which searches may
 * combine at all, and which go together (same shape).
 */
class SearchCombinationTest {

	private static final CollectionSchema SCHEMA = CollectionSchema.builder("docs")
		.field(FieldSchema.int64Id("id", false))
		.field(FieldSchema.floatVector("vector", 3))
		.field(FieldSchema.floatVector("other", 3))
		.build();

	private static final CallSettings SETTINGS = new CallSettings(Duration.ofSeconds(5), null, RetryOptions.DEFAULTS);

	private static final float[] V1 = { 1, 2, 3 };

	private static final float[] V2 = { 4, 5, 6 };

	private static SearchRequest encode(UnaryOperator<Search.Builder> search) {
		return SearchEncoder.encode(search.apply(Search.in("docs").annsField("vector").vector(V1)).build(), SCHEMA, 0);
	}

	private static boolean combinable(SearchRequest request) {
		return SearchCombination.combinable(request, (int) request.getNq(), SearchCoalescing.DEFAULTS);
	}

	private static Shape shape(UnaryOperator<Search.Builder> search) {
		return Shape.of(encode(search), SETTINGS);
	}

	@Test
	void aPlainSearchByQueryVectorsMayCombine() {
		assertThat(combinable(encode((s) -> s))).isTrue();
		assertThat(combinable(encode((s) -> s.vectors(V1, V2)))).isTrue();
	}

	@Test
	void whenCoalescingIsDisabledOrTheSearchFillsARequestThenItGoesAlone() {
		SearchRequest one = encode((s) -> s);
		assertThat(SearchCombination.combinable(one, 1, SearchCoalescing.DISABLED)).isFalse();
		SearchRequest two = encode((s) -> s.vectors(V1, V2));
		assertThat(SearchCombination.combinable(two, 2, new SearchCoalescing(2, 2))).isFalse();
	}

	@Test
	void aGroupedSearchNeverCombines() {
		assertThat(combinable(encode((s) -> s.groupBy("id")))).isFalse();
	}

	@Test
	void aSearchByPrimaryKeysNeverCombines() {
		SearchRequest byIds = encode((s) -> s).toBuilder()
			.setIds(IDs.newBuilder().setIntId(LongArray.newBuilder().addData(1).addData(2)))
			.build();
		assertThat(byIds.hasPlaceholderGroup()).isFalse();
		assertThat(combinable(byIds)).isFalse();
		assertThat(combinable(encode((s) -> s).toBuilder().setSearchByPrimaryKeys(true).build())).isFalse();
	}

	@Test
	void aSearchWithoutAVectorPlaceholderGroupNeverCombines() {
		SearchRequest none = encode((s) -> s).toBuilder().clearPlaceholderGroup().build();
		assertThat(combinable(none)).isFalse();
		SearchRequest text = encode((s) -> s).toBuilder()
			.setPlaceholderGroup(PlaceholderGroup.newBuilder()
				.addPlaceholders(PlaceholderValue.newBuilder()
					.setTag("$0")
					.setType(PlaceholderType.VarChar)
					.addValues(ByteString.copyFromUtf8("some text")))
				.build()
				.toByteString())
			.build();
		assertThat(combinable(text)).isFalse();
		SearchRequest twoGroups = encode((s) -> s).toBuilder()
			.setPlaceholderGroup(PlaceholderGroup.newBuilder()
				.addPlaceholders(PlaceholderValue.newBuilder().setType(PlaceholderType.FloatVector))
				.addPlaceholders(PlaceholderValue.newBuilder().setType(PlaceholderType.FloatVector))
				.build()
				.toByteString())
			.build();
		assertThat(combinable(twoGroups)).isFalse();
	}

	@Test
	void aSearchWhoseVectorCountDisagreesWithItsQueryCountNeverCombines() {
		SearchRequest request = encode((s) -> s.vectors(V1, V2));
		assertThat(SearchCombination.combinable(request, 1, SearchCoalescing.DEFAULTS)).isFalse();
	}

	@Test
	void aSearchCarryingSubSearchesNeverCombines() {
		assertThat(combinable(encode((s) -> s).toBuilder().addSubReqs(SubSearchRequest.getDefaultInstance()).build()))
			.isFalse();
	}

	@Test
	void searchesDifferingOnlyInTheirQueryVectorsHaveOneShape() {
		assertThat(shape((s) -> s.vector(V2))).isEqualTo(shape((s) -> s));
		assertThat(shape((s) -> s.vectors(V1, V2))).isEqualTo(shape((s) -> s));
	}

	@Test
	void searchesDifferingInAnythingButTheirVectorsHaveDifferentShapes() {
		Shape base = shape((s) -> s);
		assertThat(Shape.of(SearchEncoder.encode(Search.in("docs2").annsField("vector").vector(V1).build(), SCHEMA, 0),
				SETTINGS)).isNotEqualTo(base);
		// Another database: the same request (the database travels in the header), other call settings.
		assertThat(Shape.of(SearchEncoder.encode(Search.in("docs").annsField("vector").vector(V1).build(), SCHEMA, 0),
				new CallSettings(SETTINGS.timeout(), "db2", SETTINGS.retry()))).isNotEqualTo(base);
		assertThat(shape((s) -> s.annsField("other"))).isNotEqualTo(base);
		assertThat(shape((s) -> s.metric(MetricType.IP))).isNotEqualTo(base);
		assertThat(shape((s) -> s.param("nprobe", 16))).isNotEqualTo(base);
		assertThat(shape((s) -> s.filter("id > 3"))).isNotEqualTo(base);
		assertThat(shape((s) -> s.outputFields("id"))).isNotEqualTo(base);
		assertThat(shape((s) -> s.consistency(ConsistencyLevel.STRONG))).isNotEqualTo(base);
		assertThat(shape((s) -> s.partitions("p1"))).isNotEqualTo(base);
		assertThat(shape((s) -> s.topK(3))).isNotEqualTo(base);
		assertThat(shape((s) -> s.offset(2))).isNotEqualTo(base);
		assertThat(Shape.of(encode((s) -> s), SETTINGS.withTimeout(Duration.ofSeconds(9)))).isNotEqualTo(base);
	}

	private static final CollectionSchema FULL_TEXT = CollectionSchema.builder("docs")
		.field(FieldSchema.int64Id("id", false))
		.field(FieldSchema.floatVector("vector", 3))
		.field(FieldSchema.builder("sparse", DataType.SPARSE_FLOAT_VECTOR).build())
		.field(FieldSchema.analyzedText("text", 100, Map.of()))
		.function(SchemaFunction.bm25("bm25", "text", "sparse"))
		.build();

	@Test
	void aTextSearchNeverCombines() {
		SearchRequest text = SearchEncoder.encode(Search.in("docs").annsField("sparse").text("quick fox").build(),
				FULL_TEXT, 0);
		assertThat(combinable(text)).isFalse();
	}

	@Test
	void aSearchByPrimaryKeysBuiltByTheClientNeverCombines() {
		SearchRequest byIds = SearchEncoder.encode(Search.in("docs").annsField("vector").ids(1L, 2L).build(),
				FULL_TEXT, 0);
		assertThat(byIds.hasIds()).isTrue();
		assertThat(combinable(byIds)).isFalse();
	}

	@Test
	void aSearchWithGroupSizeNeverCombines() {
		assertThat(combinable(encode((s) -> s.groupBy("id").groupSize(2).strictGroupSize(true)))).isFalse();
	}

	@Test
	void aSearchWithFunctionRankersNeverCombines() {
		assertThat(combinable(encode((s) -> s.ranker(BoostRanker.builder().weight(2).build())))).isFalse();
		assertThat(combinable(
				encode((s) -> s.ranker(DecayRanker.linear("id").origin(10).scale(5).build())))).isFalse();
	}

	@Test
	void aSearchWithAHighlighterNeverCombines() {
		assertThat(combinable(encode((s) -> s.highlighter(Highlighter.lexical().build())))).isFalse();
	}

	@Test
	void sparseVectorsMayCombine() {
		CollectionSchema sparse = CollectionSchema.builder("sparse")
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.builder("sparse", DataType.SPARSE_FLOAT_VECTOR).build())
			.build();
		SearchRequest request = SearchEncoder.encode(
				Search.in("sparse").vector(new SparseVector(new int[] { 1, 7 }, new float[] { 0.5f, 0.25f })).build(),
				sparse, 0);
		assertThat(combinable(request)).isTrue();
	}

}
