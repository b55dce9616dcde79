package dev.milvusboot.sample;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.sample.embedding.HashingEmbedder;
import dev.milvusboot.sample.walkthrough.MilvusWalkthrough;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Drives the running sample over HTTP against the real Milvus Lite its own configuration starts
 * ({@code milvus.lite.enabled=true}), with its data in a temporary directory deleted at shutdown.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class SampleApplicationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_ARRAY =
			new ParameterizedTypeReference<>() {
			};

	@Autowired
	private RestTestClient client;

	@Autowired
	private MilvusTemplate template;

	@DynamicPropertySource
	static void milvusLiteData(DynamicPropertyRegistry registry) {
		AbstractSampleHttpTests.temporaryMilvusLiteData(registry);
	}

	@Test
	void documentsAreAddedFoundByMeaningWithFiltersReadAndDeleted() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		long cat = add("Cats purr when they are content and sleep most of the day", "pets-" + run);
		long dog = add("Dogs love long walks in the park and playing fetch", "pets-" + run);
		long kitten = add("A kitten chases a ball of yarn across the room", "pets-" + run);
		long bread = add("Bake the bread at a high heat until the crust is golden", "food-" + run);

		List<Map<String, Object>> hits = this.client.get()
			.uri((uri) -> uri.path("/documents/search")
				.queryParam("q", "why do cats purr")
				.queryParam("k", 3)
				.queryParam("category", "pets-" + run)
				.build())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON_ARRAY)
			.returnResult()
			.getResponseBody();
		// the same answers as with the raw filter metadata["category"] == "pets-<run>": the three pets, each with
		// the cosine similarity computed here
		Map<Long, String> pets = Map.of(cat, "Cats purr when they are content and sleep most of the day", dog,
				"Dogs love long walks in the park and playing fetch", kitten,
				"A kitten chases a ball of yarn across the room");
		assertThat(hits).allSatisfy((hit) -> assertThat(score(hit))
			.isCloseTo(ExactSearch.cosine("why do cats purr", pets.get(id(hit))), within(1e-5f)));
		assertThat(hits).hasSize(3);
		assertThat(id(hits.get(0))).isEqualTo(cat);
		assertThat(hits).extracting(SampleApplicationTests::id).containsExactlyInAnyOrder(cat, dog, kitten);
		assertThat(hits)
			.allSatisfy((hit) -> assertThat(hit.get("metadata")).isEqualTo(Map.of("category", "pets-" + run)));
		assertThat(score(hits.get(0))).isGreaterThan(score(hits.get(1)));
		assertThat(score(hits.get(1))).isGreaterThanOrEqualTo(score(hits.get(2)));

		List<Map<String, Object>> food = this.client.get()
			.uri((uri) -> uri.path("/documents/search")
				.queryParam("q", "golden crust")
				.queryParam("category", "food-" + run)
				.build())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON_ARRAY)
			.returnResult()
			.getResponseBody();
		assertThat(food).extracting(SampleApplicationTests::id).containsExactly(bread);

		this.client.get()
			.uri("/documents/{id}", dog)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON_OBJECT)
			.value((document) -> {
				assertThat(id(document)).isEqualTo(dog);
				assertThat(document.get("text")).isEqualTo("Dogs love long walks in the park and playing fetch");
				assertThat(document.get("metadata")).isEqualTo(Map.of("category", "pets-" + run));
			});

		this.client.delete().uri("/documents/{id}", dog).exchange().expectStatus().isNoContent();
		assertProblem(this.client.get().uri("/documents/{id}", dog).exchange(), HttpStatus.NOT_FOUND,
				"No document with id " + dog);
		assertProblem(this.client.delete().uri("/documents/{id}", dog).exchange(), HttpStatus.NOT_FOUND,
				"No document with id " + dog);
	}

	@Test
	void aRawVectorFindsTheDocumentItWasEmbeddedFrom() {
		String text = "Milvus stores vectors and finds the nearest ones quickly " + UUID.randomUUID();
		long id = add(text, "vectors");
		float[] vector = new HashingEmbedder().embed(text);
		this.client.post()
			.uri("/vectors/search")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("vector", vector, "k", 2))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON_ARRAY)
			.value((hits) -> {
				assertThat(hits).hasSize(2);
				assertThat(id(hits.get(0))).isEqualTo(id);
				assertThat(score(hits.get(0))).isGreaterThan(0.99f);
				assertThat(hits.get(0).get("text")).isEqualTo(text);
			});
	}

	@Test
	void badRequestsGetProblemDetailsWithClearMessages() {
		assertProblem(post("/documents", Map.of("metadata", Map.of("category", "x"))), HttpStatus.BAD_REQUEST,
				"'text' is required");
		assertProblem(post("/documents", Map.of("text", "  ")), HttpStatus.BAD_REQUEST, "'text' is required");
		assertProblem(post("/documents", Map.of("text", "?!")), HttpStatus.BAD_REQUEST, "at least one word");
		assertProblem(post("/documents", "{\"text\": "), HttpStatus.BAD_REQUEST, "Failed to read request");
		assertProblem(post("/vectors/search", Map.of("vector", new float[] { 0.1f, 0.2f, 0.3f })),
				HttpStatus.BAD_REQUEST, "dim");
		assertProblem(post("/vectors/search", Map.of("k", 3)), HttpStatus.BAD_REQUEST, "'vector' is required");
		assertProblem(this.client.get().uri("/documents/{id}", 987654321L).exchange(), HttpStatus.NOT_FOUND,
				"No document with id 987654321");
		assertProblem(this.client.get().uri("/documents/not-a-number").exchange(), HttpStatus.BAD_REQUEST, "id");
		assertProblem(this.client.get()
			.uri((uri) -> uri.path("/documents/search").queryParam("q", "cats").queryParam("filter", "category ==")
				.build())
			.exchange(), HttpStatus.BAD_REQUEST, "'filter' (a raw Milvus expression) is no longer accepted");
		assertProblem(this.client.get()
			.uri((uri) -> uri.path("/documents/search")
				.queryParam("q", "cats")
				.queryParam("createdAfter", "no_such_date")
				.build())
			.exchange(), HttpStatus.BAD_REQUEST, "'createdAfter' must be an ISO-8601 instant");
		assertProblem(this.client.get()
			.uri((uri) -> uri.path("/documents/search").queryParam("q", "cats").queryParam("k", 0).build())
			.exchange(), HttpStatus.BAD_REQUEST, "'k' must be between 1 and 100");
		assertProblem(this.client.get().uri("/documents/search").exchange(), HttpStatus.BAD_REQUEST, "'q'");
	}

	@Test
	void healthShowsMilvusUpWithItsVersion() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.milvus.status")
			.isEqualTo("UP")
			.jsonPath("$.components.milvus.details.version")
			.value((version) -> assertThat(version).asString().contains("milvus_lite"));
	}

	@Test
	void metricsCountMilvusOperations() {
		add("Counted by the metrics " + UUID.randomUUID(), "metrics");
		this.client.get()
			.uri("/actuator/metrics/milvus.client.operations")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON_OBJECT)
			.value((metric) -> {
				assertThat(metric.get("name")).isEqualTo("milvus.client.operations");
				assertThat(metric.get("measurements")).asInstanceOf(InstanceOfAssertFactories.LIST)
					.anySatisfy((measurement) -> {
						Map<?, ?> m = (Map<?, ?>) measurement;
						assertThat(m.get("statistic")).isEqualTo("COUNT");
						assertThat(((Number) m.get("value")).doubleValue()).isPositive();
					});
				assertThat(metric.get("availableTags")).asInstanceOf(InstanceOfAssertFactories.LIST)
					.anySatisfy((tag) -> assertThat(((Map<?, ?>) tag).get("tag")).isEqualTo("operation"));
			});
		this.client.get()
			.uri((uri) -> uri.path("/actuator/metrics/milvus.client.operations")
				.queryParam("tag", "operation:insert")
				.queryParam("tag", "outcome:success")
				.build())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.measurements[?(@.statistic == 'COUNT')].value")
			.value((counts) -> assertThat(counts).asInstanceOf(InstanceOfAssertFactories.LIST)
				.singleElement()
				.satisfies((count) -> assertThat(((Number) count).doubleValue()).isGreaterThanOrEqualTo(1)));
	}

	@Test
	void walkthroughRanAtStartUp() {
		assertThat(this.template.listPartitions(MilvusWalkthrough.COLLECTION)).contains(MilvusWalkthrough.PARTITION);
		assertThat(this.template.count(MilvusWalkthrough.COLLECTION)).isEqualTo(220);
		assertThat(this.template.count(MilvusWalkthrough.COLLECTION_WITH_IDS)).isEqualTo(8);
	}

	private long add(String text, String category) {
		Map<String, Object> created = post("/documents", Map.of("text", text, "metadata", Map.of("category", category)))
			.expectStatus()
			.isCreated()
			.expectHeader()
			.value("Location", (location) -> assertThat(location).matches(".*/documents/\\d+"))
			.expectBody(JSON_OBJECT)
			.returnResult()
			.getResponseBody();
		return id(created);
	}

	private RestTestClient.ResponseSpec post(String path, Object body) {
		return this.client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	private static void assertProblem(RestTestClient.ResponseSpec response, HttpStatus status, String detail) {
		response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(JSON_OBJECT)
			.value((problem) -> {
				assertThat(problem).containsEntry("status", status.value()).containsKey("title").doesNotContainKey("trace");
				assertThat((String) problem.get("detail")).contains(detail);
			});
	}

	private static float score(Map<String, Object> hit) {
		return ((Number) hit.get("score")).floatValue();
	}

	private static long id(Map<String, Object> json) {
		return ((Number) json.get("id")).longValue();
	}

}
