package dev.milvusboot.client.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.MilvusStandalone;

class ScratchTest {

	@Test
	void restart() throws Exception {
		Path base = Path.of("/tmp/crash-debug-" + System.nanoTime());
		MilvusStandalone milvus = MilvusStandalone.builder().baseDirectory(base).build().start();
		try (MilvusClient client = MilvusClient.create(MilvusClientOptions.builder().uri(milvus.uri())
				.requestTimeout(Duration.ofSeconds(3)).connectTimeout(Duration.ofSeconds(1)).build())) {
			client.withTimeout(Duration.ofSeconds(60)).createCollection("c", 8, MetricType.L2, false);
			client.insert("c", Rows.withIds(1, 10));
			client.withTimeout(Duration.ofSeconds(30)).flush("c");
			long t0 = System.nanoTime();
			milvus.kill();
			System.out.println("SCRATCH killed at " + (System.nanoTime() - t0) / 1e6);
			milvus.start();
			System.out.println("SCRATCH started at " + (System.nanoTime() - t0) / 1e6);
			for (int i = 0; i < 200; i++) {
				try {
					client.insert("c", Rows.withIds(100 + i * 10, 10));
					System.out.println("SCRATCH success at " + (System.nanoTime() - t0) / 1e6);
					break;
				}
				catch (Exception ex) {
					System.out.println("SCRATCH " + (System.nanoTime() - t0) / 1e6 + " " + ex);
					Thread.sleep(500);
				}
			}
		}
		finally {
			milvus.stop();
			System.out.println("SCRATCH base " + base);
		}
	}

}
