package dev.milvusboot.client.internal;

import java.util.Set;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import dev.milvusboot.client.SearchCoalescing;
import dev.milvusboot.client.internal.proto.PlaceholderGroup;
import dev.milvusboot.client.internal.proto.PlaceholderType;
import dev.milvusboot.client.internal.proto.SearchRequest;
import dev.milvusboot.client.internal.transport.CallSettings;

/**
 * The rule of which searches may be combined into one request. A search may be combined only if it is a plain
 * search by query vectors: its request carries exactly one placeholder group of vectors (float, binary,
 * half-precision, sparse or int8), and not the primary keys of a search by id or raw text; it has fewer query
 * vectors than a combined request may carry; it does not group its hits ({@code group_by_field}: not every
 * server version groups the hits of several query vectors); and it has neither function rankers
 * ({@code function_score}) nor a highlighter (their effect on combined queries is not proven on any server).
 * Hybrid searches are another request type and are never combined. Two combinable searches go together only if they have the same {@link Shape}: the same request
 * but for its query vectors (collection, database, partitions, vector field, metric, parameters, top-k, offset,
 * filter and its template values, output fields, consistency) and the same call settings. Internal API.
 */
public final class SearchCombination {

	private static final Set<PlaceholderType> VECTORS = Set.of(PlaceholderType.FloatVector,
			PlaceholderType.BinaryVector, PlaceholderType.Float16Vector, PlaceholderType.BFloat16Vector,
			PlaceholderType.SparseFloatVector, PlaceholderType.Int8Vector);

	private SearchCombination() {
	}

	/**
	 * Whether a search may be combined with others of its shape.
	 * @param request the encoded search
	 * @param queries the number of query vectors in it
	 * @param limits the coalescing limits
	 * @return whether it may be combined
	 */
	public static boolean combinable(SearchRequest request, int queries, SearchCoalescing limits) {
		return limits.enabled() && queries < limits.maxQueriesPerRequest() && !request.getSearchByPrimaryKeys()
				&& request.getSubReqsCount() == 0 && !request.hasFunctionScore() && !request.hasHighlighter()
				&& !groupsHits(request) && vectorGroup(request, queries);
	}

	private static boolean groupsHits(SearchRequest request) {
		for (int i = 0; i < request.getSearchParamsCount(); i++) {
			if (request.getSearchParams(i).getKey().equals("group_by_field")) {
				return true;
			}
		}
		return false;
	}

	/** Whether the request holds one placeholder group of {@code queries} query vectors. */
	private static boolean vectorGroup(SearchRequest request, int queries) {
		if (request.getSearchInputCase() != SearchRequest.SearchInputCase.PLACEHOLDER_GROUP) {
			return false;
		}
		PlaceholderGroup group;
		try {
			group = PlaceholderGroup.parseFrom(request.getPlaceholderGroup());
		}
		catch (InvalidProtocolBufferException ex) {
			return false;
		}
		return group.getPlaceholdersCount() == 1 && VECTORS.contains(group.getPlaceholders(0).getType())
				&& group.getPlaceholders(0).getValuesCount() == queries && queries > 0;
	}

	/**
	 * What makes combinable searches go together: the request but its query vectors, and the call settings.
	 * @param request the request without its query vectors
	 * @param settings the call settings
	 */
	public record Shape(ByteString request, CallSettings settings) {

		/**
		 * The shape of a search.
		 * @param request the encoded search
		 * @param settings the call settings
		 * @return the shape
		 */
		public static Shape of(SearchRequest request, CallSettings settings) {
			return new Shape(request.toBuilder().clearPlaceholderGroup().clearNq().build().toByteString(), settings);
		}

	}

}
