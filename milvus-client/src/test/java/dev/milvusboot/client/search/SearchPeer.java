package dev.milvusboot.client.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.milvusboot.client.internal.codec.Json;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the pymilvus peer of the search tests ({@code /search/search_peer.py}) with one JSON command. */
final class SearchPeer {

	private final Path python;

	private final String uri;

	SearchPeer(Path python, String uri) {
		this.python = python;
		this.uri = uri;
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> run(Map<String, Object> command) throws IOException, InterruptedException {
		Path script = Files.createTempFile("search_peer", ".py");
		try (InputStream in = SearchPeer.class.getResourceAsStream("/search/search_peer.py")) {
			Files.write(script, in.readAllBytes());
		}
		Map<String, Object> full = new LinkedHashMap<>(command);
		if (this.uri != null) {
			full.put("uri", this.uri);
		}
		Process process = new ProcessBuilder(this.python.toString(), script.toString()).start();
		process.getOutputStream().write(Json.write(full, "command").getBytes(StandardCharsets.UTF_8));
		process.getOutputStream().close();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(err).isZero();
		Files.deleteIfExists(script);
		return (Map<String, Object>) Json.parse(out);
	}

}
