package dev.milvusboot.client.api.sync;

import java.util.List;

import dev.milvusboot.client.data.AnalyzerRun;
import dev.milvusboot.client.data.AnalyzerToken;
import dev.milvusboot.client.data.HybridSearch;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.data.SearchIterator;
import dev.milvusboot.client.data.SearchResults;
import dev.milvusboot.codegen.CommandForms;

/**
 * Searches: by query vectors (concurrent searches of the same shape may be combined into one request, see
 * {@code MilvusClientOptions#searchCoalescing}), by raw text (BM25 full-text search) or by primary keys; hybrid
 * over several fields with rankers; paging through the hits of one query vector; and running analyzers.
 */
@CommandForms
public interface MilvusSearchCommands {

	/**
	 * Runs a search by query vectors, raw texts or primary keys.
	 * @param search the search
	 * @return the hits of each query
	 */
	SearchResults search(Search search);

	/**
	 * Runs texts through an analyzer, given by its parameters or a collection's field (Milvus 2.5.11 and later;
	 * servers without it answer with {@code MilvusUnsupportedException}).
	 * @param run the texts and the analyzer
	 * @return the tokens of each text, in order
	 */
	List<List<AnalyzerToken>> runAnalyzer(AnalyzerRun run);

	/**
	 * Runs a hybrid search over several fields (Milvus 2.4 and later).
	 * @param search the hybrid search
	 * @return the merged hits of each query
	 */
	SearchResults hybridSearch(HybridSearch search);

	/**
	 * Pages through the hits of one query vector, best first, beyond the 16384 one search may return. The reactive
	 * form is a {@code Flux} fetching pages on demand.
	 * @param search the search, with exactly one query vector (its top-k is ignored)
	 * @param batchSize the hits per page (1 to 16384)
	 * @param total the most hits to return in all
	 * @return the pages
	 */
	@CommandForms.BlockingOnly
	SearchIterator searchIterator(Search search, int batchSize, long total);

}
