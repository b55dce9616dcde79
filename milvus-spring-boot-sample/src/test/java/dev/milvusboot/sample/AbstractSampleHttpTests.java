package dev.milvusboot.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The running sample without its walkthrough, over HTTP, on the real Milvus Lite its own configuration starts
 * ({@code milvus.lite.enabled=true}) with its data in a temporary directory deleted at shutdown. The classes
 * extending it (in this package and in {@code documents}) share one application context, hence one Milvus Lite and
 * one {@code documents} collection.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.walkthrough.enabled=false")
@AutoConfigureRestTestClient
public abstract class AbstractSampleHttpTests {

	static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_ARRAY = new ParameterizedTypeReference<>() {
	};

	@Autowired
	RestTestClient client;

	@DynamicPropertySource
	static void milvusLiteData(DynamicPropertyRegistry registry) {
		temporaryMilvusLiteData(registry);
	}

	/** Keeps Milvus Lite's data in a new temporary directory, deleted at shutdown. */
	static void temporaryMilvusLiteData(DynamicPropertyRegistry registry) {
		try {
			Path data = Files.createTempDirectory("sample-milvus-lite-").resolve("data");
			registry.add("milvus.lite.data-directory", data::toString);
			registry.add("milvus.lite.keep-data", () -> "false");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
