package dev.milvusboot.client.data.rank;

import dev.milvusboot.client.Limits;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * Reciprocal rank fusion: each hit scores {@code 1 / (k + rank)} in each sub-search, summed.
 *
 * @param k the smoothing constant, 1 to 16383
 */
public record RrfRanker(int k) implements Ranker {

	/** The usual constant. */
	public static final int DEFAULT_K = 60;

	/**
	 * Checks the constant.
	 * @throws MilvusInvalidArgumentException if {@code k} is out of range
	 */
	public RrfRanker {
		if (k <= 0 || k >= Limits.RRF_K_BOUND) {
			throw new MilvusInvalidArgumentException(
					"RRF ranker: k must be between 1 and " + (Limits.RRF_K_BOUND - 1) + ", but was " + k);
		}
	}

	/**
	 * Reciprocal rank fusion.
	 * @param k the smoothing constant
	 * @return the ranker
	 */
	public static RrfRanker of(int k) {
		return new RrfRanker(k);
	}

}
