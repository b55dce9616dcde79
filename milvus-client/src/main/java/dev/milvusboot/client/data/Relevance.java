package dev.milvusboot.client.data;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.exception.MilvusUnsupportedException;
import dev.milvusboot.client.schema.MetricType;

/**
 * One meaning of "how relevant is a hit", in [0, 1] where 1 is best, for every metric, shared by the framework
 * integrations (Spring AI, LangChain4j, Spring Data) so that a score means the same thing through each of them.
 * <table>
 * <caption>Relevance of a hit from the score Milvus returns</caption>
 * <tr><th>metric</th><th>Milvus returns</th><th>relevance</th></tr>
 * <tr><td>COSINE</td><td>cosine similarity s in [-1, 1]</td><td>(1 + s) / 2</td></tr>
 * <tr><td>IP</td><td>inner product s (in [-1, 1] for unit vectors)</td><td>(1 + s) / 2, clamped to [0, 1]</td></tr>
 * <tr><td>L2</td><td>squared Euclidean distance d &ge; 0</td><td>1 / (1 + d)</td></tr>
 * <tr><td>HAMMING</td><td>number of differing bits d &ge; 0</td><td>1 / (1 + d)</td></tr>
 * <tr><td>JACCARD</td><td>Jaccard distance d in [0, 1]</td><td>1 - d</td></tr>
 * </table>
 * BM25 scores are unbounded (and negative on Milvus Lite 3): they have no relevance in [0, 1].
 * <p>
 * A minimum relevance becomes a server-side range search: {@link #radius(MetricType, double)} gives the bound on the
 * raw score that Milvus applies as the {@code radius} search parameter, so that no hit below it is transferred and
 * top-k counts only hits that pass.
 */
public final class Relevance {

	/**
	 * How far the server's bound is widened, so that a hit exactly at the minimum is not lost to Milvus' strict
	 * comparison or float rounding; {@link #meets(MetricType, float, double)} then applies the exact bound.
	 */
	static final double TOLERANCE = 1e-6;

	private Relevance() {
	}

	/**
	 * The relevance of a hit.
	 * @param metric the metric of the searched field's index
	 * @param score the score Milvus returned
	 * @return the relevance in [0, 1]
	 * @throws MilvusUnsupportedException for BM25
	 */
	public static double of(MetricType metric, float score) {
		return switch (metric) {
			case COSINE, IP -> clamp((1.0 + score) / 2.0);
			case L2, HAMMING -> 1.0 / (1.0 + Math.max(0.0, score));
			case JACCARD -> clamp(1.0 - score);
			case BM25 -> throw bm25();
		};
	}

	/**
	 * Whether a hit is at least as relevant as asked.
	 * @param metric the metric
	 * @param score the score Milvus returned
	 * @param minRelevance the minimum relevance in [0, 1]
	 * @return whether the hit passes
	 */
	public static boolean meets(MetricType metric, float score, double minRelevance) {
		return of(metric, score) >= minRelevance - TOLERANCE;
	}

	/**
	 * The {@code radius} search parameter that keeps only hits with at least this relevance: a lower bound on the
	 * similarity for COSINE and IP, an upper bound on the distance for L2, HAMMING and JACCARD.
	 * @param metric the metric
	 * @param minRelevance the minimum relevance, greater than 0 and at most 1
	 * @return the radius
	 * @throws MilvusInvalidArgumentException if the minimum is outside (0, 1]
	 * @throws MilvusUnsupportedException for BM25
	 */
	public static double radius(MetricType metric, double minRelevance) {
		if (!(minRelevance > 0 && minRelevance <= 1)) {
			throw new MilvusInvalidArgumentException(
					"A minimum relevance must be greater than 0 and at most 1, but was " + minRelevance);
		}
		return switch (metric) {
			case COSINE, IP -> 2.0 * minRelevance - 1.0 - TOLERANCE;
			case L2, HAMMING -> 1.0 / minRelevance - 1.0 + TOLERANCE;
			case JACCARD -> 1.0 - minRelevance + TOLERANCE;
			case BM25 -> throw bm25();
		};
	}

	private static double clamp(double value) {
		return Math.min(1.0, Math.max(0.0, value));
	}

	private static MilvusUnsupportedException bm25() {
		return new MilvusUnsupportedException(
				"BM25 scores are unbounded and have no relevance in [0, 1]; use the raw score (Hit.score())");
	}

}
