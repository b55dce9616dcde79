package dev.milvusboot.client.api.reactive;

import dev.milvusboot.client.data.Hit;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.data.Search;
import reactor.core.publisher.Flux;

/**
 * The paged reads in reactive form, written by hand (their blocking forms are iterators): each is a {@code Flux}
 * that fetches a page only when its subscriber has asked for more elements than it holds, and fetches nothing
 * more once cancelled. Nothing is sent before the first request.
 */
public interface MilvusPagingReactiveCommands {

	/**
	 * Every entity a query matches, in primary key order, however many there are: the matching primary keys are
	 * read with the first request, then the entities page by page, as demanded.
	 * @param query the query; its limit, if any, caps the total
	 * @param batchSize the entities per page (1 to 16384)
	 * @return the entities
	 */
	Flux<Row> queryIterator(Query query, int batchSize);

	/**
	 * The hits of one query vector, best first, beyond the 16384 one search may return, page by page as demanded.
	 * @param search the search, with exactly one query vector (its top-k is ignored)
	 * @param batchSize the hits per page (1 to 16384)
	 * @param total the most hits to return in all
	 * @return the hits
	 */
	Flux<Hit> searchIterator(Search search, int batchSize, long total);

}
