package dev.milvusboot.client;

/**
 * A snapshot of a client's connection pool, for gauges and diagnostics.
 *
 * @param channels the number of channels (connections) in the pool
 * @param ready channels connected and ready
 * @param connecting channels connecting
 * @param idle channels idle (not connected yet, or disconnected after idleness)
 * @param transientFailure channels failing to connect, retrying
 * @param shutdown channels shut down
 * @param callsInFlight operations in progress
 */
public record PoolStatistics(int channels, int ready, int connecting, int idle, int transientFailure, int shutdown,
		int callsInFlight) {

}
