package dev.milvusboot.client.reactive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import dev.milvusboot.client.MilvusCallListener;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.data.Hit;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.exception.MilvusNotFoundException;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive paged reads on Milvus Lite: a query iterator's {@code Flux} sends nothing before the first request,
 * fetches a page only when the subscriber asks for more rows than it holds, stops fetching when cancelled, and
 * gives every subscription the same rows in primary key order; a search iterator's {@code Flux} pages through the
 * hits best first up to its total. The calls sent are counted by a listener.
 */
@MilvusLiteTest
class ReactiveIteratorsTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final List<String> calls = new CopyOnWriteArrayList<>();

	private MilvusClient client(MilvusLite lite) {
		MilvusCallListener listener = (context) -> {
			this.calls.add(context.operation());
			return new MilvusCallListener.Call() {
			};
		};
		return MilvusClient.create(MilvusClientOptions.builder().uri(lite.uri()).listener(listener).build());
	}

	private static String filled(MilvusClient client, TestNames names, int rows) {
		String collection = names.collection("paged");
		client.createCollection(collection, 4, MetricType.L2, false);
		List<Map<String, ?>> batch = new ArrayList<>();
		for (long id = rows; id >= 1; id--) {
			batch.add(Map.of("id", id, "vector", new float[] { id, 0, 0, 0 }));
		}
		client.insert(collection, batch);
		return collection;
	}

	@Test
	void aQueryIteratorFetchesPagesOnlyOnDemandAndStopsWhenCancelled(MilvusLite lite, TestNames names) {
		try (MilvusClient client = client(lite)) {
			String collection = filled(client, names, 50);
			Flux<Row> rows = client.reactive()
				.queryIterator(Query.in(collection).filter("id > 0").outputFields("id").build(), 10);
			this.calls.clear();
			StepVerifier.create(rows, 0)
				.expectSubscription()
				.then(() -> assertThat(this.calls).as("calls before any request").isEmpty())
				.thenRequest(3)
				.expectNextCount(3)
				.then(() -> assertThat(this.calls).as("the keys, then the first page").containsExactly("query", "query"))
				.thenRequest(7)
				.expectNextCount(7)
				.then(() -> assertThat(this.calls).as("the first page covers ten rows").hasSize(2))
				.thenRequest(1)
				.expectNextCount(1)
				.then(() -> assertThat(this.calls).as("the second page").hasSize(3))
				.thenCancel()
				.verify(WAIT);
			assertThat(this.calls).as("nothing fetched after cancel").hasSize(3);
		}
	}

	@Test
	void everySubscriptionGetsEveryRowInPrimaryKeyOrder(MilvusLite lite, TestNames names) {
		try (MilvusClient client = client(lite)) {
			String collection = filled(client, names, 45);
			Flux<Long> ids = client.reactive()
				.queryIterator(Query.in(collection).filter("id > 0").build(), 7)
				.map((row) -> row.getLong("id"));
			List<Long> expected = new ArrayList<>();
			for (long id = 1; id <= 45; id++) {
				expected.add(id);
			}
			assertThat(ids.collectList().block(WAIT)).isEqualTo(expected);
			assertThat(ids.collectList().block(WAIT)).isEqualTo(expected);
			assertThat(client.reactive()
				.queryIterator(Query.in(collection).filter("id > 0").limit(12).build(), 5)
				.count()
				.block(WAIT)).isEqualTo(12);
		}
	}

	@Test
	void aSearchIteratorPagesThroughTheHitsBestFirstUpToItsTotal(MilvusLite lite, TestNames names) {
		try (MilvusClient client = client(lite)) {
			String collection = filled(client, names, 40);
			Search search = Search.in(collection).vector(new float[] { 0, 0, 0, 0 }).metric(MetricType.L2).build();
			List<Hit> hits = client.reactive().searchIterator(search, 6, 24).collectList().block(WAIT);
			assertThat(hits).extracting(Hit::id).containsExactlyElementsOf(ids(1, 24));
			List<Object> blocking = new ArrayList<>();
			client.searchIterator(search, 6, 25).forEachRemaining((page) -> page.forEach((hit) -> blocking.add(hit.id())));
			assertThat(client.reactive().searchIterator(search, 6, 25).map(Hit::id).collectList().block(WAIT))
				.as("the same hits as the blocking iterator")
				.isEqualTo(blocking);
			this.calls.clear();
			StepVerifier.create(client.reactive().searchIterator(search, 6, 25), 0)
				.thenRequest(6)
				.expectNextCount(6)
				.then(() -> assertThat(this.calls).containsExactly("search"))
				.thenCancel()
				.verify(WAIT);
			assertThat(this.calls).containsExactly("search");
		}
	}

	@Test
	void badArgumentsFailAtSubscriptionAndServerFailuresAtTheFirstRequest(MilvusLite lite) {
		try (MilvusClient client = client(lite)) {
			StepVerifier.create(client.reactive().queryIterator(Query.in("docs").filter("id > 0").build(), 0), 0)
				.expectError(MilvusInvalidArgumentException.class)
				.verify(WAIT);
			StepVerifier.create(client.reactive().searchIterator(Search.in("docs").vector(new float[] { 1 }).build(),
					0, 10), 0)
				.expectError(MilvusInvalidArgumentException.class)
				.verify(WAIT);
			StepVerifier.create(client.reactive().queryIterator(Query.in("no_such").filter("id > 0").build(), 5))
				.expectError(MilvusNotFoundException.class)
				.verify(WAIT);
		}
	}

	private static List<Object> ids(long first, int count) {
		List<Object> ids = new ArrayList<>();
		for (long id = first; id < first + count; id++) {
			ids.add(id);
		}
		return ids;
	}

}
