package dev.milvusboot.springai;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/**
 * A deterministic, offline embedding model for tests: each lower-cased word adds 1 to the dimension its hash
 * selects, and the vector is normalised to unit length (so that texts sharing words are close).
 */
final class WordHashEmbeddingModel implements EmbeddingModel {

	static final int DIMENSION = 16;

	@Override
	public EmbeddingResponse call(EmbeddingRequest request) {
		List<Embedding> embeddings = new ArrayList<>();
		for (String text : request.getInstructions()) {
			embeddings.add(new Embedding(embed(text), embeddings.size()));
		}
		return new EmbeddingResponse(embeddings);
	}

	@Override
	public float[] embed(Document document) {
		return embed(document.getText());
	}

	@Override
	public float[] embed(String text) {
		float[] vector = new float[DIMENSION];
		for (String word : text.toLowerCase(Locale.ROOT).split("\\W+")) {
			if (!word.isEmpty()) {
				int hash = 0;
				for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
					hash = hash * 31 + b;
				}
				vector[Math.floorMod(hash, DIMENSION)] += 1;
			}
		}
		vector[DIMENSION - 1] += 0.5f; // never the zero vector
		return TestVectors.normalise(vector);
	}

	@Override
	public int dimensions() {
		return DIMENSION;
	}

}
