package dev.milvusboot.sample.embedding;

/**
 * Turns text into a vector whose nearness means similar text. A real application implements it with an embedding
 * model (a local ONNX model, a Spring AI {@code EmbeddingModel}, a hosted API); the sample ships
 * {@link HashingEmbedder} so it runs without network access or model files.
 */
public interface Embedder {

	/**
	 * The dimension of every vector.
	 * @return the dimension
	 */
	int dimension();

	/**
	 * The vector of a text, L2-normalised.
	 * @param text the text
	 * @return its vector, of {@link #dimension()} floats; all zeros when the text has no words
	 */
	float[] embed(String text);

}
