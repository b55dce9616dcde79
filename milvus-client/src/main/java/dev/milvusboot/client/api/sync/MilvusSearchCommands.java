package dev.milvusboot.client.api.sync;

import dev.milvusboot.client.data.HybridSearch;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.data.SearchIterator;
import dev.milvusboot.client.data.SearchResults;
import dev.milvusboot.codegen.CommandForms;

/**
 * Vector searches: by query vectors (concurrent searches of the same shape may be combined into one request, see
 * {@code MilvusClientOptions#searchCoalescing}), hybrid over several vector fields, and paging through the hits of
 * one query vector.
 */
@CommandForms
public interface MilvusSearchCommands {

	/**
	 * Runs a vector search.
	 * @param search the search
	 * @return the hits of each query vector
	 */
	SearchResults search(Search search);

	/**
	 * Runs a hybrid search over several vector fields (Milvus 2.4 and later).
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
