package dev.milvusboot.client.database;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.api.sync.MilvusCommands;
import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.data.Hit;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.junit.TestNames;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database travels in the {@code dbname} header only (no request body carries it): two collections of the same
 * name, one in the default database and one in another, and every kind of call made through
 * {@code withDatabase} reaches the other one and leaves the default one alone.
 */
abstract class DatabasePlacementContract {

	static final int DIM = 4;

	static MilvusClient client;

	static TestNames names;

	static void connect(String uri, TestNames testNames) {
		client = MilvusClient.create(MilvusClientOptions.builder().uri(uri).requestTimeout(Duration.ofSeconds(60)).build());
		names = testNames;
	}

	@AfterAll
	static void close() {
		client.close();
	}

	static void createIn(MilvusCommands commands, String name, boolean withTag) {
		CollectionSchema.Builder schema = CollectionSchema.builder(name)
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.floatVector("vector", DIM))
			.field(FieldSchema.scalar("year", DataType.INT64));
		if (withTag) {
			schema.field(FieldSchema.varchar("tag", 32));
		}
		commands.createCollection(schema.build());
		commands.createIndex(IndexParams.builder(name, "vector").indexType(IndexType.FLAT).metric(MetricType.L2).build());
		commands.loadCollection(name);
	}

	static List<Map<String, ?>> rows(long first, int count, boolean withTag) {
		List<Map<String, ?>> rows = new ArrayList<>();
		for (long id = first; id < first + count; id++) {
			rows.add(withTag ? Map.of("id", id, "vector", new float[] { id, 0, 0, 1 }, "year", 2000 + id, "tag", "t" + id)
					: Map.of("id", id, "vector", new float[] { id, 0, 0, 1 }, "year", 2000 + id));
		}
		return rows;
	}

	static List<Object> ids(List<Row> rows) {
		return rows.stream().map((row) -> row.get("id")).toList();
	}

	@Test
	void everyCallThroughADatabaseViewReachesThatDatabaseOnly() {
		String database = names.database("placement");
		String name = names.collection("same_name");
		client.createDatabase(database);
		MilvusCommands other = client.withDatabase(database);
		try {
			createIn(client, name, false);
			createIn(other, name, true);
			client.insert(name, rows(0, 3, false));
			other.insert(name, rows(100, 5, true));

			assertThat(other.listCollections()).containsExactly(name);
			assertThat(other.describeCollection(name).schema().fields()).extracting(FieldSchema::name).contains("tag");
			assertThat(client.describeCollection(name).schema().fields()).extracting(FieldSchema::name)
				.doesNotContain("tag");
			assertThat(other.count(name, Filter.of("id >= {min}", Map.of("min", 0L)))).isEqualTo(5);
			assertThat(client.count(name, Filter.of("id >= {min}", Map.of("min", 0L)))).isEqualTo(3);
			assertThat(ids(other.query(Query.in(name).filter("year > 2101").outputFields("tag").build())))
				.containsExactlyInAnyOrder(102L, 103L, 104L);
			assertThat(ids(other.get(name, List.of(0L, 101L), "tag"))).containsExactly(101L);
			List<Hit> hits = other.search(Search.in(name).vector(new float[] { 0, 0, 0, 1 }).topK(10).build()).first();
			assertThat(hits).extracting(Hit::id).containsExactlyInAnyOrder(100L, 101L, 102L, 103L, 104L);
			assertThat(client.async().search(Search.in(name).vector(new float[] { 0, 0, 0, 1 }).topK(10).build())
				.join()
				.first()).extracting(Hit::id).containsExactlyInAnyOrder(0L, 1L, 2L);

			other.upsert(name, rows(104, 1, true));
			other.delete(name, List.of(100L));
			other.deleteWhere(name, Filter.of("tag == {tag}", Map.of("tag", "t101")));
			other.flush(name);
			assertThat(ids(other.query(Query.in(name).filter("id >= 0").build()))).containsExactlyInAnyOrder(102L, 103L,
					104L);
			assertThat(ids(client.query(Query.in(name).filter("id >= 0").build()))).containsExactlyInAnyOrder(0L, 1L, 2L);

			other.dropCollection(name);
			assertThat(other.hasCollection(name)).isFalse();
			assertThat(client.hasCollection(name)).isTrue();
		}
		finally {
			if (other.hasCollection(name)) {
				other.dropCollection(name);
			}
			client.dropCollection(name);
			client.dropDatabase(database);
		}
	}

	@Test
	void partitionsOfACollectionInADatabaseAreThatCollectionsOnly() {
		String database = names.database("placement_p");
		String name = names.collection("same_name_p");
		client.createDatabase(database);
		MilvusCommands other = client.withDatabase(database);
		try {
			createIn(client, name, false);
			createIn(other, name, false);
			other.createPartition(name, "p1");
			other.insert(name, "p1", rows(10, 2, false));
			assertThat(other.hasPartition(name, "p1")).isTrue();
			assertThat(client.hasPartition(name, "p1")).isFalse();
			assertThat(ids(other.query(Query.in(name).filter("id >= 0").partitions("p1").build())))
				.containsExactlyInAnyOrder(10L, 11L);
		}
		finally {
			other.dropCollection(name);
			client.dropCollection(name);
			client.dropDatabase(database);
		}
	}

}
