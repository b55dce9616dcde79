package dev.milvusboot.core;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.core.mapping.MilvusCollection;
import dev.milvusboot.core.mapping.MilvusId;
import dev.milvusboot.core.mapping.MilvusVector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Bad input through {@link MilvusTemplate}: each case is a Spring {@code DataAccessException} whose message says
 * what is wrong, with the Milvus exception as the cause, and the stored data is unchanged. One suite run against
 * each real server (a server matrix); subclasses connect to their server.
 */
abstract class MilvusTemplateBadInputContract {

	@MilvusCollection("template_bad_input")
	record Item(@MilvusId long id, @MilvusVector(dimension = 4, metric = MetricType.L2, indexType = IndexType.FLAT) float[] vector) {
	}

	record Unmapped(long id) {
	}

	private static MilvusClient client;

	private static MilvusTemplate template;

	static void connect(String uri) {
		client = MilvusClient.create(uri);
		template = new MilvusTemplate(client);
		if (template.hasCollection(Item.class)) {
			template.dropCollection(Item.class);
		}
		template.createCollection(Item.class);
		template.insert(List.of(new Item(1, new float[] { 1, 2, 3, 4 })));
	}

	@AfterAll
	static void tearDown() {
		template.dropCollection(Item.class);
		client.close();
	}

	private static Arguments bad(String name, Class<? extends DataAccessException> type, String messagePart,
			Consumer<MilvusTemplate> call) {
		return Arguments.of(name, type, messagePart, call);
	}

	static Stream<Arguments> badInputs() {
		return Stream.of(
				bad("entity vector of the wrong dimension", InvalidDataAccessApiUsageException.class, "dimension is 4",
						(t) -> t.insert(List.of(new Item(2, new float[] { 1, 2 })))),
				bad("NaN in an entity vector", InvalidDataAccessApiUsageException.class, "NaN",
						(t) -> t.insert(List.of(new Item(2, new float[] { 1, Float.NaN, 3, 4 })))),
				bad("no entities", InvalidDataAccessApiUsageException.class, "No entities",
						(t) -> t.insert(List.<Item>of())),
				bad("a type without mapping", InvalidDataAccessApiUsageException.class, "needs a @MilvusId",
						(t) -> t.insert(List.of(new Unmapped(1)))),
				bad("search vector of the wrong dimension", InvalidDataAccessApiUsageException.class, "dimension 4",
						(t) -> t.search(Item.class, new float[] { 1, 2, 3 }, 3)),
				bad("topK out of range", InvalidDataAccessApiUsageException.class, "topK",
						(t) -> t.search(Item.class, new float[] { 1, 2, 3, 4 }, 0)),
				bad("invalid filter", InvalidDataAccessApiUsageException.class, "id >>>",
						(t) -> t.search(Item.class, new float[] { 1, 2, 3, 4 }, 3, "id >>> 1")),
				bad("filter with an unterminated string", InvalidDataAccessApiUsageException.class, "id == \"1",
						(t) -> t.search(Item.class, new float[] { 1, 2, 3, 4 }, 3, "id == \"1")),
				bad("filter with unbalanced parentheses", InvalidDataAccessApiUsageException.class, "(id > 0",
						(t) -> t.find(Item.class, "(id > 0", 10)),
				bad("filter with a semicolon", InvalidDataAccessApiUsageException.class, "id > 0; id < 5",
						(t) -> t.find(Item.class, "id > 0; id < 5", 10)),
				bad("filter comparing a number with a string", InvalidDataAccessApiUsageException.class, "id",
						(t) -> t.find(Item.class, "id == \"one\"", 10)),
				bad("unknown collection", InvalidDataAccessResourceUsageException.class, "no_such_items",
						(t) -> t.count("no_such_items")),
				bad("unknown partition", DataAccessException.class, "no_such_partition",
						(t) -> t.insert("template_bad_input", "no_such_partition",
								List.of(Map.of("id", 3L, "vector", new float[] { 1, 2, 3, 4 })))),
				bad("invalid collection name", InvalidDataAccessApiUsageException.class, "contains ' '",
						(t) -> t.count("bad name")),
				bad("row with a missing vector", InvalidDataAccessApiUsageException.class, "no value for field 'vector'",
						(t) -> t.insert("template_bad_input", List.of(Map.of("id", 3L)))),
				bad("search with a list instead of a float[]", InvalidDataAccessApiUsageException.class, "float[]",
						(t) -> t.search(Search.in("template_bad_input").vector(new byte[] { 1 }).build())));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badInputs")
	void whenInputIsBadThenASpringExceptionSaysWhatIsWrongAndNothingChanges(String name,
			Class<? extends DataAccessException> type, String messagePart, Consumer<MilvusTemplate> call) {
		if (name.equals("unknown partition")) {
			ServerFeatures.assumePartitions(template, "template_bad_input");
		}
		assertThatExceptionOfType(type).isThrownBy(() -> call.accept(template))
			.withMessageContaining(messagePart)
			.satisfies((ex) -> {
				// Mapping and empty-batch errors are the template's own; the rest carry the Milvus exception.
				if (!name.equals("no entities") && !name.equals("a type without mapping")) {
					assertThat(ex.getCause()).isInstanceOf(MilvusException.class);
				}
			});
		assertThat(template.count(Item.class)).isEqualTo(1);
	}

}
