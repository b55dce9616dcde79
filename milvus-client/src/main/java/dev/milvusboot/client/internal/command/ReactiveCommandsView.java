package dev.milvusboot.client.internal.command;

import dev.milvusboot.client.api.reactive.MilvusReactiveCommands;
import dev.milvusboot.client.data.Hit;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.data.Search;
import reactor.core.publisher.Flux;

/**
 * The reactive commands of a client or of one of its views; the paged reads are {@link ReactivePages} fluxes.
 * Internal API.
 */
public final class ReactiveCommandsView extends AbstractReactiveCommands implements MilvusReactiveCommands {

	private final Dispatch dispatch;

	public ReactiveCommandsView(Dispatch dispatch) {
		this.dispatch = dispatch;
	}

	@Override
	protected Dispatch dispatch() {
		return this.dispatch;
	}

	@Override
	public Flux<Row> queryIterator(Query query, int batchSize) {
		try {
			QueryPages.checkBatchSize(batchSize);
		}
		catch (RuntimeException ex) {
			return Flux.error(ex);
		}
		return ReactivePages.flux(() -> QueryPages.start(this.dispatch, query, batchSize), QueryPages::next);
	}

	@Override
	public Flux<Hit> searchIterator(Search search, int batchSize, long total) {
		try {
			SearchPages.check(search, batchSize);
		}
		catch (RuntimeException ex) {
			return Flux.error(ex);
		}
		return ReactivePages.flux(() -> SearchPages.start(this.dispatch, search, batchSize, total), SearchPages::next);
	}

	@Override
	public String toString() {
		return "MilvusReactiveCommands[" + this.dispatch + "]";
	}

}
