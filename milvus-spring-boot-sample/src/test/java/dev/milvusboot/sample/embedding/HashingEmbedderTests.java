package dev.milvusboot.sample.embedding;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The offline stand-in embedder: deterministic, normalised, and closer for texts sharing words and phrases.
 */
class HashingEmbedderTests {

	private final HashingEmbedder embedder = new HashingEmbedder();

	@Test
	void vectorsHaveTheDimensionAndUnitLength() {
		float[] vector = this.embedder.embed("Cats purr when they are content");
		assertThat(vector).hasSize(HashingEmbedder.DIMENSION);
		assertThat(this.embedder.dimension()).isEqualTo(HashingEmbedder.DIMENSION);
		assertThat(dot(vector, vector)).isCloseTo(1.0, offset(1e-5));
	}

	@Test
	void sameTextSameVectorIgnoringCaseAndPunctuation() {
		assertThat(this.embedder.embed("Cats purr, when content!"))
			.containsExactly(this.embedder.embed("cats PURR when content"));
	}

	@Test
	void textsSharingWordsAreCloserThanUnrelatedOnes() {
		float[] query = this.embedder.embed("why do cats purr");
		double cats = dot(query, this.embedder.embed("Cats purr when they are content"));
		double bread = dot(query, this.embedder.embed("Bake the bread until the crust is golden"));
		assertThat(cats).isGreaterThan(bread + 0.2);
	}

	@Test
	void textWithoutWordsIsTheZeroVector() {
		assertThat(this.embedder.embed(" ?! -- ")).containsOnly(0f);
	}

	private static double dot(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

}
