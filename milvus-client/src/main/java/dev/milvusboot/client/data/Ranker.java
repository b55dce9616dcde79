package dev.milvusboot.client.data;

import java.util.List;
import java.util.Map;

import dev.milvusboot.client.Limits;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * How a hybrid search merges the hits of its sub-searches.
 *
 * @param strategy {@code rrf} or {@code weighted}
 * @param params the strategy's parameters
 */
public record Ranker(String strategy, Map<String, Object> params) {

	/** The usual constant of reciprocal rank fusion. */
	public static final int DEFAULT_RRF_K = 60;

	public Ranker {
		params = Map.copyOf(params);
	}

	/** Reciprocal rank fusion with {@code k = 60}. */
	public static Ranker rrf() {
		return rrf(DEFAULT_RRF_K);
	}

	/**
	 * Reciprocal rank fusion: each hit scores {@code 1 / (k + rank)} in each sub-search.
	 * @param k the smoothing constant, greater than 0
	 * @return the ranker
	 */
	public static Ranker rrf(int k) {
		if (k <= 0 || k >= Limits.RRF_K_BOUND) {
			throw new MilvusInvalidArgumentException("The RRF constant k must be between 1 and " + (Limits.RRF_K_BOUND - 1) + ", but was " + k);
		}
		return new Ranker("rrf", Map.of("k", k));
	}

	/**
	 * Weighted scores: one weight in [0, 1] per sub-search, in order.
	 * @param weights the weights
	 * @return the ranker
	 */
	public static Ranker weighted(double... weights) {
		List<Double> list = new java.util.ArrayList<>();
		for (double weight : weights) {
			if (!(weight >= 0 && weight <= 1)) {
				throw new MilvusInvalidArgumentException("Hybrid search weights must be in [0, 1], but got " + weight);
			}
			list.add(weight);
		}
		return new Ranker("weighted", Map.of("weights", list));
	}

}
