package dev.milvusboot.client.internal.command;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;

import dev.milvusboot.client.Limits;

import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.exception.MilvusUnsupportedException;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;

/**
 * The pages of every entity a query matches, in primary key order, {@code batchSize} at a time. The matching
 * primary keys are read first, alone (small, and a consistent snapshot); each page is then fetched by its keys, so
 * no entity is skipped or repeated whatever order the server returns results in. Pages are fetched one at a
 * time, each without blocking ({@link #next()}); the blocking {@link #iterator()} waits for them. Internal API.
 */
final class QueryPages {

	/** Key reads at least this large are checked against a count. */
	private static final int COUNTED_ABOVE = 16_000;

	private final Dispatch dispatch;

	private final Query query;

	private final int batchSize;

	private final List<Object> keys;

	private int next;

	private QueryPages(Dispatch dispatch, Query query, int batchSize, List<Object> keys) {
		this.dispatch = dispatch;
		this.query = query;
		this.batchSize = batchSize;
		this.keys = keys;
	}

	/**
	 * Checks the page size of a query iterator.
	 * @param batchSize the entities per page
	 */
	static void checkBatchSize(int batchSize) {
		if (batchSize < 1 || batchSize > Limits.MAX_PAGE_SIZE) {
			throw new MilvusInvalidArgumentException("Query iterator batch size must be between 1 and " + Limits.MAX_PAGE_SIZE + ", but was "
					+ batchSize);
		}
	}

	/**
	 * Reads the primary keys the query matches.
	 * @param dispatch the dispatch
	 * @param query the query; its limit, if any, caps the total
	 * @param batchSize the entities per page (checked)
	 * @return the future pages, none fetched yet
	 */
	static CompletableFuture<QueryPages> start(Dispatch dispatch, Query query, int batchSize) {
		return Schemas.load(dispatch, query.collection()).thenCompose((schema) -> {
			FieldSchema key = schema.primaryKey();
			Query.Builder keysQuery = Query.in(query.collection())
				.filter(query.filter().isEmpty() ? Filter.of(matchAll(key)) : query.filter())
				.outputFields(key.name());
			query.partitions().forEach(keysQuery::partitions);
			if (query.consistency() != null) {
				keysQuery.consistency(query.consistency());
			}
			Query keys = keysQuery.build();
			return QueryRequests.query(keys).executeAsync(dispatch).thenCompose((rows) -> {
				List<Object> read = new ArrayList<>(rows.size());
				rows.forEach((row) -> read.add(row.get(key.name())));
				return complete(dispatch, keys, read);
			}).thenApply((read) -> {
				read.sort(QueryPages::compareKeys);
				List<Object> capped = (query.limit() > 0 && read.size() > query.limit())
						? read.subList(0, (int) query.limit()) : read;
				return new QueryPages(dispatch, query, batchSize, capped);
			});
		});
	}

	/**
	 * The keys read, once a count says they are all the matches: a server may cap a query without limit (Milvus Lite
	 * 2.5 returns at most 16,383 rows), and the iterator would then silently miss entities.
	 */
	private static CompletableFuture<List<Object>> complete(Dispatch dispatch, Query keys, List<Object> read) {
		if (read.size() < COUNTED_ABOVE) {
			return CompletableFuture.completedFuture(read);
		}
		Query.Builder count = Query.in(keys.collection()).filter(keys.filter()).outputFields("count(*)");
		keys.partitions().forEach(count::partitions);
		if (keys.consistency() != null) {
			count.consistency(keys.consistency());
		}
		return QueryRequests.countOf(count.build()).executeAsync(dispatch).thenApply((matching) -> {
			if (matching != read.size()) {
				throw new MilvusUnsupportedException("Query iterator of collection '" + keys.collection()
						+ "': the server returned " + read.size() + " of the " + matching + " primary keys the filter "
						+ keys.filter() + " matches (it caps a query's results, as Milvus Lite 2.5 does at 16,383); "
						+ "iterate over narrower filters, e.g. ranges of primary keys");
			}
			return read;
		});
	}

	/** A filter every primary key matches, that every server parses (Milvus 2.3 refuses Long.MIN_VALUE). */
	private static String matchAll(FieldSchema key) {
		return (key.dataType() == DataType.INT64) ? key.name() + " >= 0 or " + key.name() + " < 0"
				: key.name() + " >= \"\"";
	}

	@SuppressWarnings("unchecked")
	private static int compareKeys(Object a, Object b) {
		return ((Comparable<Object>) a).compareTo(b);
	}

	/** Whether pages are left to fetch. */
	boolean hasNext() {
		return this.next < this.keys.size();
	}

	/**
	 * Fetches the next page; not to be called before the previous page arrived.
	 * @return the future page, empty once no entities are left
	 */
	CompletableFuture<List<Row>> next() {
		if (!hasNext()) {
			return CompletableFuture.completedFuture(List.of());
		}
		List<Object> page = this.keys.subList(this.next, Math.min(this.keys.size(), this.next + this.batchSize));
		this.next += page.size();
		return QueryRequests.get(this.query.collection(), this.query.partitions(), page, this.query.outputFields())
			.executeAsync(this.dispatch);
	}

	/** The pages as a blocking iterator. */
	Iterator<List<Row>> iterator() {
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return QueryPages.this.hasNext();
			}

			@Override
			public List<Row> next() {
				if (!hasNext()) {
					throw new NoSuchElementException("No more pages");
				}
				return Futures.join(QueryPages.this.next());
			}

		};
	}

}
