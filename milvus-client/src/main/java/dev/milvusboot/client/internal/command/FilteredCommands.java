package dev.milvusboot.client.internal.command;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.exception.MilvusClientClosedException;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusPermissionDeniedException;
import dev.milvusboot.client.exception.MilvusRateLimitedException;
import dev.milvusboot.client.exception.MilvusTimeoutException;
import dev.milvusboot.client.exception.MilvusUnauthenticatedException;
import dev.milvusboot.client.exception.MilvusUnavailableException;
import dev.milvusboot.client.exception.MilvusUnsupportedException;
import dev.milvusboot.client.internal.FilterTemplateSupport;
import dev.milvusboot.client.internal.codec.EncodedFilter;

/**
 * Commands whose filter has parameters, sent as a Milvus filter template or with the values rendered as literals
 * as the server allows. While that is unknown ({@link dev.milvusboot.client.FilterTemplates#DETECT}), a read is
 * sent as a template and, if the server cannot read it, again with literals: the literal read succeeding teaches
 * the client the server's dialect. A write waits for that lesson (a count with the same filter) before it is
 * sent. Internal API.
 */
final class FilteredCommands {

	private FilteredCommands() {
	}

	/**
	 * A read with a filter.
	 * @param <R> the result type
	 * @param filter the filter
	 * @param build the command for the filter as encoded
	 * @return the command
	 */
	static <R> Command<R> read(Filter filter, Function<EncodedFilter, Command<R>> build) {
		return read(List.of(filter), (templates) -> build.apply(EncodedFilter.of(filter, templates)));
	}

	/**
	 * A read with several filters (a hybrid search's sub-searches), all sent the same way.
	 * @param <R> the result type
	 * @param filters the filters
	 * @param build the command, given whether to send templates
	 * @return the command
	 */
	static <R> Command<R> read(List<Filter> filters, Function<Boolean, Command<R>> build) {
		return new Command<>() {

			@Override
			public CompletableFuture<R> executeAsync(Dispatch dispatch) {
				Boolean templates = templates(dispatch, filters);
				if (templates == null) {
					return detect(dispatch, filters, build);
				}
				if (!templates && hasLineBreaks(filters)) {
					return literalsReadable(dispatch, filters)
						.thenCompose((readable) -> build.apply(false).executeAsync(dispatch));
				}
				return build.apply(templates).executeAsync(dispatch);
			}

			@Override
			public R execute(Dispatch dispatch) {
				Boolean templates = templates(dispatch, filters);
				if (templates == null || (!templates && hasLineBreaks(filters))) {
					return Futures.join(executeAsync(dispatch));
				}
				return build.apply(templates).execute(dispatch);
			}

		};
	}

	/**
	 * A write with a filter (a delete), sent only once the server's dialect is known.
	 * @param <R> the result type
	 * @param collection the collection, for the count that learns the dialect
	 * @param filter the filter
	 * @param build the command for the filter as encoded
	 * @return the command
	 */
	static <R> Command<R> write(String collection, Filter filter, Function<EncodedFilter, Command<R>> build) {
		return (dispatch) -> {
			Boolean templates = templates(dispatch, List.of(filter));
			if (Boolean.TRUE.equals(templates)) {
				return build.apply(EncodedFilter.of(filter, true)).executeAsync(dispatch);
			}
			if (Boolean.FALSE.equals(templates)) {
				return literalsReadable(dispatch, List.of(filter))
					.thenCompose((readable) -> build.apply(EncodedFilter.of(filter, false)).executeAsync(dispatch));
			}
			return QueryRequests.count(collection, filter)
				.executeAsync(dispatch)
				.thenCompose((count) -> build
					.apply(EncodedFilter.of(filter, Boolean.TRUE.equals(support(dispatch).supported())))
					.executeAsync(dispatch));
		};
	}

	/** Whether to send templates, or {@code null} to find out. */
	private static Boolean templates(Dispatch dispatch, List<Filter> filters) {
		return filters.stream().anyMatch(Filter::hasParams) ? support(dispatch).supported() : Boolean.FALSE;
	}

	private static FilterTemplateSupport support(Dispatch dispatch) {
		return dispatch.core().filterTemplates();
	}

	private static <R> CompletableFuture<R> detect(Dispatch dispatch, List<Filter> filters,
			Function<Boolean, Command<R>> build) {
		return start(dispatch, build, true).handle((result, failure) -> {
			if (failure == null) {
				support(dispatch).learned(true);
				return CompletableFuture.completedFuture(result);
			}
			Throwable cause = Futures.unwrap(failure);
			if (!mayBeTheTemplate(cause)) {
				return CompletableFuture.<R>failedFuture(cause);
			}
			return literalsReadable(dispatch, filters).thenCompose((readable) -> start(dispatch, build, false))
				.thenApply((literal) -> {
					support(dispatch).learned(false);
					return literal;
				});
		}).thenCompose(Function.identity());
	}

	private static <R> CompletableFuture<R> start(Dispatch dispatch, Function<Boolean, Command<R>> build,
			boolean templates) {
		try {
			return build.apply(templates).executeAsync(dispatch);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	/**
	 * Fails if a value has a line break and the server cannot read one in a literal: Milvus Lite 2.5 (the server
	 * that tells no version) refuses a raw line break in a string literal and matches nothing for the escaped one.
	 */
	private static CompletableFuture<Void> literalsReadable(Dispatch dispatch, List<Filter> filters) {
		if (!hasLineBreaks(filters)) {
			return CompletableFuture.completedFuture(null);
		}
		return dispatch.core().serverVersionAsync(dispatch.settings()).thenAccept((version) -> {
			if (MilvusClient.UNKNOWN_SERVER_VERSION.equals(version)) {
				throw new MilvusUnsupportedException("A filter value holds a line break, which this server (version "
						+ "unknown: Milvus Lite 2.5) cannot match: it refuses a raw line break in a string literal "
						+ "and matches nothing for an escaped one (filter " + filters + ")");
			}
		});
	}

	private static boolean hasLineBreaks(List<Filter> filters) {
		return filters.stream().anyMatch((filter) -> hasLineBreaks(filter.params().values()));
	}

	private static boolean hasLineBreaks(Iterable<?> values) {
		for (Object value : values) {
			if ((value instanceof String text && (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0))
					|| (value instanceof List<?> list && hasLineBreaks(list))) {
				return true;
			}
		}
		return false;
	}

	/** Whether a failure may be the server not reading a template (not a transport or access failure). */
	private static boolean mayBeTheTemplate(Throwable failure) {
		return failure instanceof MilvusException && !(failure instanceof MilvusTimeoutException
				|| failure instanceof MilvusUnavailableException || failure instanceof MilvusClientClosedException
				|| failure instanceof MilvusPermissionDeniedException
				|| failure instanceof MilvusUnauthenticatedException || failure instanceof MilvusRateLimitedException);
	}

}
