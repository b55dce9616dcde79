package dev.milvusboot.benchmarks.paths;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.milvusboot.benchmarks.Fixtures;

/**
 * The data every contender of a part works on, deterministic (fixed seeds), so that each process builds the same:
 * documents of words from a fixed vocabulary (skewed, so that BM25 scores differ), short text queries, and vectors.
 */
final class PathsData {

	/** The dense vector dimension of the full-text collection. */
	static final int TEXT_DENSE_DIM = 128;

	/** The embedding dimension of the framework stores. */
	static final int STORE_DIM = Fixtures.DIM;

	/** Query texts and vectors generated per part. */
	static final int QUERIES = 500;

	private static final int VOCABULARY = 3_000;

	private static final int WORDS_PER_DOCUMENT = 16;

	private PathsData() {
	}

	/** Word {@code i} of the vocabulary: a made-up, pronounceable token. */
	static String word(int i) {
		String[] syllables = { "ka", "lo", "mi", "ru", "ten", "sa", "vo", "pi", "den", "ul", "ar", "zo" };
		StringBuilder word = new StringBuilder();
		int n = i;
		do {
			word.append(syllables[n % syllables.length]);
			n /= syllables.length;
		}
		while (n > 0);
		return word.toString();
	}

	/** A word index drawn with a skew towards the low indexes (frequent words). */
	private static int skewedWord(SplittableRandom random) {
		double u = random.nextDouble();
		return (int) (VOCABULARY * u * u * u);
	}

	/** The text of document {@code id} of the full-text collection. */
	static String documentText(long id) {
		SplittableRandom random = new SplittableRandom(1_000_003L * id + 17);
		StringBuilder text = new StringBuilder();
		for (int w = 0; w < WORDS_PER_DOCUMENT; w++) {
			if (w > 0) {
				text.append(' ');
			}
			text.append(word(skewedWord(random)));
		}
		return text.toString();
	}

	/** {@value #QUERIES} text queries of two or three words. */
	static List<String> textQueries() {
		SplittableRandom random = new SplittableRandom(31);
		List<String> queries = new ArrayList<>(QUERIES);
		for (int q = 0; q < QUERIES; q++) {
			int words = 2 + random.nextInt(2);
			StringBuilder query = new StringBuilder();
			for (int w = 0; w < words; w++) {
				if (w > 0) {
					query.append(' ');
				}
				query.append(word(skewedWord(random)));
			}
			queries.add(query.toString());
		}
		return queries;
	}

	/** The dense vectors of the full-text collection's documents {@code 0 .. rows - 1}. */
	static float[][] documentVectors(int rows) {
		return Fixtures.vectors(rows, TEXT_DENSE_DIM, 99);
	}

	/** The dense query vectors of the hybrid searches. */
	static float[][] denseQueries() {
		return Fixtures.vectors(QUERIES, TEXT_DENSE_DIM, 7);
	}

	/** The text of framework store document {@code i}. */
	static String storeText(int i) {
		return "Document " + i + ": " + documentText(i);
	}

	/** The pre-computed embeddings of the framework stores' documents. */
	static float[][] storeEmbeddings(int rows) {
		return Fixtures.vectors(rows, STORE_DIM, 42);
	}

	/** The query embeddings of the framework stores' similarity searches. */
	static float[][] storeQueries() {
		return Fixtures.vectors(QUERIES, STORE_DIM, 43);
	}

	/** The query text standing for store query {@code q} (Spring AI stores embed a text). */
	static String storeQueryText(int q) {
		return "query " + q;
	}

}
