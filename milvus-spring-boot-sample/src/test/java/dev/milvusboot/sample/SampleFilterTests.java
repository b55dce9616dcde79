package dev.milvusboot.sample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.milvusboot.autoconfigure.data.repository.MilvusRepositoriesAutoConfiguration;
import dev.milvusboot.sample.documents.Document;
import dev.milvusboot.sample.documents.DocumentRepository;
import dev.milvusboot.sample.embedding.HashingEmbedder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The structured filter fields ({@code category}, {@code textPrefix}, {@code createdAfter}, {@code createdBefore})
 * of the listing, the text search and the vector search, each alone and in every combination, over HTTP on the
 * sample's real Milvus Lite: each answer is checked against the collection's documents filtered (and, for searches,
 * ranked by cosine similarity) in plain Java. Values that look like Milvus expressions, quotes, backslashes and LIKE
 * wildcards match only the documents that have them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleFilterTests extends AbstractSampleHttpTests {

	private static final String HOSTILE = "\" or 1==1 or \"";

	private static final String QUERY = "cats sleep all day";

	private static final String[][] SAMPLE = { { "Cats purr when they are content", "pets" },
			{ "Cats sleep most of the day", "pets" }, { "Dogs love long walks in the park", "pets" },
			{ "Cats in a cookbook, next to the bread", "books" }, { "Bake the bread at a high heat", "food" },
			{ "Bread dough rises overnight", "food" }, { "Cats ignore the rules", "pets" },
			{ "A text without a category", null }, { "x" + HOSTILE + " is a text too", HOSTILE },
			{ "\"Quoted\" text with a backslash \\ and an underscore _", "quotes" },
			{ "% signs start this text about cats", "pets\\" } };

	@Autowired
	private DocumentRepository repository;

	@Autowired
	private ApplicationContext context;

	/** This class's documents, in the order they were added. */
	private final List<Stored> added = new ArrayList<>();

	/** The filter values of the combinations. */
	private Criteria values;

	@BeforeAll
	void addTheSampleDocuments() throws InterruptedException {
		for (String[] document : SAMPLE) {
			Map<String, Object> metadata = (document[1] != null) ? Map.of("category", document[1]) : Map.of();
			Instant before = Instant.now();
			Map<String, Object> created = this.client.post()
				.uri("/documents")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("text", document[0], "metadata", metadata))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(JSON_OBJECT)
				.returnResult()
				.getResponseBody();
			Instant after = Instant.now();
			long id = ((Number) created.get("id")).longValue();
			Map<String, Object> view = this.client.get()
				.uri("/documents/{id}", id)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(JSON_OBJECT)
				.returnResult()
				.getResponseBody();
			Instant stored = Instant.parse((String) view.get("created"));
			assertThat(stored).isBetween(before.minusMillis(1), after);
			this.added.add(new Stored(id, document[0], document[1], stored));
			Thread.sleep(3); // distinct creation times, so that strict bounds keep or drop whole documents
		}
		// after the first document, before the seventh: keeps the second to the sixth
		this.values = new Criteria("pets", "Cats", this.added.get(0).created(), this.added.get(6).created());
	}

	static Stream<Arguments> combinations() {
		return IntStream.range(0, 16).mapToObj((mask) -> Arguments.of(Criteria.describe(mask), mask));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("combinations")
	void listingKeepsWhatTheFieldsMatch(String name, int mask) {
		Criteria criteria = this.values.only(mask);
		List<Stored> expected = expected(criteria);
		if (mask == 15) {
			assertThat(expected).as("the sample data meets every field at once").extracting(Stored::text)
				.containsExactly("Cats sleep most of the day");
		}
		Map<String, Object> listing = list(criteria.parameters());
		assertThat(listing.get("total")).isEqualTo(expected.size());
		assertThat(ids(listing.get("documents"))).containsExactlyElementsOf(
				expected.stream().map(Stored::id).sorted().toList());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("combinations")
	void textSearchKeepsWhatTheFieldsMatchRankedByCosineSimilarity(String name, int mask) {
		Criteria criteria = this.values.only(mask);
		Map<String, Object> parameters = new LinkedHashMap<>(criteria.parameters());
		parameters.put("q", QUERY);
		parameters.put("k", 100);
		assertRanked(search(parameters), expected(criteria), (text) -> ExactSearch.cosine(QUERY, text));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("combinations")
	void vectorSearchKeepsWhatTheFieldsMatchRankedByCosineSimilarity(String name, int mask) {
		Criteria criteria = this.values.only(mask);
		float[] vector = new HashingEmbedder().embed(QUERY);
		Map<String, Object> body = new LinkedHashMap<>(criteria.parameters());
		body.put("vector", vector);
		body.put("k", 100);
		assertRanked(vectorSearch(body), expected(criteria), (text) -> ExactSearch.cosine(vector, text));
	}

	@Test
	void valuesThatLookLikeExpressionsQuotesOrWildcardsMatchOnlyThemselves() {
		assertMatchesOnly(Map.of("category", HOSTILE), 8);
		assertMatchesOnly(Map.of("category", "pets\" or category != \""));
		assertMatchesOnly(Map.of("category", "pets\\"), 10);
		assertMatchesOnly(Map.of("category", "pets\\\" or 1==1 or \\\""));
		assertMatchesOnly(Map.of("textPrefix", "x" + HOSTILE), 8);
		assertMatchesOnly(Map.of("textPrefix", "\"Quoted\" text with a backslash \\"), 9);
		assertMatchesOnly(Map.of("textPrefix", "%"), 10);
		assertMatchesOnly(Map.of("textPrefix", "_"));
		assertMatchesOnly(Map.of("textPrefix", "Cats%"));
		assertMatchesOnly(Map.of("category", "pets", "textPrefix", "C\" or text != \""));
	}

	@Test
	void theRepositoryIsTheOneTheStartersAutoConfigurationCreated() {
		assertThat(this.context.getBeansOfType(MilvusRepositoriesAutoConfiguration.class)).hasSize(1);
		assertThat(this.context.getBeansOfType(DocumentRepository.class)).containsValue(this.repository);
		assertThat(this.repository.count()).isGreaterThanOrEqualTo(SAMPLE.length);
	}

	/** The listing and both searches match exactly the sample documents with these indexes. */
	private void assertMatchesOnly(Map<String, String> fields, int... indexes) {
		Criteria criteria = Criteria.of(fields);
		List<Long> ids = IntStream.of(indexes).mapToObj((index) -> this.added.get(index).id()).toList();
		assertThat(expected(criteria)).extracting(Stored::id).as("in plain Java").containsExactlyElementsOf(ids);
		assertThat(ids(list(fields).get("documents"))).as("listing %s", fields).containsExactlyElementsOf(ids);
		Map<String, Object> parameters = new LinkedHashMap<>(fields);
		parameters.put("q", "cats");
		assertThat(ids(search(parameters))).as("search %s", fields).containsExactlyInAnyOrderElementsOf(ids);
		Map<String, Object> body = new LinkedHashMap<>(fields);
		body.put("vector", new HashingEmbedder().embed("cats"));
		assertThat(ids(vectorSearch(body))).as("vector search %s", fields).containsExactlyInAnyOrderElementsOf(ids);
	}

	/** {@code GET /documents/search} with these query parameters. */
	private List<Map<String, Object>> search(Map<String, Object> parameters) {
		return this.client.get()
			.uri(template("/documents/search", parameters), parameters)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON_ARRAY)
			.returnResult()
			.getResponseBody();
	}

	/** {@code POST /vectors/search} with this JSON body. */
	private List<Map<String, Object>> vectorSearch(Map<String, Object> body) {
		return this.client.post()
			.uri("/vectors/search")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON_ARRAY)
			.returnResult()
			.getResponseBody();
	}

	/** The hits are the expected documents, each with its cosine similarity, best first. */
	private static void assertRanked(List<Map<String, Object>> hits, List<Stored> expected,
			ToDoubleFunction<String> cosine) {
		assertThat(ids(hits)).containsExactlyInAnyOrderElementsOf(expected.stream().map(Stored::id).toList());
		Map<Long, Stored> byId = expected.stream().collect(Collectors.toMap(Stored::id, (stored) -> stored));
		for (Map<String, Object> hit : hits) {
			Stored stored = byId.get(id(hit));
			assertThat(hit.get("text")).isEqualTo(stored.text());
			assertThat(Instant.parse((String) hit.get("created"))).isEqualTo(stored.created());
			assertThat(score(hit)).as("score of %s", stored.text())
				.isCloseTo((float) cosine.applyAsDouble(stored.text()), within(1e-5f));
		}
		assertThat(hits).extracting(SampleFilterTests::score).isSortedAccordingTo(Comparator.reverseOrder());
	}

	/** The collection's documents that the criteria keep, as plain Java sees them. */
	private List<Stored> expected(Criteria criteria) {
		List<Stored> all = this.repository.findAll()
			.stream()
			.map((document) -> new Stored(Objects.requireNonNull(document.id()), document.text(),
					(String) document.metadata().get(Document.CATEGORY), Instant.ofEpochMilli(document.created())))
			.toList();
		assertThat(all).as("every sample document is stored").containsAll(this.added);
		return all.stream().filter(criteria).toList();
	}

	private Map<String, Object> list(Map<String, ?> fields) {
		Map<String, Object> parameters = new LinkedHashMap<>(fields);
		parameters.put("size", 100);
		return this.client.get()
			.uri(template("/documents", parameters), parameters)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON_OBJECT)
			.returnResult()
			.getResponseBody();
	}

	/** A URI template with a query parameter for each name, whose value the client encodes. */
	private static String template(String path, Map<String, ?> parameters) {
		return parameters.keySet()
			.stream()
			.map((name) -> name + "={" + name + "}")
			.collect(Collectors.joining("&", path + "?", ""));
	}

	@SuppressWarnings("unchecked")
	private static List<Long> ids(Object documents) {
		return ((List<Map<String, Object>>) documents).stream().map(SampleFilterTests::id).toList();
	}

	private static long id(Map<String, Object> json) {
		return ((Number) json.get("id")).longValue();
	}

	private static float score(Map<String, Object> hit) {
		return ((Number) hit.get("score")).floatValue();
	}

	/**
	 * A stored document as the tests see it.
	 *
	 * @param id its id
	 * @param text its text
	 * @param category its metadata's category, or {@code null}
	 * @param created when it was stored
	 */
	private record Stored(long id, String text, @Nullable String category, Instant created) {

	}

	/**
	 * Filter values, each {@code null} when not given, and what they keep.
	 *
	 * @param category the category
	 * @param textPrefix the text prefix
	 * @param createdAfter the exclusive lower bound of the creation time
	 * @param createdBefore the exclusive upper bound of the creation time
	 */
	private record Criteria(@Nullable String category, @Nullable String textPrefix, @Nullable Instant createdAfter,
			@Nullable Instant createdBefore) implements Predicate<Stored> {

		private static final List<String> NAMES = List.of("category", "textPrefix", "createdAfter", "createdBefore");

		static Criteria of(Map<String, String> fields) {
			return new Criteria(fields.get("category"), fields.get("textPrefix"), null, null);
		}

		/** The names of the fields a mask selects (bit 0 the category, ... bit 3 createdBefore). */
		static String describe(int mask) {
			List<String> names = IntStream.range(0, 4).filter((bit) -> (mask & (1 << bit)) != 0)
				.mapToObj(NAMES::get)
				.toList();
			return names.isEmpty() ? "no field" : String.join(" + ", names);
		}

		/** These values, keeping only the fields a mask selects. */
		Criteria only(int mask) {
			return new Criteria(((mask & 1) != 0) ? this.category : null, ((mask & 2) != 0) ? this.textPrefix : null,
					((mask & 4) != 0) ? this.createdAfter : null, ((mask & 8) != 0) ? this.createdBefore : null);
		}

		/** The request fields of the given values; instants in ISO-8601. */
		Map<String, Object> parameters() {
			Map<String, Object> parameters = new LinkedHashMap<>();
			List<@Nullable Object> values = Arrays.asList(this.category, this.textPrefix, this.createdAfter,
					this.createdBefore);
			for (int i = 0; i < NAMES.size(); i++) {
				if (values.get(i) != null) {
					parameters.put(NAMES.get(i), values.get(i).toString());
				}
			}
			return parameters;
		}

		@Override
		public boolean test(Stored document) {
			return (this.category == null || this.category.equals(document.category()))
					&& (this.textPrefix == null || document.text().startsWith(this.textPrefix))
					&& (this.createdAfter == null || document.created().isAfter(this.createdAfter))
					&& (this.createdBefore == null || document.created().isBefore(this.createdBefore));
		}

	}

}
