package dev.milvusboot.client.internal.command;

import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * Runs commands as Reactor {@link Mono}s: nothing is sent until a subscriber arrives, each subscription runs the
 * command once, and cancelling stops waiting for it. Kept apart from {@link Dispatch} so that applications
 * without Reactor never load it. Internal API.
 */
public final class ReactiveDispatch {

	private ReactiveDispatch() {
	}

	/**
	 * A command as a {@code Mono}.
	 * @param <R> the result type
	 * @param dispatch where it runs
	 * @param command builds the command
	 * @return the mono; empty when the command has no result
	 */
	public static <R> Mono<R> mono(Dispatch dispatch, Supplier<Command<R>> command) {
		return Mono.fromFuture(() -> dispatch.executeAsync(command));
	}

}
