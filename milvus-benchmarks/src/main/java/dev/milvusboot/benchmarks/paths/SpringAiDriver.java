package dev.milvusboot.benchmarks.paths;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.BatchingStrategy;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;

/**
 * A Spring AI store as a contender: documents with metadata, embedded by a {@link LookupEmbeddingModel}, in one
 * batch per add (a pass-through {@link BatchingStrategy}, so Spring AI's token counting is left out on both sides),
 * searched by a query text whose embedding is looked up.
 */
abstract class SpringAiDriver extends StoreDriver {

	/** One batch per add: the documents as given. */
	static final BatchingStrategy ONE_BATCH = List::of;

	private VectorStore store;

	private VectorStore atOfficialConsistency;

	SpringAiDriver(String[] args) {
		super(args);
	}

	/** Drops the collection if it exists, then builds and initializes the store (which creates it). */
	abstract VectorStore createStore(LookupEmbeddingModel embeddingModel) throws Exception;

	/**
	 * A store on the same collection that searches at the official store's consistency level (Strong); the official
	 * driver's own store.
	 */
	abstract VectorStore storeAtOfficialConsistency(LookupEmbeddingModel embeddingModel);

	@Override
	void prepare() throws Exception {
		LookupEmbeddingModel model = new LookupEmbeddingModel(this.rows);
		this.store = createStore(model);
		this.atOfficialConsistency = storeAtOfficialConsistency(model);
	}

	@Override
	Runnable add(int first, int count) {
		List<Document> documents = new ArrayList<>(count);
		for (int i = first; i < first + count; i++) {
			documents.add(Document.builder()
				.id(id(i))
				.text(PathsData.storeText(i))
				.metadata(Map.of("category", "c" + (i % 10), "year", 2000 + (i % 25)))
				.build());
		}
		return () -> this.store.add(documents);
	}

	@Override
	List<String> search(String kind, int q) {
		VectorStore searched = kind.equals(SEARCH_AT_OFFICIAL_CONSISTENCY) ? this.atOfficialConsistency : this.store;
		return searched.similaritySearch(SearchRequest.builder().query(PathsData.storeQueryText(q)).topK(TOP_K)
			.build()).stream().map(Document::getId).toList();
	}

}
