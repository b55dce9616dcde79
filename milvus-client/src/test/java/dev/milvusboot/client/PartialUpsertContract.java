package dev.milvusboot.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import dev.milvusboot.client.data.MutationResult;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.junit.TestNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Partial upserts ({@code partialUpsert}): only the fields sent change, read back from a real server. Subclasses
 * connect to their server; one that has no partial upsert skips, quoting its answer to the first one.
 */
abstract class PartialUpsertContract {

	private static final float[] FIRST = { 0.5f, 0.25f, -1f, 2f };

	private static final float[] SECOND = { 1f, 0f, 0f, 0.125f };

	static MilvusClient client;

	static AdminFixtures.RecordingListener calls;

	static TestNames names;

	/** The server's name where it has no partial upsert, else {@code null}. */
	private static String lacking;

	static void connect(String uri, TestNames testNames, String serverLacking) {
		calls = new AdminFixtures.RecordingListener();
		client = MilvusClient.create(MilvusClientOptions.builder().uri(uri).listener(calls).build());
		names = testNames;
		lacking = serverLacking;
	}

	@AfterAll
	static void close() {
		client.close();
	}

	/** A loaded collection with rows 1 ("one", 2001, FIRST) and 2 ("two", 2002, SECOND). */
	private static String collection(String prefix) {
		String name = names.collection(prefix);
		client.createCollection(CollectionSchema.builder(name)
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.floatVector("vector", 4))
			.field(FieldSchema.scalar("year", DataType.INT64))
			.field(FieldSchema.varchar("title", 32))
			.build());
		client.insert(name, List.of(Map.of("id", 1L, "vector", FIRST, "year", 2001L, "title", "one"),
				Map.of("id", 2L, "vector", SECOND, "year", 2002L, "title", "two")));
		client.createIndex(IndexParams.builder(name, "vector").indexType(IndexType.FLAT).metric(MetricType.L2).build());
		client.loadCollection(name);
		return name;
	}

	/** The first partial upsert of a test: skipped, quoting the server, where the server has none. */
	private static void firstPartialUpsert(String name, List<Map<String, ?>> rows) {
		if (lacking != null) {
			ServerLacks.skip(lacking, "partial upsert", () -> client.partialUpsert(name, rows));
		}
		MutationResult result = client.partialUpsert(name, rows);
		assertThat(result.upsertCount()).isEqualTo(rows.size());
	}

	private static Row row(String name, long id) {
		List<Row> rows = client.get(name, List.of(id), "vector", "year", "title");
		assertThat(rows).hasSize(1);
		return rows.get(0);
	}

	@Test
	void aScalarChangesAndTheVectorThatWasNotSentStays() {
		String name = collection("partial_scalar");

		firstPartialUpsert(name, List.of(Map.of("id", 2L, "year", 1999L)));

		Row changed = row(name, 2);
		assertThat(changed.getLong("year")).isEqualTo(1999L);
		assertThat(changed.getFloatVector("vector")).containsExactly(SECOND);
		assertThat(changed.getString("title")).isEqualTo("two");
		Row untouched = row(name, 1);
		assertThat(untouched.getLong("year")).isEqualTo(2001L);
		assertThat(untouched.getFloatVector("vector")).containsExactly(FIRST);
	}

	@Test
	void aVectorChangesAndTheScalarsThatWereNotSentStay() {
		String name = collection("partial_vector");

		firstPartialUpsert(name, List.of(Map.of("id", 1L, "vector", SECOND)));

		Row changed = row(name, 1);
		assertThat(changed.getFloatVector("vector")).containsExactly(SECOND);
		assertThat(changed.getLong("year")).isEqualTo(2001L);
		assertThat(changed.getString("title")).isEqualTo("one");
	}

	@Test
	void aRowWithoutItsPrimaryKeyIsRefusedBeforeTheRowsAreSent() {
		String name = collection("partial_no_key");
		calls.clear();

		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.partialUpsert(name,
					List.of(Map.of("id", 1L, "year", 1990L), Map.of("year", 1991L))))
			.withMessageContaining("row 1")
			.withMessageContaining("primary key 'id'");
		assertThat(calls.operations()).doesNotContain("upsert");
		assertThat(row(name, 1).getLong("year")).isEqualTo(2001L);
	}

	@Test
	void theAsynchronousAndReactiveFormsFailTheSameWayWithoutSendingTheRows() {
		String name = collection("partial_forms");
		List<Map<String, ?>> keyless = List.of(Map.of("year", 1991L));
		calls.clear();

		CompletableFuture<MutationResult> future = client.async().partialUpsert(name, keyless);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(60, TimeUnit.SECONDS))
			.withCauseInstanceOf(MilvusInvalidArgumentException.class);
		StepVerifier.create(client.reactive().partialUpsert(name, keyless))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(MilvusInvalidArgumentException.class)
				.hasMessageContaining("primary key 'id'"))
			.verify(Duration.ofSeconds(60));
		assertThat(calls.operations()).doesNotContain("upsert");
	}

	@Test
	void rowsWithDifferentFieldsAreRefusedBeforeTheRowsAreSent() {
		String name = collection("partial_uneven");
		calls.clear();

		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.partialUpsert(name,
					List.of(Map.of("id", 1L, "year", 1990L), Map.of("id", 2L, "title", "x"))))
			.withMessageContaining("row 1 has the fields [id, title], but row 0 has [id, year]");
		assertThat(calls.operations()).doesNotContain("upsert");
	}

}
