package dev.milvusboot.sample;

import dev.milvusboot.sample.embedding.HashingEmbedder;

/**
 * What a search should answer, computed in plain Java: the cosine similarity of the sample's embeddings, which
 * are L2-normalised, so it is their dot product.
 */
final class ExactSearch {

	private static final HashingEmbedder EMBEDDER = new HashingEmbedder();

	private ExactSearch() {
	}

	/** The cosine similarity of a query text and a document's text, as the sample embeds them. */
	static float cosine(String query, String text) {
		return cosine(EMBEDDER.embed(query), text);
	}

	/** The cosine similarity of a query vector and a document's text, as the sample embeds it. */
	static float cosine(float[] query, String text) {
		float[] vector = EMBEDDER.embed(text);
		double dot = 0;
		for (int i = 0; i < vector.length; i++) {
			dot += (double) query[i] * vector[i];
		}
		return (float) dot;
	}

}
