package dev.milvusboot.client.data.rank;

/**
 * A ranker Milvus runs as a rerank function ({@code function_score}, Milvus 2.6): it rescores the hits of a
 * search, or of a hybrid search in place of RRF or weighted merging. Servers before 2.6 ignore it.
 */
public sealed interface FunctionRanker extends Ranker permits BoostRanker, DecayRanker {

	/** The function's name in the request. */
	String name();

}
