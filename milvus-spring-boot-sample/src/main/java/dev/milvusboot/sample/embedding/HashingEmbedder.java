package dev.milvusboot.sample.embedding;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A stand-in for an embedding model, for demonstrations only: feature hashing of the lower-cased words of a text
 * and of its adjacent word pairs into {@value #DIMENSION} dimensions, L2-normalised. Texts sharing words and
 * phrases get close vectors; it knows nothing of meaning (synonyms, other languages). Deterministic across runs
 * and machines, needs no network or model files. Replace it with a real model behind {@link Embedder}.
 */
public final class HashingEmbedder implements Embedder {

	/** The dimension of the vectors. */
	public static final int DIMENSION = 256;

	private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{Nd}]+");

	private static final float PAIR_WEIGHT = 0.5f;

	@Override
	public int dimension() {
		return DIMENSION;
	}

	@Override
	public float[] embed(String text) {
		float[] vector = new float[DIMENSION];
		String previous = null;
		for (String word : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
			if (word.isEmpty()) {
				continue;
			}
			add(vector, word, 1f);
			if (previous != null) {
				add(vector, previous + ' ' + word, PAIR_WEIGHT);
			}
			previous = word;
		}
		return normalize(vector);
	}

	private static void add(float[] vector, String feature, float weight) {
		int hash = fnv1a(feature);
		// the lowest bits choose the dimension, the highest the sign (limits the bias of collisions)
		int index = Math.floorMod(hash, DIMENSION);
		vector[index] += (hash < 0) ? -weight : weight;
	}

	private static int fnv1a(String feature) {
		int hash = 0x811c9dc5;
		for (byte b : feature.getBytes(StandardCharsets.UTF_8)) {
			hash ^= (b & 0xff);
			hash *= 0x01000193;
		}
		return hash;
	}

	private static float[] normalize(float[] vector) {
		double sum = 0;
		for (float value : vector) {
			sum += value * value;
		}
		if (sum > 0) {
			float norm = (float) Math.sqrt(sum);
			for (int i = 0; i < vector.length; i++) {
				vector[i] /= norm;
			}
		}
		return vector;
	}

}
