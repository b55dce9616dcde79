package dev.milvusboot.client.internal.codec;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.internal.proto.KeyValuePair;
import dev.milvusboot.client.internal.proto.SearchRequest;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.MetricType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search parameters built once per shape of search ({@link SearchParameters}): every search gets exactly the
 * pairs built for it alone, so requests are byte for byte what they were before the pairs were shared.
 */
class SearchParametersTest {

	private static final CollectionSchema SCHEMA = CollectionSchema.builder("docs")
		.field(FieldSchema.int64Id("id", false))
		.field(FieldSchema.floatVector("vector", 3))
		.field(FieldSchema.varchar("tag", 16))
		.build();

	private static final List<UnaryOperator<Search.Builder>> SEARCHES = List.of((s) -> s,
			(s) -> s.topK(10).param("ef", 64), (s) -> s.topK(5).param("ef", 64),
			(s) -> s.topK(10).param("ef", 32).metric(MetricType.COSINE),
			(s) -> s.topK(3).param("nprobe", 16).param("radius", 0.5).param("range_filter", 0.9),
			(s) -> s.topK(3).offset(2).roundDecimal(3), (s) -> s.topK(3).groupBy("tag").groupSize(2).strictGroupSize(true),
			(s) -> s.topK(3).param("search_list", List.of(1, 2)).param("nested", Map.of("a", 1)));

	private static Search search(UnaryOperator<Search.Builder> shape, float[] vector) {
		return shape.apply(Search.in("docs").vector(vector)).build();
	}

	@Test
	void eachSearchGetsThePairsBuiltForItAlone() {
		for (UnaryOperator<Search.Builder> shape : SEARCHES) {
			for (float[] vector : List.of(new float[] { 1, 2, 3 }, new float[] { 4, 5, 6 })) {
				Search search = search(shape, vector);
				assertThat(SearchParameters.of(search, "vector")).isEqualTo(SearchParameters.build(search, "vector"));
			}
		}
	}

	@Test
	void requestsOfOneShapeAreByteForByteThoseBuiltAlone() {
		for (UnaryOperator<Search.Builder> shape : SEARCHES) {
			Search search = search(shape, new float[] { 1, 2, 3 });
			SearchRequest first = SearchEncoder.encode(search, SCHEMA, 0);
			SearchRequest second = SearchEncoder.encode(search(shape, new float[] { 1, 2, 3 }), SCHEMA, 0);
			SearchRequest alone = first.toBuilder()
				.clearSearchParams()
				.addAllSearchParams(SearchParameters.build(search, "vector"))
				.build();
			assertThat(second.toByteArray()).isEqualTo(first.toByteArray()).isEqualTo(alone.toByteArray());
		}
	}

	@Test
	void theTopLevelAndIndexParametersAreSentAsMilvusReadsThem() {
		Search search = Search.in("docs").vector(new float[] { 1, 2, 3 }).topK(10).param("ef", 64).build();
		assertThat(SearchEncoder.encode(search, SCHEMA, 0).getSearchParamsList())
			.extracting(KeyValuePair::getKey, KeyValuePair::getValue)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("anns_field", "vector"),
					org.assertj.core.groups.Tuple.tuple("topk", "10"),
					org.assertj.core.groups.Tuple.tuple("round_decimal", "-1"),
					org.assertj.core.groups.Tuple.tuple("offset", "0"),
					org.assertj.core.groups.Tuple.tuple("ignore_growing", "false"),
					org.assertj.core.groups.Tuple.tuple("ef", "64"),
					org.assertj.core.groups.Tuple.tuple("params", "{\"ef\":64}"));
	}

	@Test
	void searchesOfAnotherShapeDoNotShareTheirPairs() {
		Search ten = Search.in("docs").vector(new float[] { 1, 2, 3 }).topK(10).param("ef", 64).build();
		Search five = Search.in("docs").vector(new float[] { 1, 2, 3 }).topK(5).param("ef", 64).build();
		Search otherField = Search.in("docs").vector(new float[] { 1, 2, 3 }).topK(10).param("ef", 64).build();
		assertThat(value(SearchParameters.of(ten, "vector"), "topk")).isEqualTo("10");
		assertThat(value(SearchParameters.of(five, "vector"), "topk")).isEqualTo("5");
		assertThat(value(SearchParameters.of(otherField, "other"), "anns_field")).isEqualTo("other");
		assertThat(value(SearchParameters.of(ten, "vector"), "anns_field")).isEqualTo("vector");
	}

	private static String value(List<KeyValuePair> pairs, String key) {
		return pairs.stream().filter((p) -> p.getKey().equals(key)).findFirst().orElseThrow().getValue();
	}

}
