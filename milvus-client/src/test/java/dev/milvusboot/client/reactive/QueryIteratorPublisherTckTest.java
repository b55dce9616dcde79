package dev.milvusboot.client.reactive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.MilvusLite;

/**
 * The Reactive Streams TCK ({@link PublisherVerification}, TestNG, run on the JUnit Platform by the TestNG engine)
 * against the reactive query iterator on a Milvus Lite of its own: {@code createPublisher(n)} pages through exactly
 * {@code n} rows of a collection of {@value #ROWS} (a query with limit {@code n}, 7 rows a page, so several pages).
 * <p>
 * Of the TCK's 38 tests, 27 pass and 11 are skipped by the TCK itself, for these reasons:
 * <ul>
 * <li>the seven {@code untested_*} tests: the TCK has no test for those rules;</li>
 * <li>{@code required_spec317_mustNotSignalOnErrorWhenPendingAboveLongMaxValue}: it needs a publisher of
 * {@code Long.MAX_VALUE} elements; a query iterator publishes at most the rows of a collection
 * ({@link #maxElementsFromPublisher()} is {@value #ROWS});</li>
 * <li>the three optional {@code optional_spec111_multicast_*} tests: the publisher is not multicast (each subscription
 * runs its own query, which {@code optional_spec111_maySupportMultiSubscribe} accepts), and the TCK compares the
 * elements of two subscriptions with {@code equals}, which {@link Row}s fetched apart do not have (a row is a map
 * holding {@code float[]} vectors); both subscriptions do get the same rows in the same order, which
 * {@code ReactiveIteratorsTest} checks by primary key.</li>
 * </ul>
 * The failed publisher is a query iterator with an invalid page size, which fails at subscription without demand;
 * a server-side failure (an unknown collection) is signalled after the first request, since nothing is sent before
 * it.
 */
public class QueryIteratorPublisherTckTest extends PublisherVerification<Row> {

	static final int ROWS = 300;

	private static final String COLLECTION = "tck_rows";

	private MilvusLite server;

	private MilvusClient client;

	public QueryIteratorPublisherTckTest() {
		// 15 s for an expected signal: a full build runs many servers on two cores (5 s timed out once there).
		super(new TestEnvironment(15_000, 500), 5_000);
	}

	@BeforeClass
	public void start() {
		this.server = MilvusLite.builder().build().start();
		this.client = MilvusClient.create(this.server.uri());
		this.client.createCollection(COLLECTION, 4, MetricType.L2, false);
		List<Map<String, ?>> rows = new ArrayList<>(ROWS);
		for (long id = 1; id <= ROWS; id++) {
			rows.add(Map.of("id", id, "vector", new float[] { id, 1, 2, 3 }));
		}
		this.client.insert(COLLECTION, rows);
	}

	@AfterClass(alwaysRun = true)
	public void stop() {
		if (this.client != null) {
			this.client.close();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	@Override
	public Publisher<Row> createPublisher(long elements) {
		Query query = (elements == 0) ? Query.in(COLLECTION).filter("id < 0").build()
				: Query.in(COLLECTION).filter("id > 0").limit(elements).build();
		return this.client.reactive().queryIterator(query, 7);
	}

	@Override
	public Publisher<Row> createFailedPublisher() {
		return this.client.reactive().queryIterator(Query.in(COLLECTION).filter("id > 0").build(), 0);
	}

	@Override
	public long maxElementsFromPublisher() {
		return ROWS;
	}

}
