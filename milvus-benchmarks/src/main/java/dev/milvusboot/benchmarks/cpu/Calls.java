package dev.milvusboot.benchmarks.cpu;

/** The calls one client makes in a CPU window: single-vector searches and row inserts. */
interface Calls extends AutoCloseable {

	/** The search's top K. */
	int TOP_K = 10;

	/** The HNSW search parameter {@code ef}. */
	int EF = 64;

	/** Prepares a batch of rows (outside the measured window) for {@link #insert(String, Object)}. */
	Object rows(float[][] vectors, long firstId);

	/** Inserts the prepared rows. */
	void insert(String collection, Object rows);

	/** Searches one vector (top {@value #TOP_K}, ef {@value #EF}, bounded consistency). */
	void search(String collection, float[] query);

	@Override
	void close();

}
