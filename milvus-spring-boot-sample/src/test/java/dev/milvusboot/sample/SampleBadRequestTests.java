package dev.milvusboot.sample;

import java.util.Collections;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A catalogue of bad requests to the running sample over HTTP (on its real Milvus Lite): each gets its 4xx status
 * and a problem detail saying what is wrong, never a 500 or a stack trace.
 */
class SampleBadRequestTests extends AbstractSampleHttpTests {

	private static String vectorOf(int size) {
		return vectorOf(size, "");
	}

	private static String vectorOf(int size, String members) {
		return "{\"vector\": [" + String.join(",", Collections.nCopies(size, "0.1")) + "], \"k\": 3" + members + "}";
	}

	static Stream<Arguments> badRequests() {
		return Stream.of(
				Arguments.of("missing text", HttpMethod.POST, "/documents", "{\"metadata\": {}}", HttpStatus.BAD_REQUEST, "'text'"),
				Arguments.of("blank text", HttpMethod.POST, "/documents", "{\"text\": \"   \"}", HttpStatus.BAD_REQUEST, "'text'"),
				Arguments.of("text without words", HttpMethod.POST, "/documents", "{\"text\": \"!!! ...\"}", HttpStatus.BAD_REQUEST, "word"),
				Arguments.of("malformed JSON", HttpMethod.POST, "/documents", "{\"text\": ", HttpStatus.BAD_REQUEST, ""),
				Arguments.of("unknown document", HttpMethod.GET, "/documents/987654321", null, HttpStatus.NOT_FOUND, "987654321"),
				Arguments.of("delete unknown document", HttpMethod.DELETE, "/documents/987654321", null, HttpStatus.NOT_FOUND, "987654321"),
				Arguments.of("non-numeric id", HttpMethod.GET, "/documents/abc", null, HttpStatus.BAD_REQUEST, ""),
				Arguments.of("search without q", HttpMethod.GET, "/documents/search", null, HttpStatus.BAD_REQUEST, "'q'"),
				Arguments.of("k of zero", HttpMethod.GET, "/documents/search?q=cats&k=0", null, HttpStatus.BAD_REQUEST, "'k'"),
				Arguments.of("k too large", HttpMethod.GET, "/documents/search?q=cats&k=100000", null, HttpStatus.BAD_REQUEST, "'k'"),
				Arguments.of("raw filter expression", HttpMethod.GET, "/documents/search?q=cats&filter=metadata[", null, HttpStatus.BAD_REQUEST, "'filter' (a raw Milvus expression) is no longer accepted"),
				Arguments.of("valid raw filter expression", HttpMethod.GET, "/documents/search?q=cats&filter=metadata[\"category\"] == \"pets\"", null, HttpStatus.BAD_REQUEST, "'category', 'textPrefix', 'createdAfter' and 'createdBefore'"),
				Arguments.of("raw filter in a listing", HttpMethod.GET, "/documents?filter=id > 1", null, HttpStatus.BAD_REQUEST, "'filter'"),
				Arguments.of("raw filter in a vector search", HttpMethod.POST, "/vectors/search", vectorOf(256, ", \"filter\": \"id > 1\""), HttpStatus.BAD_REQUEST, "'filter'"),
				Arguments.of("createdAfter not a date", HttpMethod.GET, "/documents/search?q=cats&createdAfter=yesterday", null, HttpStatus.BAD_REQUEST, "'createdAfter' must be an ISO-8601 instant such as 2026-01-31T09:30:00Z or a date such as 2026-01-31, but was 'yesterday'"),
				Arguments.of("createdBefore not a date", HttpMethod.GET, "/documents?createdBefore=2026-13-45", null, HttpStatus.BAD_REQUEST, "'createdBefore' must be an ISO-8601 instant"),
				Arguments.of("createdBefore without a time zone", HttpMethod.GET, "/documents?createdBefore=2026-01-31T09:30:00", null, HttpStatus.BAD_REQUEST, "'createdBefore'"),
				Arguments.of("createdAfter out of range", HttpMethod.GET, "/documents?createdAfter=-1000000000-01-01T00:00:00Z", null, HttpStatus.BAD_REQUEST, "'createdAfter' is out of range"),
				Arguments.of("createdAfter not a date in a vector search", HttpMethod.POST, "/vectors/search", vectorOf(256, ", \"createdAfter\": \"soon\""), HttpStatus.BAD_REQUEST, "'createdAfter'"),
				Arguments.of("empty category", HttpMethod.GET, "/documents/search?q=cats&category=", null, HttpStatus.BAD_REQUEST, "'category' must not be blank"),
				Arguments.of("category too long", HttpMethod.GET, "/documents?category=" + "c".repeat(257), null, HttpStatus.BAD_REQUEST, "'category' must have at most 256 characters"),
				Arguments.of("empty textPrefix", HttpMethod.GET, "/documents?textPrefix=", null, HttpStatus.BAD_REQUEST, "'textPrefix' must not be empty"),
				Arguments.of("page size of zero", HttpMethod.GET, "/documents?size=0", null, HttpStatus.BAD_REQUEST, "'size' must be between 1 and 100"),
				Arguments.of("negative page", HttpMethod.GET, "/documents?page=-1", null, HttpStatus.BAD_REQUEST, "'page'"),
				Arguments.of("category that is not a string", HttpMethod.POST, "/documents", "{\"text\": \"cats\", \"metadata\": {\"category\": 5}}", HttpStatus.BAD_REQUEST, "'metadata.category' must be a string"),
				Arguments.of("vector of the wrong size", HttpMethod.POST, "/vectors/search", vectorOf(3), HttpStatus.BAD_REQUEST, "dimension 256"),
				Arguments.of("no vector", HttpMethod.POST, "/vectors/search", "{\"k\": 3}", HttpStatus.BAD_REQUEST, "'vector'"),
				Arguments.of("wrong method", HttpMethod.PUT, "/documents/1", "{}", HttpStatus.METHOD_NOT_ALLOWED, ""));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void whenARequestIsBadThenItGetsAProblemDetailSayingWhy(String name, HttpMethod method, String path, String body,
			HttpStatus status, String detail) {
		RestTestClient.RequestBodySpec request = this.client.method(method).uri(path);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		request.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(JSON_OBJECT)
			.value((problem) -> {
				assertThat(problem).containsEntry("status", status.value()).doesNotContainKey("trace");
				assertThat(String.valueOf(problem.get("detail"))).contains(detail).doesNotContain("Exception:");
			});
	}

}
