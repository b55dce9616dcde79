package dev.milvusboot.autoconfigure.metrics;

import dev.milvusboot.client.MilvusCallListener.MilvusCallContext;
import dev.milvusboot.client.MilvusEndpoint;
import dev.milvusboot.client.exception.MilvusException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MilvusRowMetricsCallListener}.
 */
class MilvusRowMetricsCallListenerTests {

	private static final MilvusEndpoint ENDPOINT = new MilvusEndpoint("localhost", 19530, false, null);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void whenWritesSucceedThenRowsAreCountedByOperation() {
		MilvusRowMetricsCallListener listener = new MilvusRowMetricsCallListener(this.registry, false);
		listener.callStarted(call("insert", "docs")).succeeded(100);
		listener.callStarted(call("insert", "other")).succeeded(20);
		listener.callStarted(call("upsert", "docs")).succeeded(7);
		listener.callStarted(call("delete", "docs")).succeeded(3);
		assertThat(rows("insert")).isEqualTo(120);
		assertThat(rows("upsert")).isEqualTo(7);
		assertThat(rows("delete")).isEqualTo(3);
		assertThat(this.registry.get("milvus.client.rows").counter().getId().getBaseUnit()).isEqualTo("rows");
	}

	@Test
	void whenSearchesSucceedThenQueryVectorsAreCounted() {
		MilvusRowMetricsCallListener listener = new MilvusRowMetricsCallListener(this.registry, false);
		listener.callStarted(call("search", "docs")).succeeded(4);
		listener.callStarted(call("search", "docs")).succeeded(1);
		listener.callStarted(call("hybridSearch", "docs")).succeeded(2);
		assertThat(this.registry.get("milvus.client.search.vectors").tag("operation", "search").counter().count())
			.isEqualTo(5);
		assertThat(
				this.registry.get("milvus.client.search.vectors").tag("operation", "hybridSearch").counter().count())
			.isEqualTo(2);
	}

	@Test
	void whenCallsFailOrCountNothingThenNothingIsCounted() {
		MilvusRowMetricsCallListener listener = new MilvusRowMetricsCallListener(this.registry, false);
		listener.callStarted(call("insert", "docs")).failed(new MilvusException("down"));
		listener.callStarted(call("query", "docs")).succeeded(50);
		listener.callStarted(call("createCollection", "docs")).succeeded(0);
		listener.callStarted(call("delete", "docs")).succeeded(0);
		assertThat(this.registry.getMeters()).isEmpty();
	}

	@Test
	void whenCollectionTagIsEnabledThenCountersAreTaggedWithTheCollection() {
		MilvusRowMetricsCallListener listener = new MilvusRowMetricsCallListener(this.registry, true);
		listener.callStarted(call("insert", "docs")).succeeded(5);
		listener.callStarted(call("insert", "other")).succeeded(6);
		assertThat(this.registry.get("milvus.client.rows").tags("operation", "insert", "collection", "docs")
			.counter()
			.count()).isEqualTo(5);
		assertThat(this.registry.get("milvus.client.rows").tags("operation", "insert", "collection", "other")
			.counter()
			.count()).isEqualTo(6);
	}

	@Test
	void whenCollectionTagIsDisabledThenCountersHaveNoCollectionTag() {
		new MilvusRowMetricsCallListener(this.registry, false).callStarted(call("insert", "docs")).succeeded(5);
		assertThat(this.registry.get("milvus.client.rows").counter().getId().getTag("collection")).isNull();
	}

	private double rows(String operation) {
		return this.registry.get("milvus.client.rows").tag("operation", operation).counter().count();
	}

	private static MilvusCallContext call(String operation, String collection) {
		return new MilvusCallContext(operation, collection, null, ENDPOINT);
	}

}
