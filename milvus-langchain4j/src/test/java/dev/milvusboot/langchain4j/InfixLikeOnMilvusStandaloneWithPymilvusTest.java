package dev.milvusboot.langchain4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.MilvusStandalone;
import dev.milvusboot.local.junit.MilvusLiteExtension;
import dev.milvusboot.local.junit.MilvusStandaloneTest;
import dev.milvusboot.local.junit.TestNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Why LangChain4j's two ContainsString tests are skipped on Milvus 2.3 ({@code supportsContains()} false): the
 * server itself refuses an infix {@code like}, for pymilvus 3.0.2 as for our client, while it answers a prefix
 * {@code like}. pymilvus comes from the shared Milvus Lite 3's Python environment (the Milvus 2.3 environment has
 * none).
 */
@MilvusStandaloneTest
class InfixLikeOnMilvusStandaloneWithPymilvusTest {

	/** Milvus 2.3.5's own words, after "unsupported pattern: %lau%, ". */
	private static final String REFUSAL = "only prefix pattern match like ab% and equal match like ab(no wildcards) "
			+ "are supported";

	/** pymilvus creates and fills the collection, then runs a prefix and an infix {@code like} on a JSON key. */
	private static final String SCRIPT = """
			import json, sys
			from pymilvus import MilvusClient, DataType, MilvusException
			client = MilvusClient(uri=sys.argv[1])
			name = sys.argv[2]
			schema = client.create_schema(auto_id=False, enable_dynamic_field=False)
			schema.add_field("id", DataType.VARCHAR, is_primary=True, max_length=36)
			schema.add_field("metadata", DataType.JSON)
			schema.add_field("vector", DataType.FLOAT_VECTOR, dim=2)
			index = client.prepare_index_params()
			index.add_index(field_name="vector", index_type="FLAT", metric_type="COSINE")
			client.create_collection(name, schema=schema, index_params=index, consistency_level="Strong")
			client.insert(name, [{"id": "1", "metadata": {"name": "Klaus"}, "vector": [1.0, 0.0]}])
			prefix = client.query(name, filter='metadata["name"] like "Kla%"', output_fields=["id"])
			try:
			    client.query(name, filter='metadata["name"] like "%lau%"', output_fields=["id"])
			    infix = {"refused": False}
			except MilvusException as e:
			    infix = {"refused": True, "code": e.code, "message": e.message}
			print(json.dumps({"version": client.get_server_version(), "prefix": [r["id"] for r in prefix],
			                  "infix": infix}))
			""";

	private static Path python;

	@RegisterExtension
	static final BeforeAllCallback PYMILVUS = (context) -> python = MilvusLiteExtension
		.server(context, MilvusLite.Engine.PYTHON)
		.pythonExecutable();

	private static MilvusStandalone milvus;

	private static MilvusClient client;

	private static String collection;

	@BeforeAll
	static void connect(MilvusStandalone server, TestNames names) {
		milvus = server;
		client = MilvusClient.create(server.uri());
		collection = names.collection("lc4j_like");
	}

	@AfterAll
	static void close() {
		if (client.hasCollection(collection)) {
			client.dropCollection(collection);
		}
		client.close();
	}

	@Test
	@SuppressWarnings("unchecked")
	void milvus23RefusesAnInfixLikeFromPymilvusAndFromOurClientButAnswersAPrefixLike() throws Exception {
		Map<String, Object> answer = pymilvus(milvus.uri(), collection);
		assertThat((String) answer.get("version")).startsWith("v2.3.");
		assertThat((Iterable<Object>) answer.get("prefix")).containsExactly("1");
		Map<String, Object> infix = (Map<String, Object>) answer.get("infix");
		assertThat(infix).containsEntry("refused", true);
		assertThat((String) infix.get("message")).contains("unsupported pattern: %lau%", REFUSAL);

		assertThat(client
			.query(Query.in(collection).filter("metadata[\"name\"] like \"Kla%\"").outputFields("id").build()))
			.hasSize(1);
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client
				.query(Query.in(collection).filter("metadata[\"name\"] like \"%lau%\"").outputFields("id").build()))
			.withMessageContaining("unsupported pattern: %lau%")
			.withMessageContaining(REFUSAL);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> pymilvus(String uri, String name) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(python.toString(), "-c", SCRIPT, uri, name).start();
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("pymilvus failed: %s", errors).isZero();
		String[] lines = output.strip().split("\n");
		return new ObjectMapper().readValue(lines[lines.length - 1], Map.class);
	}

}
