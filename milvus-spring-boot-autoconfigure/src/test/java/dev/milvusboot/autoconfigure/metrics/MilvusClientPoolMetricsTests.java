package dev.milvusboot.autoconfigure.metrics;

import java.util.List;
import java.util.Map;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MilvusClientPoolMetrics}.
 */
class MilvusClientPoolMetricsTests {

	@Test
	void whenBoundThenGaugesFollowThePool() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		MilvusClient client = MilvusClient.create(MilvusClientOptions.builder().port(19530).poolSize(2).build());
		new MilvusClientPoolMetrics(Map.of("milvus", client), List.of(Tag.of("app", "test"))).bindTo(registry);
		double channels = registry.get("milvus.client.pool.connections")
			.tags("name", "milvus", "app", "test")
			.gauges()
			.stream()
			.mapToDouble((gauge) -> gauge.value())
			.sum();
		assertThat(channels).isEqualTo(2);
		assertThat(registry.get("milvus.client.pool.connections").tag("state", "idle").gauge().getId().getBaseUnit())
			.isEqualTo("connections");
		client.close();
		assertThat(registry.get("milvus.client.calls.active").gauge().value()).isNaN();
	}

}
