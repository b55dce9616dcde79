package dev.milvusboot.client.data.rank;

import java.util.ArrayList;
import java.util.List;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * Weighted scores: each sub-search's score times its weight, summed; scores are first normalized to [0, 1]
 * (arctan for IP and BM25, {@code 1 - 2·arctan(d)/π} for L2) unless {@link #normalize()} is {@code false}.
 *
 * @param weights one weight in [0, 1] per sub-search, in the order they were added
 * @param normalize whether scores are normalized before weighting ({@code norm_score}, default {@code true})
 */
public record WeightedRanker(List<Double> weights, boolean normalize) implements Ranker {

	/**
	 * Checks the weights.
	 * @throws MilvusInvalidArgumentException if there are none or one is outside [0, 1]
	 */
	public WeightedRanker {
		weights = List.copyOf(weights);
		if (weights.isEmpty()) {
			throw new MilvusInvalidArgumentException("Weighted ranker: weights must hold one weight per sub-search");
		}
		for (int i = 0; i < weights.size(); i++) {
			double weight = weights.get(i);
			if (!(weight >= 0 && weight <= 1)) {
				throw new MilvusInvalidArgumentException(
						"Weighted ranker: weights[" + i + "] must be in [0, 1], but was " + weight);
			}
		}
	}

	/**
	 * Weighted, normalized scores.
	 * @param weights one per sub-search
	 * @return the ranker
	 */
	public static WeightedRanker of(double... weights) {
		List<Double> list = new ArrayList<>(weights.length);
		for (double weight : weights) {
			list.add(weight);
		}
		return new WeightedRanker(list, true);
	}

	/**
	 * The same weights, with or without normalization.
	 * @param normalize whether scores are normalized first
	 * @return the ranker
	 */
	public WeightedRanker normalize(boolean normalize) {
		return new WeightedRanker(this.weights, normalize);
	}

}
