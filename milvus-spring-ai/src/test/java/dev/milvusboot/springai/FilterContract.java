package dev.milvusboot.springai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.filter.Filter;
import org.springframework.ai.vectorstore.filter.FilterExpressionBuilder;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.local.junit.TestNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each operator of Spring AI's filter language, through the store, against the same documents filtered in plain
 * Java; hostile values never widen a result. One collection per server, written once. The subclasses choose the
 * server.
 */
abstract class FilterContract {

	static final List<String> HOSTILE = List.of("it's", "a\"b", "back\\slash", "\" or 1==1 or \"",
			"' or 1==1 or '", "x\") or (1==1", "\\\" or true or \\\"");

	static MilvusClient client;

	static MilvusClientVectorStore store;

	static List<Document> documents;

	/** The cases the server refuses (set by the subclass): they are skipped quoting the server's answer. */
	static Set<String> serverLacks = Set.of();

	private static final FilterExpressionBuilder b = new FilterExpressionBuilder();

	static void prepare(String uri, TestNames names) {
		serverLacks = Set.of();
		client = MilvusClient.create(uri);
		store = StoreBehaviourContract.store(client, new WordHashEmbeddingModel(), MilvusVectorStoreOptions.builder()
			.collectionName(names.collection("filters")));
		documents = documents();
		store.add(documents);
	}

	@AfterAll
	static void close() {
		client.close();
	}

