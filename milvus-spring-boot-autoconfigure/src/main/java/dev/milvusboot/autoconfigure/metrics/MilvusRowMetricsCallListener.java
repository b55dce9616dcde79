package dev.milvusboot.autoconfigure.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.milvusboot.client.MilvusCallListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * {@link MilvusCallListener} counting data: counter {@value #ROWS} (rows written, tagged with the
 * {@code operation}: {@code insert}, {@code upsert} or {@code delete}) and counter {@value #SEARCH_VECTORS} (query
 * vectors searched, tagged with the search {@code operation}), from the counts the client reports for successful
 * calls. Optionally tagged with the {@code collection}.
 *
 * @since 0.1.0
 */
public class MilvusRowMetricsCallListener implements MilvusCallListener {

	/**
	 * Name of the counter of rows inserted, upserted and deleted.
	 */
	public static final String ROWS = "milvus.client.rows";

	/**
	 * Name of the counter of query vectors searched.
	 */
	public static final String SEARCH_VECTORS = "milvus.client.search.vectors";

	private static final Log logger = LogFactory.getLog(MilvusRowMetricsCallListener.class);

	private static final Set<String> WRITES = Set.of("insert", "upsert", "delete");

	private static final Call NOOP = new Call() {
	};

	private final MeterRegistry registry;

	private final boolean collectionTag;

	private final Map<CounterKey, Counter> counters = new ConcurrentHashMap<>();

	/**
	 * Creates a listener.
	 * @param registry the registry of the counters
	 * @param collectionTag whether to tag the counters with the collection
	 */
	public MilvusRowMetricsCallListener(MeterRegistry registry, boolean collectionTag) {
		Assert.notNull(registry, "'registry' must not be null");
		this.registry = registry;
		this.collectionTag = collectionTag;
	}

	@Override
	public Call callStarted(MilvusCallContext call) {
		String name = counterName(call.operation());
		if (name == null) {
			return NOOP;
		}
		return new Call() {

			@Override
			public void succeeded(long count) {
				if (count > 0) {
					try {
						counter(name, call).increment(count);
					}
					catch (RuntimeException ex) {
						logger.debug("Could not count a Milvus call", ex);
					}
				}
			}

		};
	}

	private static @Nullable String counterName(String operation) {
		if (WRITES.contains(operation)) {
			return ROWS;
		}
		return operation.toLowerCase(Locale.ROOT).contains("search") ? SEARCH_VECTORS : null;
	}

	private Counter counter(String name, MilvusCallContext call) {
		String collection = null;
		if (this.collectionTag) {
			collection = (call.collection() != null) ? call.collection() : "none";
		}
		return this.counters.computeIfAbsent(new CounterKey(name, call.operation(), collection), (key) -> {
			Tags tags = Tags.of("operation", key.operation());
			String collectionTag = key.collection();
			if (collectionTag != null) {
				tags = tags.and("collection", collectionTag);
			}
			return Counter.builder(key.name())
				.description(key.name().equals(ROWS) ? "Rows written to Milvus" : "Query vectors searched in Milvus")
				.baseUnit(key.name().equals(ROWS) ? "rows" : "vectors")
				.tags(tags)
				.register(this.registry);
		});
	}

	private record CounterKey(String name, String operation, @Nullable String collection) {
	}

}
