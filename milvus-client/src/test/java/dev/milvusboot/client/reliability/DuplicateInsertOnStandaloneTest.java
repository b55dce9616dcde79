package dev.milvusboot.client.reliability;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.exception.MilvusUnavailableException;
import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.MilvusStandalone;
import dev.milvusboot.local.junit.MilvusStandaloneTest;
import dev.milvusboot.local.junit.TestNames;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why an insert with given ids is not repeated after its answer was lost: Milvus 2.3 keeps a primary key
 * inserted twice as two rows. The client reports the failure instead, and the row stays single.
 */
@MilvusStandaloneTest
class DuplicateInsertOnStandaloneTest {

	@Test
	void whenTheAnswerToAnInsertWithIdsIsLostThenTheFailureIsReportedAndNoDuplicateIsWritten(MilvusStandalone milvus,
			TestNames names) throws Exception {
		ExecutorService caller = Executors.newSingleThreadExecutor();
		try (TcpProxy proxy = TcpProxy.to(milvus.port());
				MilvusClient direct = MilvusClient.create(
						MilvusClientOptions.builder().uri(milvus.uri()).requestTimeout(Duration.ofSeconds(60)).build());
				MilvusClient client = MilvusClient.create(MilvusClientOptions.builder()
					.uri(proxy.uri())
					.poolSize(1)
					.requestTimeout(Duration.ofSeconds(10))
					.build())) {
			String collection = names.collection("lost_insert_answer");
			direct.createCollection(collection, Rows.DIMENSION, MetricType.L2, false);
			client.insert(collection, Rows.withIds(1, 1));
			int requests = proxy.requestsForwarded();

			Future<Object> result = proxy.callAndLoseTheAnswer(caller,
					() -> client.insert(collection, Rows.withIds(2, 1)),
					() -> Await.until("the server holding the row", Duration.ofSeconds(10),
							() -> count(direct, collection) == 2));
			ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
					() -> result.get(20, TimeUnit.SECONDS));
			assertThat(failure.getCause()).isInstanceOf(MilvusUnavailableException.class);
			Await.sleep(500);
			assertThat(proxy.requestsForwarded() - requests).as("inserts sent").isEqualTo(1);
			assertThat(count(direct, collection)).as("rows").isEqualTo(2);

			direct.insert(collection, Rows.withIds(2, 1));
			assertThat(count(direct, collection)).as("rows after inserting id 2 again, as a blind retry would")
				.isEqualTo(3);
			assertThat(Rows.present(direct, collection, List.of(1L, 2L))).hasSize(2);
			direct.dropCollection(collection);
		}
		finally {
			caller.shutdownNow();
		}
	}

	private static long count(MilvusClient client, String collection) {
		List<Row> rows = client.query(
				Query.in(collection).outputFields("count(*)").consistency(ConsistencyLevel.STRONG).build());
		return rows.get(0).getLong("count(*)");
	}

}
