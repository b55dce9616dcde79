package dev.milvusboot.client;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * How concurrent searches of the same shape are sent together. Milvus spends most of a small search on the request
 * itself (parsing, timestamps, scheduling, reducing), not on the vectors, so one request with sixteen query vectors
 * costs the server little more than one with a single vector. When {@code maxConcurrentRequests} searches of one
 * shape (same collection, partitions, filter, parameters, top-k, output fields, consistency and call settings) are
 * already on their way, further ones wait and go together, up to {@code maxQueriesPerRequest} query vectors, in one
 * request as soon as one of those returns (a lone waiting search goes with the next search to arrive, or when the
 * last request returns); each caller gets exactly its own hits. Below that concurrency nothing
 * waits and every search is sent at once, so single-threaded latency is untouched. A combined request that the server
 * rejects for a reason other than the connection is sent again search by search, so one caller's bad input never
 * fails another's search.
 *
 * @param maxConcurrentRequests the requests of one shape in flight before further searches are combined; {@code 0}
 * turns combining off
 * @param maxQueriesPerRequest the most query vectors in one combined request
 */
public record SearchCoalescing(int maxConcurrentRequests, int maxQueriesPerRequest) {

	/** Default number of requests of one shape in flight before searches are combined. */
	public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 2;

	/** Default largest number of query vectors in one combined request. */
	public static final int DEFAULT_MAX_QUERIES_PER_REQUEST = 64;

	/** The defaults: combining on. */
	public static final SearchCoalescing DEFAULTS = new SearchCoalescing(DEFAULT_MAX_CONCURRENT_REQUESTS,
			DEFAULT_MAX_QUERIES_PER_REQUEST);

	/** Every search sent on its own, however many run at once. */
	public static final SearchCoalescing DISABLED = new SearchCoalescing(0, DEFAULT_MAX_QUERIES_PER_REQUEST);

	public SearchCoalescing {
		if (maxConcurrentRequests < 0) {
			throw new MilvusInvalidArgumentException(
					"searchCoalescing maxConcurrentRequests must not be negative, but was " + maxConcurrentRequests);
		}
		if (maxQueriesPerRequest < 1 || maxQueriesPerRequest > Limits.MAX_QUERY_VECTORS) {
			throw new MilvusInvalidArgumentException(
					"searchCoalescing maxQueriesPerRequest must be between 1 and " + Limits.MAX_QUERY_VECTORS + ", but was "
							+ maxQueriesPerRequest);
		}
	}

	/** Whether searches are combined at all. */
	public boolean enabled() {
		return this.maxConcurrentRequests > 0 && this.maxQueriesPerRequest > 1;
	}

}
