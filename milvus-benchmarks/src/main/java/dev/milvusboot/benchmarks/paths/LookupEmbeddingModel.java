package dev.milvusboot.benchmarks.paths;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/**
 * A Spring AI {@code EmbeddingModel} over pre-computed embeddings: the store documents' texts and the query texts
 * of {@link PathsData}, looked up by text (a hash lookup, the same for both stores). A document is embedded by its
 * text alone.
 */
final class LookupEmbeddingModel implements EmbeddingModel {

	private final Map<String, float[]> embeddings = new HashMap<>();

	LookupEmbeddingModel(int rows) {
		float[][] documents = PathsData.storeEmbeddings(rows);
		for (int i = 0; i < rows; i++) {
			this.embeddings.put(PathsData.storeText(i), documents[i]);
		}
		float[][] queries = PathsData.storeQueries();
		for (int q = 0; q < queries.length; q++) {
			this.embeddings.put(PathsData.storeQueryText(q), queries[q]);
		}
	}

	@Override
	public EmbeddingResponse call(EmbeddingRequest request) {
		List<Embedding> results = new ArrayList<>(request.getInstructions().size());
		for (String text : request.getInstructions()) {
			results.add(new Embedding(embed(text), results.size()));
		}
		return new EmbeddingResponse(results);
	}

	@Override
	public float[] embed(String text) {
		float[] embedding = this.embeddings.get(text);
		if (embedding == null) {
			throw new IllegalArgumentException("No pre-computed embedding for '" + text + "'");
		}
		return embedding;
	}

	@Override
	public float[] embed(Document document) {
		return embed(document.getText());
	}

	@Override
	public String getEmbeddingContent(Document document) {
		return document.getText();
	}

	@Override
	public int dimensions() {
		return PathsData.STORE_DIM;
	}

}
