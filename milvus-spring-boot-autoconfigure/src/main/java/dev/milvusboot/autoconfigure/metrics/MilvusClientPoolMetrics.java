package dev.milvusboot.autoconfigure.metrics;

import java.util.Map;
import java.util.function.ToIntFunction;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.PoolStatistics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.util.Assert;

/**
 * {@link MeterBinder} for the connection pools of Milvus clients: gauge {@value #CHANNELS} (connections by
 * {@code state}: {@code ready}, {@code connecting}, {@code idle}, {@code transient_failure}, {@code shutdown}) and
 * gauge {@value #CALLS_ACTIVE} (operations in flight), each tagged with the client's bean {@code name}.
 *
 * @since 0.1.0
 */
public class MilvusClientPoolMetrics implements MeterBinder {

	/**
	 * Name of the gauge of connections by state.
	 */
	public static final String CHANNELS = "milvus.client.pool.connections";

	/**
	 * Name of the gauge of operations in flight.
	 */
	public static final String CALLS_ACTIVE = "milvus.client.calls.active";

	private final Map<String, MilvusClient> clients;

	private final Iterable<Tag> tags;

	/**
	 * Creates a binder for clients keyed by name.
	 * @param clients the clients, keyed by name (their bean names)
	 * @param tags further tags of every gauge
	 */
	public MilvusClientPoolMetrics(Map<String, MilvusClient> clients, Iterable<Tag> tags) {
		Assert.notNull(clients, "'clients' must not be null");
		Assert.notNull(tags, "'tags' must not be null");
		this.clients = Map.copyOf(clients);
		this.tags = tags;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.clients.forEach((name, client) -> bindTo(registry, name, client));
	}

	private void bindTo(MeterRegistry registry, String name, MilvusClient client) {
		Tags tags = Tags.of(this.tags).and("name", name);
		channels(registry, client, tags, "ready", PoolStatistics::ready);
		channels(registry, client, tags, "connecting", PoolStatistics::connecting);
		channels(registry, client, tags, "idle", PoolStatistics::idle);
		channels(registry, client, tags, "transient_failure", PoolStatistics::transientFailure);
		channels(registry, client, tags, "shutdown", PoolStatistics::shutdown);
		Gauge.builder(CALLS_ACTIVE, client, (c) -> statistic(c, PoolStatistics::callsInFlight))
			.description("Milvus operations in flight")
			.baseUnit("calls")
			.tags(tags)
			.register(registry);
	}

	private static void channels(MeterRegistry registry, MilvusClient client, Tags tags, String state,
			ToIntFunction<PoolStatistics> statistic) {
		Gauge.builder(CHANNELS, client, (c) -> statistic(c, statistic))
			.description("Connections of the Milvus client's pool in this state")
			.baseUnit("connections")
			.tags(tags)
			.tag("state", state)
			.register(registry);
	}

	private static double statistic(MilvusClient client, ToIntFunction<PoolStatistics> statistic) {
		return client.isClosed() ? Double.NaN : statistic.applyAsInt(client.poolStatistics());
	}

}
