package dev.milvusboot.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A catalogue of bad requests to the running sample over HTTP (on its real Milvus Lite): each gets its 4xx status
 * and a problem detail saying what is wrong, never a 500 or a stack trace.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.walkthrough.enabled=false")
@AutoConfigureRestTestClient
class SampleBadRequestTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private RestTestClient client;

	@DynamicPropertySource
	static void milvusLiteData(DynamicPropertyRegistry registry) {
		try {
			Path data = Files.createTempDirectory("sample-bad-requests-").resolve("data");
			registry.add("milvus.lite.data-directory", data::toString);
			registry.add("milvus.lite.keep-data", () -> "false");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String vectorOf(int size) {
		return "{\"vector\": [" + String.join(",", Collections.nCopies(size, "0.1")) + "], \"k\": 3}";
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
				Arguments.of("bad filter", HttpMethod.GET, "/documents/search?q=cats&filter=metadata[", null, HttpStatus.BAD_REQUEST, "metadata["),
				Arguments.of("filter with an unterminated string", HttpMethod.GET, "/documents/search?q=cats&filter=metadata[\"category\"] == \"pets", null, HttpStatus.BAD_REQUEST, "metadata[\"category\"] == \"pets"),
				Arguments.of("filter with unbalanced parentheses", HttpMethod.GET, "/documents/search?q=cats&filter=(id > 1", null, HttpStatus.BAD_REQUEST, "(id > 1"),
				Arguments.of("filter with a semicolon", HttpMethod.GET, "/documents/search?q=cats&filter=id > 1; id < 5", null, HttpStatus.BAD_REQUEST, "id > 1; id < 5"),
				Arguments.of("filter comparing a number with a string", HttpMethod.GET, "/documents/search?q=cats&filter=id == \"one\"", null, HttpStatus.BAD_REQUEST, "id == \"one\""),
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
