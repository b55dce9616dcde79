package dev.milvusboot.client.data.rank;

/**
 * How the hits of a hybrid search are merged or rescored: one of {@link RrfRanker}, {@link WeightedRanker} or a
 * {@link FunctionRanker} ({@link BoostRanker}, {@link DecayRanker}).
 */
public sealed interface Ranker permits RrfRanker, WeightedRanker, FunctionRanker {

	/** Reciprocal rank fusion with {@code k = 60}. */
	static RrfRanker rrf() {
		return RrfRanker.of(RrfRanker.DEFAULT_K);
	}

	/**
	 * Reciprocal rank fusion.
	 * @param k the smoothing constant
	 * @return the ranker
	 */
	static RrfRanker rrf(int k) {
		return RrfRanker.of(k);
	}

	/**
	 * Weighted scores, normalized first: one weight in [0, 1] per sub-search, in order.
	 * @param weights the weights
	 * @return the ranker
	 */
	static WeightedRanker weighted(double... weights) {
		return WeightedRanker.of(weights);
	}

}
