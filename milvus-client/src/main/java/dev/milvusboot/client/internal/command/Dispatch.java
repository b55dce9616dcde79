package dev.milvusboot.client.internal.command;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.internal.ClientCore;
import dev.milvusboot.client.internal.SchemaCache;
import dev.milvusboot.client.internal.transport.CallSettings;
import dev.milvusboot.client.internal.transport.Rpc;

/**
 * The one path every command takes: a client's connections ({@link ClientCore}: handshake, invoker, deadline,
 * retries, headers, listeners) with the settings of one view (deadline, database, retry policy). Commands run
 * blocking on the caller's thread or asynchronously, whose results then complete on the callback executor of
 * the options, if one is set. Internal API.
 */
public final class Dispatch {

	private final ClientCore core;

	private final CallSettings settings;

	public Dispatch(ClientCore core, CallSettings settings) {
		this.core = core;
		this.settings = settings;
	}

	public ClientCore core() {
		return this.core;
	}

	public CallSettings settings() {
		return this.settings;
	}

	public MilvusClientOptions options() {
		return this.core.options();
	}

	/** The schemas and last-write timestamps of the collections used. */
	public SchemaCache schemas() {
		return this.core.schemas();
	}

	/**
	 * The same connections with other settings.
	 * @param settings the settings
	 * @return the dispatch
	 */
	public Dispatch with(CallSettings settings) {
		return new Dispatch(this.core, settings);
	}

	/**
	 * Runs a command on the caller's thread.
	 * @param <R> the result type
	 * @param command the command
	 * @return its result
	 */
	public <R> R execute(Command<R> command) {
		return command.execute(this);
	}

	/**
	 * Starts a command without blocking. A command that cannot even be built (bad input found before anything is
	 * sent) gives a failed future, as a failure of the call would. The future fails with the
	 * {@code MilvusException} itself (never wrapped in a {@code CompletionException}).
	 * @param <R> the result type
	 * @param command builds the command
	 * @return the future result
	 */
	public <R> CompletableFuture<R> executeAsync(Supplier<Command<R>> command) {
		CompletableFuture<R> result;
		try {
			result = command.get().executeAsync(this);
		}
		catch (RuntimeException ex) {
			result = CompletableFuture.failedFuture(ex);
		}
		CompletableFuture<R> handedOver = new CompletableFuture<>();
		BiConsumer<R, Throwable> handOver = (value, failure) -> {
			if (failure != null) {
				handedOver.completeExceptionally(Futures.failure(failure));
			}
			else {
				handedOver.complete(value);
			}
		};
		Executor callbacks = this.core.options().callbackExecutor();
		if (callbacks == null) {
			result.whenComplete(handOver);
		}
		else {
			result.whenCompleteAsync(handOver, callbacks);
		}
		return handedOver;
	}

	/**
	 * Sends one call and waits for the answer.
	 * @param <Q> the request type
	 * @param <S> the response type
	 * @param rpc the call
	 * @return the response
	 */
	public <Q, S> S call(Rpc<Q, S> rpc) {
		return this.core.call(rpc, this.settings);
	}

	/**
	 * Sends one call without blocking.
	 * @param <Q> the request type
	 * @param <S> the response type
	 * @param rpc the call
	 * @return the future response
	 */
	public <Q, S> CompletableFuture<S> callAsync(Rpc<Q, S> rpc) {
		return this.core.callAsync(rpc, this.settings);
	}

	@Override
	public String toString() {
		return this.core.options().endpoint().address()
				+ ((this.settings.database() != null) ? ", database=" + this.settings.database() : "");
	}

}
