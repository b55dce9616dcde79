package dev.milvusboot.client.internal.command;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import dev.milvusboot.client.internal.transport.Rpc;

/**
 * One client operation, described once and run in any form: {@link #executeAsync(Dispatch)} is the operation
 * (one call, or several chained without blocking); {@link #execute(Dispatch)} waits for it, and single calls
 * override it to send the call on the caller's thread. Built by the {@code XxxRequests} classes. Internal API.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface Command<R> {

	/**
	 * Starts the operation without blocking.
	 * @param dispatch the connections and settings to run it with
	 * @return its result, or a {@code MilvusException}
	 */
	CompletableFuture<R> executeAsync(Dispatch dispatch);

	/**
	 * Runs the operation and waits for its result.
	 * @param dispatch the connections and settings to run it with
	 * @return the result
	 * @throws dev.milvusboot.client.exception.MilvusException if it failed
	 */
	default R execute(Dispatch dispatch) {
		return Futures.join(executeAsync(dispatch));
	}

	/**
	 * This operation with its result transformed.
	 * @param <T> the new result type
	 * @param mapper the transformation
	 * @return the command
	 */
	default <T> Command<T> map(Function<? super R, ? extends T> mapper) {
		Command<R> self = this;
		return new Command<>() {

			@Override
			public CompletableFuture<T> executeAsync(Dispatch dispatch) {
				return self.executeAsync(dispatch).thenApply(mapper);
			}

			@Override
			public T execute(Dispatch dispatch) {
				return mapper.apply(self.execute(dispatch));
			}

		};
	}

	/**
	 * One remote call whose response is decoded into the result.
	 * @param <Q> the request type
	 * @param <S> the response type
	 * @param <R> the result type
	 * @param rpc the call
	 * @param decode turns the response into the result
	 * @return the command
	 */
	static <Q, S, R> Command<R> unary(Rpc<Q, S> rpc, Function<? super S, ? extends R> decode) {
		return new Command<>() {

			@Override
			public CompletableFuture<R> executeAsync(Dispatch dispatch) {
				return dispatch.callAsync(rpc).thenApply(decode);
			}

			@Override
			public R execute(Dispatch dispatch) {
				return decode.apply(dispatch.call(rpc));
			}

		};
	}

	/**
	 * One remote call built when the command runs (from the settings of its dispatch, such as the database or the
	 * last write's timestamp), whose response is decoded into the result.
	 * @param <Q> the request type
	 * @param <S> the response type
	 * @param <R> the result type
	 * @param rpc builds the call
	 * @param decode turns the response into the result
	 * @return the command
	 */
	static <Q, S, R> Command<R> unary(Function<Dispatch, Rpc<Q, S>> rpc, Function<? super S, ? extends R> decode) {
		return new Command<>() {

			@Override
			public CompletableFuture<R> executeAsync(Dispatch dispatch) {
				return dispatch.callAsync(rpc.apply(dispatch)).thenApply(decode);
			}

			@Override
			public R execute(Dispatch dispatch) {
				return decode.apply(dispatch.call(rpc.apply(dispatch)));
			}

		};
	}

	/**
	 * One remote call whose response holds no result (only its status).
	 * @param <Q> the request type
	 * @param <S> the response type
	 * @param rpc the call
	 * @return the command
	 */
	static <Q, S> Command<Void> unary(Rpc<Q, S> rpc) {
		return unary(rpc, (response) -> null);
	}

}
