package dev.milvusboot.client.iteration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.exception.MilvusUnsupportedException;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.junit.TestNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A query iterator reads every entity once or fails saying why: without a filter (a match-all filter every server
 * parses), and over more entities than a server returns to one query (Milvus Lite 2.5 returns at most 16,383),
 * where the count of matches shows the keys read are incomplete.
 */
abstract class QueryIteratorCompletenessContract {

	static MilvusClient client;

	static TestNames names;

	/** Whether the server caps a query without limit below the entities of the large test. */
	static boolean capsQueries;

	static void connect(String uri, TestNames testNames, boolean caps) {
		client = MilvusClient.create(MilvusClientOptions.builder().uri(uri).requestTimeout(Duration.ofSeconds(60)).build());
		names = testNames;
		capsQueries = caps;
	}

	@AfterAll
	static void close() {
		client.close();
	}

	static String collectionOf(int rows) {
		String name = names.collection("iterated");
		client.createCollection(CollectionSchema.builder(name)
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.floatVector("vector", 2))
			.build());
		client.createIndex(IndexParams.builder(name, "vector").indexType(IndexType.FLAT).metric(MetricType.L2).build());
		client.loadCollection(name);
		List<Map<String, ?>> batch = new ArrayList<>();
		for (long id = 0; id < rows; id++) {
			batch.add(Map.of("id", id - rows / 2, "vector", new float[] { id, 1 }));
			if (batch.size() == 5000) {
				client.insert(name, batch);
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			client.insert(name, batch);
		}
		return name;
	}

	static List<Long> readAll(Query query, int batchSize) {
		List<Long> ids = new ArrayList<>();
		Iterator<List<Row>> pages = client.queryIterator(query, batchSize);
		pages.forEachRemaining((page) -> page.forEach((row) -> ids.add((Long) row.get("id"))));
		return ids;
	}

	static Query everything(String name) {
		return Query.in(name).filter("id >= {min}", Map.of("min", -1_000_000L)).build();
	}

	@Test
	void withoutAFilterEveryEntityComesOnceInKeyOrderNegativeKeysIncluded() {
		String name = collectionOf(50);
		List<Long> ids = readAll(Query.in(name).limit(100).build(), 7);
		assertThat(ids).hasSize(50).doesNotHaveDuplicates().isSorted().contains(-25L, 0L, 24L);
		client.dropCollection(name);
	}

	@Test
	void moreEntitiesThanOneQueryReturnsAreAllReadOrRefused() {
		String name = collectionOf(16_500);
		if (capsQueries) {
			assertThatExceptionOfType(MilvusUnsupportedException.class).isThrownBy(() -> readAll(everything(name), 5000))
				.withMessageContaining("16383 of the 16500 primary keys");
		}
		else {
			List<Long> ids = readAll(everything(name), 5000);
			assertThat(ids).hasSize(16_500).doesNotHaveDuplicates().isSorted();
		}
		client.dropCollection(name);
	}

}
