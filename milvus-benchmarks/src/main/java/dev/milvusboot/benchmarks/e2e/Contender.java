package dev.milvusboot.benchmarks.e2e;

/**
 * One client in the end-to-end comparison. Each measures inside itself, the same way: wall time around each call.
 */
interface Contender extends AutoCloseable {

	/** The search's top K. */
	int TOP_K = 10;

	/** The HNSW search parameter {@code ef}. */
	int EF = 64;

	/** A short name for tables, e.g. {@code ours}. */
	String name();

	/** The process the client runs in (for its CPU time). */
	long pid();

	/**
	 * Inserts rows {@code first .. first + count - 1} of the insert vectors; the rows are built before the call.
	 * @return the wall time of the insert call and the CPU time the client's process spent over it
	 */
	Timing insert(String collection, int first, int count) throws Exception;

	/**
	 * Searches (top {@value #TOP_K}, {@code ef} {@value #EF}, bounded consistency) on {@code threads} threads for
	 * {@code seconds}, {@code batch} query vectors per call (1: single-vector searches); the {@code i}-th call of
	 * thread {@code t} searches query vectors {@code (offset + t * 131 + i * batch) + 0 .. batch - 1}.
	 */
	Window search(String collection, int threads, double seconds, int offset, int batch) throws Exception;

	/** Single-vector searches: {@link #search(String, int, double, int, int)} with a batch of 1. */
	default Window search(String collection, int threads, double seconds, int offset) throws Exception {
		return search(collection, threads, seconds, offset, 1);
	}

	/**
	 * Gets of one entity by id (output fields {@code id} and {@code vector}) on {@code threads} threads for
	 * {@code seconds}; the ids are {@link #getId(int, int, int)}.
	 */
	Window get(String collection, int threads, double seconds, int offset, int rows) throws Exception;

	@Override
	void close();

	/**
	 * The wall time of a call and the CPU time (user + system, all threads) of the client's process over it.
	 * @param seconds the wall time in seconds
	 * @param cpuNanos the process's CPU time in nanoseconds, or {@code -1} where not known
	 */
	record Timing(double seconds, long cpuNanos) {
	}

	/**
	 * The id the {@code i}-th get of a thread asks for ({@code pymilvus_contender.py} computes the same).
	 * @param offset the thread's offset
	 * @param i the call's index in the thread
	 * @param rows the collection's row count
	 * @return an id in {@code [0, rows)}
	 */
	static long getId(int offset, int i, int rows) {
		return ((long) (offset + i) * 7919) % rows;
	}

}