	/** 30 documents: country, year (missing in some), rating, active, big (a long), author.name. */
	static List<Document> documents() {
		String[] countries = { "BG", "NL", "DE", "FR", "BG", "NL" };
		List<Document> list = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			Map<String, Object> metadata = new LinkedHashMap<>();
			metadata.put("country", (i < HOSTILE.size()) ? HOSTILE.get(i) : countries[i % countries.length]);
			if (i % 7 != 3) {
				metadata.put("year", 2015 + (i % 10));
			}
			metadata.put("rating", (i % 9) * 0.5);
			metadata.put("active", i % 3 == 0);
			metadata.put("big", 9_007_199_254_740_000L + i);
			metadata.put("author", Map.of("name", (i % 4 == 0) ? "ann" : "bob"));
			list.add(new Document("f" + i, "filter document " + i, metadata));
		}
		return list;
	}

	static Stream<Arguments> operators() {
		return Stream.of(
				op("EQ", b.eq("country", "BG").build(), (m) -> "BG".equals(m.get("country"))),
				op("NE", b.ne("country", "BG").build(), (m) -> !"BG".equals(m.get("country"))),
				op("GT", b.gt("year", 2020).build(), (m) -> num(m, "year") != null && num(m, "year") > 2020),
				op("GTE", b.gte("year", 2020).build(), (m) -> num(m, "year") != null && num(m, "year") >= 2020),
				op("LT", b.lt("rating", 1.5).build(), (m) -> num(m, "rating") < 1.5),
				op("LTE", b.lte("year", 2018).build(), (m) -> num(m, "year") != null && num(m, "year") <= 2018),
				op("EQ long", b.eq("big", 9_007_199_254_740_017L).build(), (m) -> m.get("big").equals(9_007_199_254_740_017L)),
				op("EQ boolean", b.eq("active", true).build(), (m) -> Boolean.TRUE.equals(m.get("active"))),
				op("IN", b.in("country", "BG", "NL").build(), (m) -> List.of("BG", "NL").contains(m.get("country"))),
				op("NIN", b.nin("country", "BG", "NL").build(), (m) -> !List.of("BG", "NL").contains(m.get("country"))),
				op("IN numbers", b.in("year", 2016, 2019, 2023).build(), (m) -> m.containsKey("year") && List.of(2016, 2019, 2023).contains(m.get("year"))),
				op("AND", b.and(b.eq("country", "NL"), b.gte("year", 2019)).build(),
						(m) -> "NL".equals(m.get("country")) && num(m, "year") != null && num(m, "year") >= 2019),
				op("OR", b.or(b.eq("country", "DE"), b.eq("active", true)).build(),
						(m) -> "DE".equals(m.get("country")) || Boolean.TRUE.equals(m.get("active"))),
				op("(A or B) and C", b.and(b.group(b.or(b.eq("country", "BG"), b.eq("country", "NL"))), b.gte("year", 2021)).build(),
						(m) -> List.of("BG", "NL").contains(m.get("country")) && num(m, "year") != null && num(m, "year") >= 2021),
				op("A or (B and C)", b.or(b.eq("country", "BG"), b.group(b.and(b.eq("country", "NL"), b.gte("year", 2021)))).build(),
						(m) -> "BG".equals(m.get("country")) || ("NL".equals(m.get("country")) && num(m, "year") != null && num(m, "year") >= 2021)),
				op("NOT", b.not(b.eq("country", "BG")).build(), (m) -> !"BG".equals(m.get("country"))),
				op("NOT group", b.not(b.group(b.and(b.eq("country", "BG"), b.eq("active", true)))).build(),
						(m) -> !("BG".equals(m.get("country")) && Boolean.TRUE.equals(m.get("active")))),
				op("ISNULL", b.isNull("year").build(), (m) -> !m.containsKey("year")),
				op("ISNOTNULL", b.isNotNull("year").build(), (m) -> m.containsKey("year")),
				op("nested key", b.eq("author.name", "ann").build(), (m) -> "ann".equals(((Map<?, ?>) m.get("author")).get("name"))));
	}

	private static Arguments op(String name, Filter.Expression expression, Predicate<Map<String, Object>> java) {
		return Arguments.of(name, expression, java);
	}

	private static Double num(Map<String, Object> metadata, String key) {
		Object value = metadata.get(key);
		return (value instanceof Number number) ? number.doubleValue() : null;
	}

	private static List<String> search(Filter.Expression expression) {
		return store.similaritySearch(SearchRequest.builder().query("filter document").topK(100)
				.filterExpression(expression).build()).stream().map(Document::getId).sorted().toList();
	}

	private static List<String> expected(Predicate<Map<String, Object>> java) {
		return documents.stream().filter((d) -> java.test(d.getMetadata())).map(Document::getId).sorted().toList();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operators")
	void eachOperatorSelectsWhatTheSameFilterSelectsInJava(String name, Filter.Expression expression,
			Predicate<Map<String, Object>> java) {
		List<String> expected = expected(java);
		assertThat(expected).as("the case must select some but not all documents").isNotEmpty().hasSizeLessThan(30);
		if (serverLacks.contains(name)) {
			try {
				search(expression);
			}
			catch (MilvusException ex) {
				Assumptions.abort("This server cannot filter with " + name + "; it answered: " + ex.getMessage());
			}
			throw new AssertionError("This server now accepts " + name + ": remove it from the skipped cases");
		}
		assertThat(search(expression)).isEqualTo(expected);
	}

	@Test
	void springAiFilterTextIsParsedAndTranslatedLikeTheExpression() {
		List<String> found = store.similaritySearch(SearchRequest.builder().query("filter document").topK(100)
				.filterExpression("(country == 'BG' || country == 'NL') && year >= 2021 && author.name == 'ann'")
				.build()).stream().map(Document::getId).sorted().toList();
		assertThat(found).isEqualTo(expected((m) -> List.of("BG", "NL").contains(m.get("country"))
				&& num(m, "year") != null && num(m, "year") >= 2021
				&& "ann".equals(((Map<?, ?>) m.get("author")).get("name"))));
	}

	@Test
	void hostileValuesMatchOnlyTheirOwnDocument() {
		for (String hostile : HOSTILE) {
			assertThat(search(b.eq("country", hostile).build())).as(hostile)
				.isEqualTo(expected((m) -> hostile.equals(m.get("country"))));
			assertThat(search(b.in("country", hostile, "nowhere").build())).as(hostile)
				.isEqualTo(expected((m) -> hostile.equals(m.get("country"))));
		}
		assertThat(search(b.eq("country", "\" or 1==1 or \"x").build())).isEmpty();
		assertThat(search(b.eq("country", "' or '1'=='1").build())).isEmpty();
	}

	@Test
	void aDeleteWithAHostileValueDeletesNothingElse() {
		store.delete(b.eq("country", "nobody\" or 1==1 or \"").build());
		store.delete("country == 'nobody\\' or 1==1 or \\''");
		assertThat(store.similaritySearch(SearchRequest.builder().query("filter document").topK(100).build()))
			.hasSize(30);
	}

	@Test
	void aKeyThatCouldLeaveTheJsonPathIsRefusedBeforeAnythingIsSent() {
		for (String key : List.of("a\"]) or (1==1", "x\\", "", "a..b")) {
			assertThatExceptionOfType(MilvusInvalidArgumentException.class)
				.isThrownBy(() -> search(b.eq(key, "v").build()))
				.withMessageContaining("metadata key");
		}
		assertThat(Objects.requireNonNull(store)).isNotNull();
	}

}
