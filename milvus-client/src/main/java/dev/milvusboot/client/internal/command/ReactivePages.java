package dev.milvusboot.client.internal.command;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * Pages as a {@link Flux} with backpressure: a page is fetched only when the subscriber has requested more elements
 * than are held, one page at a time; elements are emitted only as requested; once cancelled nothing more is fetched
 * (a page in flight is dropped). Kept apart so that applications without Reactor never load it. Internal API.
 *
 * @param <P> the pager (its state)
 * @param <T> the element type
 */
final class ReactivePages<P, T> {

	private final FluxSink<T> sink;

	private final Supplier<CompletableFuture<P>> start;

	private final Function<P, CompletableFuture<List<T>>> next;

	private final ArrayDeque<T> held = new ArrayDeque<>();

	private final AtomicInteger work = new AtomicInteger();

	private P pager;

	private boolean fetching;

	private boolean exhausted;

	private boolean terminated;

	private volatile List<T> arrived;

	private volatile Throwable failure;

	private volatile boolean cancelled;

	private ReactivePages(FluxSink<T> sink, Supplier<CompletableFuture<P>> start,
			Function<P, CompletableFuture<List<T>>> next) {
		this.sink = sink;
		this.start = start;
		this.next = next;
	}

	/**
	 * A flux of the elements of pages.
	 * @param <P> the pager type
	 * @param <T> the element type
	 * @param start prepares the pager (run with the first request)
	 * @param next fetches the next page of a pager; an empty page ends the flux
	 * @return the flux
	 */
	static <P, T> Flux<T> flux(Supplier<CompletableFuture<P>> start, Function<P, CompletableFuture<List<T>>> next) {
		return Flux.create((sink) -> {
			ReactivePages<P, T> pages = new ReactivePages<>(sink, start, next);
			sink.onCancel(pages::cancel);
			sink.onRequest((n) -> pages.drain());
		}, FluxSink.OverflowStrategy.BUFFER);
	}

	private void cancel() {
		this.cancelled = true;
		drain();
	}

	/**
	 * Emits, completes or fetches as demand and state say; one thread at a time, the others leave work. Whatever a
	 * step throws (an {@link Error} too) ends the flux with that error: the loop never stays marked busy, which would
	 * leave the subscriber waiting for a signal that never comes.
	 */
	private void drain() {
		if (this.work.getAndIncrement() != 0) {
			return;
		}
		int missed = 1;
		do {
			try {
				step();
			}
			catch (Throwable ex) {
				fail(ex);
			}
			missed = this.work.addAndGet(-missed);
		}
		while (missed != 0);
	}

	private void fail(Throwable ex) {
		if (!this.terminated) {
			this.terminated = true;
			this.held.clear();
			this.sink.error(ex);
		}
	}

	private void step() {
		if (this.terminated) {
			return;
		}
		if (this.cancelled) {
			this.terminated = true;
			this.held.clear();
			return;
		}
		Throwable failed = this.failure;
		if (failed != null) {
			fail(failed);
			return;
		}
		List<T> page = this.arrived;
		if (page != null) {
			this.arrived = null;
			this.fetching = false;
			this.exhausted = page.isEmpty();
			this.held.addAll(page);
		}
		while (this.sink.requestedFromDownstream() > 0 && !this.held.isEmpty() && !this.cancelled) {
			this.sink.next(this.held.poll());
		}
		if (!this.held.isEmpty() || this.fetching || this.cancelled) {
			return;
		}
		if (this.exhausted) {
			this.terminated = true;
			this.sink.complete();
			return;
		}
		if (this.sink.requestedFromDownstream() > 0) {
			this.fetching = true;
			fetch();
		}
	}

	private void fetch() {
		CompletableFuture<List<T>> page;
		try {
			page = (this.pager != null) ? this.next.apply(this.pager) : this.start.get().thenCompose((started) -> {
				this.pager = started;
				return this.next.apply(started);
			});
		}
		catch (Throwable ex) {
			page = CompletableFuture.failedFuture(ex);
		}
		page.whenComplete((elements, error) -> {
			if (error != null) {
				this.failure = Futures.failure(error);
			}
			else {
				this.arrived = elements;
			}
			drain();
		});
	}

}
