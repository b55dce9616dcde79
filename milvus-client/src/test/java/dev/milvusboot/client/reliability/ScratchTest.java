package dev.milvusboot.client.reliability;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.MilvusStandalone;
import dev.milvusboot.local.junit.MilvusStandaloneTest;

@MilvusStandaloneTest
class ScratchTest {

	@Test
	void duplicates(MilvusStandalone milvus) throws Exception {
		ExecutorService caller = Executors.newSingleThreadExecutor();
		try (TcpProxy proxy = TcpProxy.to(milvus.port());
				MilvusClient direct = MilvusClient.create(MilvusClientOptions.builder().uri(milvus.uri()).requestTimeout(Duration.ofSeconds(60)).build());
				MilvusClient client = MilvusClient.create(MilvusClientOptions.builder().uri(proxy.uri()).poolSize(1)
					.requestTimeout(Duration.ofSeconds(10)).build())) {
			direct.createCollection("scratch_dup", 8, MetricType.L2, false);
			client.insert("scratch_dup", Rows.withIds(1, 1));
			int before = proxy.requestsForwarded();
			proxy.holdAnswers();
			Future<Long> result = caller.submit(() -> client.insert("scratch_dup", Rows.withIds(2, 1)).insertCount());
			Await.until("fwd", Duration.ofSeconds(5), () -> proxy.requestsForwarded() > before);
			Thread.sleep(1000);
			proxy.cutAll();
			proxy.releaseAnswers();
			System.out.println("SCRATCH result " + result.get(20, TimeUnit.SECONDS) + " requests " + (proxy.requestsForwarded() - before));
			System.out.println("SCRATCH count " + direct.query(Query.in("scratch_dup").outputFields("count(*)").consistency(ConsistencyLevel.STRONG).build()));
			System.out.println("SCRATCH ids " + direct.query(Query.in("scratch_dup").filter("id >= 0").outputFields("id").consistency(ConsistencyLevel.STRONG).build()));
			direct.flush("scratch_dup");
			System.out.println("SCRATCH count after flush " + direct.query(Query.in("scratch_dup").outputFields("count(*)").consistency(ConsistencyLevel.STRONG).build()));
			direct.insert("scratch_dup", Rows.withIds(2, 1));
			System.out.println("SCRATCH count after plain duplicate " + direct.query(Query.in("scratch_dup").outputFields("count(*)").consistency(ConsistencyLevel.STRONG).build()));
			direct.dropCollection("scratch_dup");
		}
		finally {
			caller.shutdownNow();
		}
	}

}
