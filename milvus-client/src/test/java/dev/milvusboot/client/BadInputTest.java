package dev.milvusboot.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.exception.MilvusClientClosedException;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.exception.MilvusNotFoundException;
import dev.milvusboot.client.exception.MilvusTimeoutException;
import dev.milvusboot.client.exception.MilvusUnavailableException;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A catalogue of bad inputs against a real Milvus Lite: each gets a typed exception with a message naming what is
 * wrong, quickly, and none changes the data already stored.
 */
@MilvusLiteTest
class BadInputTest {

	private static final int DIM = 4;

	static MilvusClient client;

	private static String collection;

	static String strict;

	@BeforeAll
	static void setUp(MilvusLite lite, TestNames names) {
		client = MilvusClient.create(MilvusClientOptions.builder().uri(lite.uri()).build());
		collection = names.collection("bad_input");
		client.createCollection(CollectionSchema.builder(collection)
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.floatVector("vector", DIM))
			.field(FieldSchema.varchar("title", 10))
			.field(FieldSchema.scalar("year", DataType.INT16))
			.build());
		client.createIndex(dev.milvusboot.client.schema.IndexParams.builder(collection, "vector")
			.indexType(dev.milvusboot.client.schema.IndexType.FLAT)
			.metric(MetricType.L2)
			.build());
		client.loadCollection(collection);
		client.insert(collection, List.of(row(1L, new float[] { 1, 2, 3, 4 }, "one", 2001)));
		strict = collection;
	}

	@AfterAll
	static void tearDown() {
		client.close();
	}

	static Map<String, Object> row(Object id, Object vector, Object title, Object year) {
		Map<String, Object> row = new HashMap<>();
		row.put("id", id);
		row.put("vector", vector);
		row.put("title", title);
		row.put("year", year);
		return row;
	}

	private static Arguments bad(String name, Class<? extends MilvusException> type, String messagePart,
			Consumer<MilvusClient> call) {
		return Arguments.of(name, type, messagePart, call);
	}

	static Stream<Arguments> badInputs() {
		return Stream.of(
				bad("wrong vector dimension", MilvusInvalidArgumentException.class, "dimension is 4",
						(c) -> c.insert(strict, List.of(row(2L, new float[] { 1, 2, 3 }, "t", 1)))),
				bad("NaN in a vector", MilvusInvalidArgumentException.class, "NaN at position 1",
						(c) -> c.insert(strict, List.of(row(2L, new float[] { 1, Float.NaN, 3, 4 }, "t", 1)))),
				bad("infinity in a vector", MilvusInvalidArgumentException.class, "Infinity",
						(c) -> c.insert(strict,
								List.of(row(2L, new float[] { 1, 2, 3, Float.POSITIVE_INFINITY }, "t", 1)))),
				bad("empty batch", MilvusInvalidArgumentException.class, "at least one row",
						(c) -> c.insert(strict, List.of())),
				bad("missing field", MilvusInvalidArgumentException.class, "no value for field 'title'",
						(c) -> c.insert(strict, List.of(Map.of("id", 2L, "vector", new float[4], "year", 1)))),
				bad("string for an int field", MilvusInvalidArgumentException.class, "Field 'year' in row 0",
						(c) -> c.insert(strict, List.of(row(2L, new float[4], "t", "1999")))),
				bad("int out of range for INT16", MilvusInvalidArgumentException.class, "out of range for INT16",
						(c) -> c.insert(strict, List.of(row(2L, new float[4], "t", 70000)))),
				bad("vector as a list", MilvusInvalidArgumentException.class, "float[]",
						(c) -> c.insert(strict, List.of(row(2L, List.of(1f, 2f, 3f, 4f), "t", 1)))),
				bad("varchar too long", MilvusInvalidArgumentException.class, "max length of 10",
						(c) -> c.insert(strict, List.of(row(2L, new float[4], "much too long", 1)))),
				bad("unknown field without dynamic field", MilvusInvalidArgumentException.class, "'colour'",
						(c) -> {
							Map<String, Object> row = row(2L, new float[4], "t", 1);
							row.put("colour", "red");
							c.insert(strict, List.of(row));
						}),
				bad("second row bad, first fine", MilvusInvalidArgumentException.class, "row 1",
						(c) -> c.insert(strict,
								List.of(row(2L, new float[4], "t", 1), row(3L, new float[2], "t", 1)))),
				bad("null row", MilvusInvalidArgumentException.class, "row 0 is null",
						(c) -> c.insert(strict, java.util.Collections.singletonList(null))),
				bad("unknown collection", MilvusNotFoundException.class, "no_such_collection",
						(c) -> c.insert("no_such_collection", List.of(row(2L, new float[4], "t", 1)))),
				bad("unknown partition", MilvusException.class, "no_such_partition",
						(c) -> c.insert(strict, "no_such_partition", List.of(row(2L, new float[4], "t", 1)))),
				bad("invalid collection name", MilvusInvalidArgumentException.class, "contains '-'",
						(c) -> c.query(Query.in("bad-name").filter("id > 0").build())),
				bad("name starting with a digit", MilvusInvalidArgumentException.class, "must start with a letter",
						(c) -> c.count("1st", "")),
				bad("search with the wrong dimension", MilvusInvalidArgumentException.class, "dimension 4",
						(c) -> c.search(Search.in(strict).vector(new float[] { 1, 2 }).build())),
				bad("search with NaN", MilvusInvalidArgumentException.class, "NaN",
						(c) -> c.search(Search.in(strict).vector(new float[] { 1, 2, Float.NaN, 4 }).build())),
				bad("topK zero", MilvusInvalidArgumentException.class, "topK must be between 1 and 16384",
						(c) -> c.search(Search.in(strict).vector(new float[4]).topK(0).build())),
				bad("topK too large", MilvusInvalidArgumentException.class, "topK must be between 1 and 16384",
						(c) -> c.search(Search.in(strict).vector(new float[4]).topK(20000).build())),
				bad("search an unknown vector field", MilvusInvalidArgumentException.class, "not a vector field",
						(c) -> c.search(Search.in(strict).annsField("title").vector(new float[4]).build())),
				bad("invalid filter expression", MilvusInvalidArgumentException.class, "where year >>> 3 failed",
						(c) -> c.query(Query.in(strict).filter("year >>> 3").build())),
				bad("filter on an unknown field", MilvusInvalidArgumentException.class, "nope",
						(c) -> c.query(Query.in(strict).filter("nope == 3").build())),
				bad("query without filter or limit", MilvusInvalidArgumentException.class,
						"needs a filter expression or a limit", (c) -> c.query(Query.in(strict).build())),
				bad("delete without ids", MilvusInvalidArgumentException.class, "at least one id",
						(c) -> c.delete(strict, List.of())),
				bad("string id for an int64 key", MilvusInvalidArgumentException.class, "must be an integer",
						(c) -> c.get(strict, List.of("abc"))),
				bad("malformed URI", MilvusInvalidArgumentException.class, "Milvus URI",
						(c) -> MilvusClient.create("http://[bad")),
				bad("unknown URI scheme", MilvusInvalidArgumentException.class, "ftp",
						(c) -> MilvusClient.create("ftp://localhost:19530")),
				bad("negative pool size", MilvusInvalidArgumentException.class, "poolSize",
						(c) -> MilvusClientOptions.builder().poolSize(0).build()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badInputs")
	void whenInputIsBadThenATypedExceptionSaysWhatIsWrongAndNothingChanges(String name,
			Class<? extends MilvusException> type, String messagePart, Consumer<MilvusClient> call) {
		long before = client.count(strict, "");
		long start = System.nanoTime();
		assertThatExceptionOfType(type).isThrownBy(() -> call.accept(client)).withMessageContaining(messagePart);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(client.count(strict, "")).isEqualTo(before);
		assertThat(client.get(strict, List.of(1L), "title").get(0).getString("title")).isEqualTo("one");
	}

	@ParameterizedTest(name = "unreachable server: {0}")
	@MethodSource("unreachable")
	void whenTheServerIsUnreachableThenTheCallFailsWithinItsDeadline(String what, Consumer<MilvusClient> call) {
		try (MilvusClient dead = MilvusClient.create(MilvusClientOptions.builder()
			.uri("http://127.0.0.1:" + freePort())
			.requestTimeout(Duration.ofSeconds(2))
			.connectTimeout(Duration.ofSeconds(1))
			.build())) {
			long start = System.nanoTime();
			assertThatExceptionOfType(MilvusException.class).isThrownBy(() -> call.accept(dead))
				.matches((ex) -> ex instanceof MilvusUnavailableException || ex instanceof MilvusTimeoutException)
				.withMessageContaining("127.0.0.1");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
		}
	}

	static Stream<Arguments> unreachable() {
		return Stream.of(Arguments.of("version", (Consumer<MilvusClient>) MilvusClient::serverVersion),
				Arguments.of("count", (Consumer<MilvusClient>) (c) -> c.count("docs", "")));
	}

	@ParameterizedTest(name = "closed client: {0}")
	@MethodSource("unreachable")
	void whenTheClientIsClosedThenCallsFailAtOnce(String what, Consumer<MilvusClient> call) {
		MilvusClient closed = MilvusClient.create(client.options());
		closed.close();
		assertThatExceptionOfType(MilvusClientClosedException.class).isThrownBy(() -> call.accept(closed))
			.withMessageContaining("closed");
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}


}
