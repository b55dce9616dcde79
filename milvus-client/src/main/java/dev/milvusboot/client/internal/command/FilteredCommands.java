package dev.milvusboot.client.internal.command;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.exception.MilvusUnsupportedException;
import dev.milvusboot.client.internal.FilterTemplateSupport;
import dev.milvusboot.client.internal.codec.EncodedFilter;

/**
 * Commands whose filter has parameters, sent as a Milvus filter template or with the values rendered as literals
 * as the server allows. While that is unknown ({@link dev.milvusboot.client.FilterTemplates#DETECT}), the first
 * parameterised call asks the server's version (the handshake's, cached) and decides once for the client; see
 * {@link FilterTemplateSupport#readsTemplates(String)}. Internal API.
 */
final class FilteredCommands {

	private FilteredCommands() {
	}

	/**
	 * A command with a filter (a read or a delete).
	 * @param <R> the result type
	 * @param filter the filter
	 * @param build the command for the filter as encoded
	 * @return the command
	 */
	static <R> Command<R> of(Filter filter, Function<EncodedFilter, Command<R>> build) {
		return of(List.of(filter), (templates) -> build.apply(EncodedFilter.of(filter, templates)));
	}

	/**
	 * A command with several filters (a hybrid search's sub-searches), all sent the same way.
	 * @param <R> the result type
	 * @param filters the filters
	 * @param build the command, given whether to send templates
	 * @return the command
	 */
	static <R> Command<R> of(List<Filter> filters, Function<Boolean, Command<R>> build) {
		return new Command<>() {

			@Override
			public CompletableFuture<R> executeAsync(Dispatch dispatch) {
				Boolean known = known(dispatch, filters);
				if (known != null) {
					return build.apply(known).executeAsync(dispatch);
				}
				return dispatch.core().serverVersionAsync(dispatch.settings())
					.thenCompose((version) -> build.apply(decide(dispatch, filters, version)).executeAsync(dispatch));
			}

			@Override
			public R execute(Dispatch dispatch) {
				Boolean known = known(dispatch, filters);
				return (known != null) ? build.apply(known).execute(dispatch) : Futures.join(executeAsync(dispatch));
			}

		};
	}

	/** Whether to send templates when that needs no server version, else {@code null}. */
	private static Boolean known(Dispatch dispatch, List<Filter> filters) {
		if (filters.stream().noneMatch(Filter::hasParams)) {
			return Boolean.FALSE;
		}
		Boolean supported = dispatch.core().filterTemplates().supported();
		return (Boolean.TRUE.equals(supported) || (Boolean.FALSE.equals(supported) && !hasLineBreaks(filters)))
				? supported : null;
	}

	private static boolean decide(Dispatch dispatch, List<Filter> filters, String version) {
		FilterTemplateSupport support = dispatch.core().filterTemplates();
		Boolean supported = support.supported();
		if (supported == null) {
			supported = FilterTemplateSupport.readsTemplates(version);
			support.learned(supported);
		}
		if (!supported && hasLineBreaks(filters) && MilvusClient.UNKNOWN_SERVER_VERSION.equals(version)) {
			throw new MilvusUnsupportedException("A filter value holds a line break, which this server (version "
					+ "unknown: Milvus Lite 2.5) cannot match: it refuses a raw line break in a string literal "
					+ "and matches nothing for an escaped one (filter " + filters + ")");
		}
		return supported;
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

}
