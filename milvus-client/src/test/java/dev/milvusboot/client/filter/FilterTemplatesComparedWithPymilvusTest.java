package dev.milvusboot.client.filter;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.internal.codec.EncodedFilter;
import dev.milvusboot.client.internal.codec.Json;
import dev.milvusboot.client.internal.codec.SearchEncoder;
import dev.milvusboot.client.internal.proto.SearchRequest;
import dev.milvusboot.client.internal.proto.TemplateValue;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No local server reads Milvus filter templates, so the templates our client sends (to Milvus 2.5 and later) are
 * proven by comparison: for each filter, the expression and every {@code expr_template_values} entry of our query,
 * delete and search requests equal those pymilvus 3.0 prepares for the same call (its request preparation, run in
 * the Python of Milvus Lite, no server involved), value by value and type by type. Mixed lists holding strings
 * are left out: pymilvus 3.0.2 parses each such string as JSON text and fails ("Invalid JSON string ... Input
 * string: 'a'"); our client sends the string as a JSON string ({@code "a"}).
 */
@MilvusLiteTest
class FilterTemplatesComparedWithPymilvusTest {

	private static Path python;

	@BeforeAll
	static void python(MilvusLite lite) {
		python = lite.pythonExecutable();
	}

	static List<Object[]> filters() {
		return List.of(new Object[] { "year > {min}", Map.of("min", 2000) },
				new Object[] { "score <= {max} and flag == {flag}", Map.of("max", 2.5, "flag", true) },
				new Object[] { "tag in {tags}", Map.of("tags", List.of("a", "b\"c", "d\\e")) },
				new Object[] { "id in {ids}", Map.of("ids", List.of(1, 2, 3)) },
				new Object[] { "score in {scores}", Map.of("scores", List.of(0.5, 1.5)) },
				new Object[] { "flag in {flags}", Map.of("flags", List.of(true, false)) },
				new Object[] { "meta[\"k\"] in {mixed}", Map.of("mixed", List.of(1, true, 2.5)) },
				new Object[] { "nested in {lists}", Map.of("lists", List.of(List.of(1, 2), List.of(3))) },
				new Object[] { "text == {s}", Map.of("s", "\" or 1==1 or \"\n日本語") },
				new Object[] { "a in {empty}", Map.of("empty", List.of()) });
	}

	@ParameterizedTest
	@MethodSource("filters")
	void ourTemplateValuesAreThoseOfPymilvus(String expression, Map<String, Object> params) throws Exception {
		Filter filter = Filter.of(expression, params);
		EncodedFilter ours = EncodedFilter.of(filter, true);
		SearchRequest search = SearchEncoder.encode(Search.in("docs").annsField("vector").vector(new float[] { 0.1f,
				0.2f, 0.3f, 0.4f }).topK(3).filter(filter).build(), schema(), 0, true);
		Map<String, Object> theirs = pymilvus(expression, params);
		for (String request : List.of("query", "delete", "search")) {
			@SuppressWarnings("unchecked")
			Map<String, Object> prepared = (Map<String, Object>) theirs.get(request);
			assertThat(prepared.get("expr")).as(request).isEqualTo(expression);
			assertThat(decode(prepared.get("values"))).as(request + " template values").isEqualTo(ours.values());
		}
		assertThat(search.getDsl()).isEqualTo(expression);
		assertThat(search.getExprTemplateValuesMap()).isEqualTo(ours.values());
	}

	private static CollectionSchema schema() {
		return CollectionSchema.builder("docs")
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.floatVector("vector", 4))
			.build();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, TemplateValue> decode(Object values) throws Exception {
		Map<String, TemplateValue> decoded = new LinkedHashMap<>();
		for (Map.Entry<String, Object> entry : ((Map<String, Object>) values).entrySet()) {
			decoded.put(entry.getKey(), TemplateValue.parseFrom(Base64.getDecoder().decode((String) entry.getValue())));
		}
		return decoded;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> pymilvus(String expression, Map<String, Object> params) throws Exception {
		Path script = Files.createTempFile("filter_templates", ".py");
		Path input = Files.createTempFile("filter_templates", ".json");
		try (InputStream in = FilterTemplatesComparedWithPymilvusTest.class
			.getResourceAsStream("/requests/filter_templates.py")) {
			Files.write(script, in.readAllBytes());
		}
		Files.writeString(input, Json.write(Map.of("expr", expression, "params", params), "case"));
		Process process = new ProcessBuilder(python.toString(), script.toString(), input.toString()).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(err).isZero();
		Files.deleteIfExists(script);
		Files.deleteIfExists(input);
		return (Map<String, Object>) Json.parse(out);
	}

}
