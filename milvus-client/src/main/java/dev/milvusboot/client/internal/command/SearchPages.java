package dev.milvusboot.client.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;

import dev.milvusboot.client.Limits;

import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.data.Hit;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.data.SearchIterator;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.internal.codec.Json;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.MetricType;

/**
 * The pages of one search by score ranges, up to a total that may exceed what one search returns: each page is
 * a range search continuing from the last score seen, leaving out the hits already returned at that score. Pages
 * are fetched one at a time, each without blocking ({@link #next()}); the blocking {@link #iterator()} waits for
 * them. Internal API.
 */
final class SearchPages {

	private final Dispatch dispatch;

	private final Search search;

	private final FieldSchema key;

	private final MetricType metric;

	private final int batchSize;

	private final long total;

	private long returned;

	private Float lastScore;

	private final List<Object> idsAtLastScore = new ArrayList<>();

	private boolean done;

	private SearchPages(Dispatch dispatch, Search search, FieldSchema key, MetricType metric, int batchSize,
			long total) {
		this.dispatch = dispatch;
		this.search = search;
		this.key = key;
		this.metric = metric;
		this.batchSize = batchSize;
		this.total = total;
	}

	/**
	 * Checks the arguments of a search iterator.
	 * @param search the search
	 * @param batchSize the hits per page
	 */
	static void check(Search search, int batchSize) {
		if (search.vectors().size() != 1) {
			throw new MilvusInvalidArgumentException("A search iterator takes exactly one query vector, but got "
					+ search.vectors().size());
		}
		if (batchSize < 1 || batchSize > Limits.MAX_PAGE_SIZE) {
			throw new MilvusInvalidArgumentException(
					"Search iterator batch size must be between 1 and " + Limits.MAX_PAGE_SIZE + ", but was " + batchSize);
		}
	}

	/**
	 * Prepares the pages: the schema, and the metric of the index if the search names none.
	 * @param dispatch the dispatch
	 * @param search the search (checked)
	 * @param batchSize the hits per page
	 * @param total the most hits in all
	 * @return the future pages, none fetched yet
	 */
	static CompletableFuture<SearchPages> start(Dispatch dispatch, Search search, int batchSize, long total) {
		return Schemas.load(dispatch, search.collection()).thenCompose((schema) -> {
			String field = (search.annsField() != null) ? search.annsField() : schema.vectorField().name();
			CompletableFuture<MetricType> metric = (search.metric() != null)
					? CompletableFuture.completedFuture(search.metric())
					: IndexRequests.describeIndex(search.collection(), field)
						.executeAsync(dispatch)
						.thenApply((index) -> metric(search.collection(), field, index.metricType()));
			return metric.thenApply((known) -> new SearchPages(dispatch, search, schema.primaryKey(), known,
					batchSize, total));
		});
	}

	private static MetricType metric(String collection, String field, String metric) {
		try {
			return MetricType.valueOf(metric.toUpperCase(Locale.ROOT));
		}
		catch (RuntimeException ex) {
			throw new MilvusInvalidArgumentException("Cannot page through the search of collection '" + collection
					+ "': unknown metric '" + metric + "' of the index on field '" + field + "'; set the metric");
		}
	}

	/**
	 * Fetches the next page; not to be called before the previous page arrived.
	 * @return the future page, empty once no hits are left
	 */
	CompletableFuture<List<Hit>> next() {
		int size = (int) Math.min(this.batchSize, this.total - this.returned);
		if (this.done || size <= 0) {
			this.done = true;
			return CompletableFuture.completedFuture(List.of());
		}
		return SearchRequests.search(page(size)).executeAsync(this.dispatch).thenApply((results) -> {
			List<Hit> hits = results.first();
			seen(hits);
			return hits;
		});
	}

	private Search page(int size) {
		Search.Builder page = Search.in(this.search.collection())
			.vectors(this.search.vectors().stream().map((v) -> (float[]) v).toList())
			.topK(size)
			.metric(this.metric)
			.outputFields(this.search.outputFields());
		if (this.search.annsField() != null) {
			page.annsField(this.search.annsField());
		}
		this.search.partitions().forEach(page::partitions);
		this.search.params().forEach(page::param);
		if (this.search.consistency() != null) {
			page.consistency(this.search.consistency());
		}
		Filter filter = this.search.filter();
		if (this.lastScore != null) {
			boolean smallerIsCloser = this.metric.smallerIsCloser();
			page.param("range_filter", this.lastScore);
			page.param("radius", smallerIsCloser ? Float.MAX_VALUE
					: (this.metric == MetricType.COSINE) ? -1.0f : -Float.MAX_VALUE);
			if (!this.idsAtLastScore.isEmpty()) {
				String seen = this.key.name() + " not in " + Json.write(this.idsAtLastScore, "ids");
				filter = filter.isEmpty() ? Filter.of(seen)
						: Filter.of("(" + filter.expression() + ") and " + seen, filter.params());
			}
		}
		page.filter(filter);
		return page.build();
	}

	private void seen(List<Hit> hits) {
		if (hits.isEmpty()) {
			this.done = true;
			return;
		}
		float last = hits.get(hits.size() - 1).score();
		if (this.lastScore == null || Float.compare(last, this.lastScore) != 0) {
			this.idsAtLastScore.clear();
		}
		for (Hit hit : hits) {
			if (Float.compare(hit.score(), last) == 0) {
				this.idsAtLastScore.add(hit.id());
			}
		}
		this.lastScore = last;
		this.returned += hits.size();
	}

	/** The pages as a blocking iterator. */
	SearchIterator iterator() {
		return new SearchIterator() {

			private List<Hit> next;

			@Override
			public boolean hasNext() {
				if (this.next == null && !SearchPages.this.done) {
					List<Hit> page = Futures.join(SearchPages.this.next());
					this.next = page.isEmpty() ? null : page;
				}
				return this.next != null;
			}

			@Override
			public List<Hit> next() {
				if (!hasNext()) {
					throw new NoSuchElementException("No more hits");
				}
				List<Hit> page = this.next;
				this.next = null;
				return page;
			}

		};
	}

}
