package dev.milvusboot.client.reliability;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a client's pool connects, seen by a TCP proxy in front of a real Milvus Lite: the first calls (the handshake's
 * {@code Connect} and {@code GetVersion}, sent at once) share one connection while it is being made, and the other
 * channels connect once it is ready, as calls come.
 */
@MilvusLiteTest
class FirstConnectionTest {

	@Test
	void whenTheFirstCallsWaitForTheServerThenTheyShareOneConnectionAndTheOthersConnectOnceItIsReady(MilvusLite lite)
			throws Exception {
		ExecutorService caller = Executors.newSingleThreadExecutor();
		try (TcpProxy proxy = TcpProxy.to(lite.port());
				MilvusClient client = MilvusClient
					.create(MilvusClientOptions.builder().uri(proxy.uri()).poolSize(4).build())) {
			// The server's answers (its HTTP/2 settings first) are held: no channel can be ready meanwhile.
			proxy.holdAnswers();
			Future<String> version = caller.submit(client::serverVersion);
			Await.until("a connection to the proxy", Duration.ofSeconds(10), () -> proxy.accepted() >= 1);
			Await.sleep(500); // time for any further connection to arrive
			assertThat(proxy.accepted()).isEqualTo(1);
			assertThat(client.poolStatistics().idle()).isEqualTo(3);

			proxy.releaseAnswers();
			assertThat(version.get(30, TimeUnit.SECONDS)).startsWith("milvus_lite-");
			for (int i = 0; i < 8; i++) {
				assertThat(client.listCollections()).isNotNull();
			}
			Await.until("every channel ready", Duration.ofSeconds(10), () -> client.poolStatistics().ready() == 4);
			assertThat(proxy.accepted()).isEqualTo(4);
		}
		finally {
			caller.shutdownNow();
		}
	}

}
