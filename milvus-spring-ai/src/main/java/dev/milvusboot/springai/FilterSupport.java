package dev.milvusboot.springai;

import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.exception.MilvusUnsupportedException;

/**
 * Puts a translated filter on a query or a search as a filter template with parameters.
 */
final class FilterSupport {

	private FilterSupport() {
	}

	static void apply(Query.Builder query, FilterTranslator.FilterTemplate filter) {
		throw pending();
	}

	static void apply(Search.Builder search, FilterTranslator.FilterTemplate filter) {
		throw pending();
	}

	private static MilvusUnsupportedException pending() {
		return new MilvusUnsupportedException("Filter parameters (dev.milvusboot.client.data.Filter) are not yet on this branch");
	}

}
