package dev.milvusboot.reliability;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Latencies of one thread's operations, by operation, merged across threads at the end for percentiles.
 */
final class Latencies {

	/** The operations of the soak. */
	enum Operation {

		INSERT, UPSERT, SEARCH, QUERY, DELETE

	}

	private final Map<Operation, long[]> nanos = new EnumMap<>(Operation.class);

	private final Map<Operation, Integer> counts = new EnumMap<>(Operation.class);

	void record(Operation operation, long elapsedNanos) {
		long[] values = this.nanos.computeIfAbsent(operation, (o) -> new long[1024]);
		int count = this.counts.getOrDefault(operation, 0);
		if (count == values.length) {
			values = Arrays.copyOf(values, count * 2);
			this.nanos.put(operation, values);
		}
		values[count] = elapsedNanos;
		this.counts.put(operation, count + 1);
	}

	void addTo(Latencies total) {
		this.nanos.forEach((operation, values) -> {
			for (int i = 0; i < this.counts.get(operation); i++) {
				total.record(operation, values[i]);
			}
		});
	}

	int count(Operation operation) {
		return this.counts.getOrDefault(operation, 0);
	}

	int total() {
		return this.counts.values().stream().mapToInt(Integer::intValue).sum();
	}

	/** The latency at a percentile (0 to 100) in milliseconds, or 0 without samples. */
	double percentileMillis(Operation operation, double percentile) {
		int count = count(operation);
		if (count == 0) {
			return 0;
		}
		long[] sorted = Arrays.copyOf(this.nanos.get(operation), count);
		Arrays.sort(sorted);
		int index = (int) Math.min(count - 1, Math.max(0, Math.ceil(percentile / 100 * count) - 1));
		return sorted[index] / 1e6;
	}

}
