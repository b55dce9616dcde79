package dev.milvusboot.benchmarks.paths;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStore;

/**
 * A LangChain4j store as a contender: segments with metadata added with their pre-computed embeddings
 * ({@code addAll(ids, embeddings, segments)}), searched by a pre-computed query embedding.
 */
abstract class LangChain4jDriver extends StoreDriver {

	private final float[][] embeddings;

	private final Embedding[] queries;

	private EmbeddingStore<TextSegment> store;

	private EmbeddingStore<TextSegment> atOfficialConsistency;

	LangChain4jDriver(String[] args) {
		super(args);
		this.embeddings = PathsData.storeEmbeddings(this.rows);
		float[][] vectors = PathsData.storeQueries();
		this.queries = new Embedding[vectors.length];
		for (int q = 0; q < vectors.length; q++) {
			this.queries[q] = Embedding.from(vectors[q]);
		}
	}

	/** Drops the collection if it exists, then builds the store (which creates it). */
	abstract EmbeddingStore<TextSegment> createStore();

	/**
	 * A store on the same collection that searches at the official store's consistency level (Eventually); the
	 * official driver's own store.
	 */
	abstract EmbeddingStore<TextSegment> storeAtOfficialConsistency();

	@Override
	void prepare() {
		this.store = createStore();
		this.atOfficialConsistency = storeAtOfficialConsistency();
	}

	@Override
	Runnable add(int first, int count) {
		List<String> ids = new ArrayList<>(count);
		List<Embedding> vectors = new ArrayList<>(count);
		List<TextSegment> segments = new ArrayList<>(count);
		for (int i = first; i < first + count; i++) {
			ids.add(id(i));
			vectors.add(Embedding.from(this.embeddings[i]));
			segments.add(TextSegment.from(PathsData.storeText(i),
					Metadata.from(Map.of("category", "c" + (i % 10), "year", 2000 + (i % 25)))));
		}
		return () -> this.store.addAll(ids, vectors, segments);
	}

	@Override
	List<String> search(String kind, int q) {
		EmbeddingStore<TextSegment> searched = kind.equals(SEARCH_AT_OFFICIAL_CONSISTENCY) ? this.atOfficialConsistency
				: this.store;
		return searched.search(EmbeddingSearchRequest.builder().queryEmbedding(this.queries[q]).maxResults(TOP_K)
			.build()).matches().stream().map(EmbeddingMatch::embeddingId).toList();
	}

}
