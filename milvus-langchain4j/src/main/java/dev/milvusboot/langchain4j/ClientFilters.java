package dev.milvusboot.langchain4j;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.milvusboot.client.api.sync.MilvusCommands;
import dev.milvusboot.client.data.Search;

/**
 * Hands filter templates to the client. TEMPORARY until the client's {@code dev.milvusboot.client.data.Filter}
 * lands on main: renders the parameters as JSON literals here; replaced by {@code Filter.of(template, params)}.
 */
final class ClientFilters {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(p[0-9]+)\\}");

	private ClientFilters() {
	}

	static void apply(Search.Builder search, FilterTemplate filter) {
		search.filter(render(filter));
	}

	static void delete(MilvusCommands milvus, StoreSettings settings, FilterTemplate filter) {
		if (settings.partitionName() != null) {
			throw new UnsupportedOperationException("Removing by filter within a partition needs the client's Filter");
		}
		milvus.deleteWhere(settings.collectionName(), render(filter));
	}

	private static String render(FilterTemplate filter) {
		Matcher matcher = PLACEHOLDER.matcher(filter.template());
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(out, Matcher.quoteReplacement(literal(filter.params().get(matcher.group(1)))));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static String literal(Object value) {
		try {
			if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
				return JSON.writeValueAsString(value);
			}
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
