package dev.milvusboot.springai;

import dev.milvusboot.client.schema.MetricType;

/** Vector math in plain Java, for expected scores computed independently of Milvus. */
final class TestVectors {

	private TestVectors() {
	}

	static float[] normalise(float[] vector) {
		double norm = 0;
		for (float v : vector) {
			norm += v * v;
		}
		float[] unit = new float[vector.length];
		for (int i = 0; i < vector.length; i++) {
			unit[i] = (float) (vector[i] / Math.sqrt(norm));
		}
		return unit;
	}

	/** The raw score Milvus reports: similarity for COSINE and IP, squared distance for L2. */
	static float score(MetricType metric, float[] a, float[] b) {
		double dot = 0;
		double normA = 0;
		double normB = 0;
		double squared = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			normA += a[i] * a[i];
			normB += b[i] * b[i];
			squared += (a[i] - b[i]) * (a[i] - b[i]);
		}
		return switch (metric) {
			case COSINE -> (float) (dot / Math.sqrt(normA * normB));
			case IP -> (float) dot;
			case L2 -> (float) squared;
			default -> throw new IllegalArgumentException(metric.name());
		};
	}

}
