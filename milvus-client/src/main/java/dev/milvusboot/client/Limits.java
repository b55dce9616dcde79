package dev.milvusboot.client;

/**
 * The limits of Milvus the client checks before sending anything (so that bad input fails with a message naming
 * it, rather than with the server's), and the defaults of the sizes it may be configured with. Defined here once;
 * the constants of other classes ({@code Search.MAX_TOP_K}, {@code Names.MAX_LENGTH}, the defaults of
 * {@link MilvusClientOptions}) are these.
 */
public final class Limits {

	/**
	 * The most hits one search returns per query vector, counting its offset ({@code quotaAndLimits.limits.topK} and
	 * {@code maxQueryResultWindow}); also the most query vectors in one search request and the largest page of the
	 * iterators.
	 */
	public static final int MAX_TOP_K = 16384;

	/** The most query vectors one search request carries ({@code nq}). */
	public static final int MAX_QUERY_VECTORS = MAX_TOP_K;

	/** The largest page of the query and search iterators. */
	public static final int MAX_PAGE_SIZE = MAX_TOP_K;

	/** The RRF ranker's smoothing constant {@code k} must be below this. */
	public static final int RRF_K_BOUND = 16384;

	/** The longest name (collection, field, partition, database, alias) Milvus accepts. */
	public static final int MAX_NAME_LENGTH = 255;

	/** The longest VARCHAR Milvus accepts. */
	public static final int MAX_VARCHAR_LENGTH = 65535;

	/** The largest vector dimension by default ({@code proxy.maxDimension}); eight times that for binary vectors. */
	public static final int DEFAULT_MAX_VECTOR_DIMENSION = 32768;

	/** The largest request sent by default; larger inserts are split (64 MiB, Milvus 2.3's receive limit). */
	public static final int DEFAULT_MAX_REQUEST_SIZE = 64 * 1024 * 1024;

	/** The largest response accepted by default (256 MiB, the Milvus server's own send limit). */
	public static final int DEFAULT_MAX_INBOUND_MESSAGE_SIZE = 256 * 1024 * 1024;

	private Limits() {
	}

}
