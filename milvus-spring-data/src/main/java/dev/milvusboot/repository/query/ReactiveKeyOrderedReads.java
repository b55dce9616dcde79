package dev.milvusboot.repository.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import dev.milvusboot.client.data.Filter;
import dev.milvusboot.core.ReactiveMilvusTemplate;
import dev.milvusboot.repository.support.MilvusEntityInformation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;

/**
 * The reactive counterpart of {@link KeyOrderedReads}: the entities a filter matches in primary key order (the only
 * order Milvus can give), streamed with backpressure. The matching keys are read first (alone: small), ordered and
 * sliced; the entities are then fetched by key, one page of {@link #PAGE} at a time, and a page only when the
 * subscriber has asked for more entities than it was sent. So reads go past Milvus' offset + limit window of
 * 16,384 and never hold more than one page of entities. Nothing blocks: every call is a reactive one.
 *
 * @param <T> the entity type
 */
public final class ReactiveKeyOrderedReads<T> {

	/** How many entities one fetch by key asks for. */
	public static final int PAGE = 1_000;

	private final ReactiveMilvusTemplate template;

	private final MilvusEntityInformation<T, ?> entity;

	/**
	 * Reads of one entity type.
	 * @param template the template
	 * @param entity the entity
	 */
	public ReactiveKeyOrderedReads(ReactiveMilvusTemplate template, MilvusEntityInformation<T, ?> entity) {
		this.template = template;
		this.entity = entity;
	}

	/**
	 * Reads all matching entities.
	 * @param filter the filter, {@link Filter#NONE} for all
	 * @param sort the order (by id only; any other is an error signal)
	 * @return the entities in order
	 */
	public Flux<T> all(Filter filter, Sort sort) {
		return read(filter, sort, 0, 0);
	}

	/**
	 * Reads a slice of the matching entities.
	 * @param filter the filter, {@link Filter#NONE} for all
	 * @param sort the order (by id only; any other is an error signal)
	 * @param offset how many to skip
	 * @param limit how many at most, {@code 0} for all
	 * @return the entities of the slice, in order
	 */
	public Flux<T> read(Filter filter, Sort sort, long offset, long limit) {
		return Flux.defer(() -> {
			boolean descending = KeyOrderedReads.descending(this.entity, sort);
			return keys(matching(filter)).flatMapMany((keys) -> {
				Comparator<Object> ascending = KeyOrderedReads::compareKeys;
				keys.sort(descending ? ascending.reversed() : ascending);
				int from = (int) Math.min(offset, keys.size());
				int to = (limit == 0) ? keys.size() : (int) Math.min(keys.size(), from + limit);
				return Flux.fromIterable(pages(keys.subList(from, to)))
					.concatMap((page) -> whenRequested(() -> page(page, descending)), 0);
			});
		});
	}

	/**
	 * Keys in pages of {@link #PAGE}, in order.
	 * @param keys the keys
	 * @return the pages
	 */
	public static List<List<Object>> pages(List<Object> keys) {
		List<List<Object>> pages = new ArrayList<>();
		for (int start = 0; start < keys.size(); start += PAGE) {
			pages.add(keys.subList(start, Math.min(keys.size(), start + PAGE)));
		}
		return pages;
	}

	/**
	 * The keys a filter matches, in no particular order. Some servers (Milvus Lite 2.5) return at most 16,383
	 * rows to a query without limit: when many come back and a count says there are more, the keys are read again
	 * in ranges of ascending keys, checked against the count.
	 * @param filter the filter, {@link Filter#NONE} for all
	 * @return the keys
	 */
	public Mono<List<Object>> keys(Filter filter) {
		Filter matching = matching(filter);
		return keyRange(matching, null, 0).flatMap((keys) -> complete(keys.size(), matching)
			.flatMap((complete) -> complete ? Mono.just(keys) : rangedKeys(matching)));
	}

	private Mono<List<Object>> rangedKeys(Filter matching) {
		int range = KeyOrderedReads.RANGE;
		return keyRange(matching, null, range)
			.expand((keys) -> (keys.size() < range) ? Mono.empty() : keyRange(matching, keys.get(keys.size() - 1), range))
			.concatMapIterable((keys) -> keys)
			.collectList()
			.zipWith(this.template.count(this.entity.collection(), matching),
					(keys, total) -> KeyOrderedReads.checkedKeys(this.entity, matching, keys, total));
	}

	private Mono<Boolean> complete(int read, Filter matching) {
		return (read < KeyOrderedReads.VERIFIED_ABOVE) ? Mono.just(true)
				: this.template.count(this.entity.collection(), matching).map((total) -> total == read);
	}

	/** The matching keys, in ascending order: all the server returns ({@code limit} 0), or the first after a key. */
	private Mono<List<Object>> keyRange(Filter matching, Object after, int limit) {
		String idField = this.entity.idProperty().milvusName();
		return this.template.query(KeyOrderedReads.keyQuery(this.entity, matching, after, limit))
			.map((row) -> row.get(idField))
			.sort(KeyOrderedReads::compareKeys)
			.collectList();
	}

	/** The entities of one page of keys, in key order. */
	private Flux<T> page(List<Object> keys, boolean descending) {
		Comparator<T> ascending = (a, b) -> KeyOrderedReads.compareKeys(this.entity.getId(a), this.entity.getId(b));
		return this.template.findByIds(this.entity.getJavaType(), keys)
			.sort(descending ? ascending.reversed() : ascending);
	}

	/**
	 * A publisher made and subscribed to only when its first element is asked for: {@code concatMap} subscribes to
	 * the next page as soon as the previous one completes, which would send its call before any demand.
	 * @param <E> the element type
	 * @param source makes the publisher
	 * @return the publisher, started by the first request
	 */
	public static <E> Flux<E> whenRequested(Supplier<Flux<E>> source) {
		return Flux.create((sink) -> {
			AtomicBoolean started = new AtomicBoolean();
			sink.onRequest((n) -> {
				if (started.compareAndSet(false, true)) {
					sink.onDispose(source.get().subscribe(sink::next, sink::error, sink::complete));
				}
			});
		});
	}

	private Filter matching(Filter filter) {
		return filter.isEmpty() ? Filter.of(this.entity.matchAll()) : filter;
	}

}
