package dev.milvusboot.repository.query;

import java.util.ArrayList;
import java.util.List;

import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.data.Relevance;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.core.ScoredEntity;
import dev.milvusboot.repository.support.MilvusEntityInformation;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Range;
import org.springframework.data.domain.Score;
import org.springframework.data.domain.ScoringFunction;
import org.springframework.data.domain.SearchResult;
import org.springframework.data.domain.SearchResults;
import org.springframework.data.domain.Similarity;
import org.springframework.data.domain.Vector;
import org.springframework.data.domain.VectorScoringFunctions;

/**
 * A vector search method's call: the entities nearest a vector among those the filter matches, best first, each
 * with its {@link Similarity}: the relevance in [0, 1] of {@link Relevance} (the same meaning as in the Spring AI
 * and LangChain4j stores), with the scoring function of the field's metric. A minimum ({@code Near} with a
 * {@code Score}, or the lower bound of {@code Within}'s range) is a server-side range search ({@code radius}); an
 * upper bound is sent as {@code range_filter} along with it; both bounds are then applied exactly to the hits.
 */
final class VectorSearch {

	private VectorSearch() {
	}

	/**
	 * The scoring function of a metric.
	 * @param metric the metric
	 * @return the function, {@link ScoringFunction#unspecified()} for metrics Spring Data has none for
	 */
	static ScoringFunction function(MetricType metric) {
		return switch (metric) {
			case COSINE -> VectorScoringFunctions.COSINE;
			case IP -> VectorScoringFunctions.DOT_PRODUCT;
			case L2 -> VectorScoringFunctions.EUCLIDEAN;
			case HAMMING -> VectorScoringFunctions.HAMMING;
			default -> ScoringFunction.unspecified();
		};
	}

	/**
	 * Runs one search.
	 * @param <T> the entity type
	 * @param template the template
	 * @param entity the entity
	 * @param criterion the vector criterion
	 * @param filter the scalar filter
	 * @param args the arguments
	 * @param parameters the roles of the parameters
	 * @param topK how many hits at most
	 * @param method the method name, for messages
	 * @return the hits, best first
	 */
	static <T> SearchResults<T> run(MilvusTemplate template, MilvusEntityInformation<T, ?> entity,
			DerivedFilter.VectorCriterion criterion, Filter filter, Object[] args, MilvusMethodParameters parameters,
			int topK, String method) {
		Call call = prepare(entity, criterion, filter, args, parameters, topK, method);
		return call.results(template.search(call.search(), entity.getJavaType()).get(0));
	}

	/**
	 * Prepares one search, checking its arguments; the blocking and the reactive executions send it their way.
	 * @param entity the entity
	 * @param criterion the vector criterion
	 * @param filter the scalar filter
	 * @param args the arguments
	 * @param parameters the roles of the parameters
	 * @param topK how many hits at most
	 * @param method the method name, for messages
	 * @return the search to send and how to read its hits
	 * @throws InvalidDataAccessApiUsageException for a missing vector, a score out of [0, 1] or a scoring
	 * function other than the field's
	 */
	static Call prepare(MilvusEntityInformation<?, ?> entity, DerivedFilter.VectorCriterion criterion, Filter filter,
			Object[] args, MilvusMethodParameters parameters, int topK, String method) {
		MetricType metric = criterion.property().metric();
		ScoringFunction function = function(metric);
		float[] vector = vector(args[criterion.parameter()], method);
		Bounds bounds = bounds(args, parameters, function, metric, method);
		Search.Builder search = Search.in(entity.collection())
			.annsField(criterion.property().milvusName())
			.vector(vector)
			.topK(topK)
			.filter(filter)
			.outputFields(entity.metadata().fieldNames());
		if (bounds.min() > 0) {
			search.param("radius", Relevance.radius(metric, bounds.min()));
			if (bounds.max() < 1) {
				search.param("range_filter", rangeFilter(metric, bounds.max()));
			}
		}
		return new Call(search.build(), metric, function, bounds);
	}

	/**
	 * One search to send, and how its hits become results.
	 * @param search the search
	 * @param metric the metric of the field searched
	 * @param function its scoring function
	 * @param bounds the relevance bounds the hits must meet
	 */
	record Call(Search search, MetricType metric, ScoringFunction function, Bounds bounds) {

		/**
		 * The hits within the bounds, each with its relevance as a {@link Similarity}.
		 * @param <T> the entity type
		 * @param hits the hits of the search, best first
		 * @return the results, best first
		 */
		<T> SearchResults<T> results(List<ScoredEntity<T>> hits) {
			List<SearchResult<T>> results = new ArrayList<>(hits.size());
			for (ScoredEntity<T> hit : hits) {
				double relevance = Relevance.of(this.metric, hit.score());
				if (this.bounds.contains(relevance)) {
					results.add(new SearchResult<>(hit.entity(), Similarity.of(relevance, this.function)));
				}
			}
			return new SearchResults<>(results);
		}

	}

	private static float[] vector(Object value, String method) {
		if (value instanceof Vector vector) {
			return vector.toFloatArray();
		}
		if (value instanceof float[] array) {
			return array;
		}
		throw new InvalidDataAccessApiUsageException(method + ": the query vector must not be null");
	}

	/** The raw score bound ({@code range_filter}) of a maximum relevance, widened like {@code Relevance.radius}. */
	private static double rangeFilter(MetricType metric, double maxRelevance) {
		double tolerance = 1e-6;
		return switch (metric) {
			case COSINE, IP -> 2.0 * maxRelevance - 1.0 + tolerance;
			case L2, HAMMING -> 1.0 / maxRelevance - 1.0 - tolerance;
			case JACCARD -> 1.0 - maxRelevance - tolerance;
			case BM25 -> Relevance.radius(metric, maxRelevance);
		};
	}

	private static Bounds bounds(Object[] args, MilvusMethodParameters parameters, ScoringFunction function,
			MetricType metric, String method) {
		if (parameters.scoringFunctionIndex() >= 0) {
			check((ScoringFunction) args[parameters.scoringFunctionIndex()], function, metric, method);
		}
		if (parameters.scoreIndex() >= 0 && args[parameters.scoreIndex()] != null) {
			Score score = (Score) args[parameters.scoreIndex()];
			check(score.getFunction(), function, metric, method);
			return new Bounds(relevance(score, method), true, 1, true);
		}
		if (parameters.scoreRangeIndex() >= 0) {
			@SuppressWarnings("unchecked")
			Range<Score> range = (Range<Score>) args[parameters.scoreRangeIndex()];
			if (range == null) {
				throw new InvalidDataAccessApiUsageException(method + ": the score range must not be null");
			}
			double min = 0;
			double max = 1;
			boolean minInclusive = true;
			boolean maxInclusive = true;
			if (range.getLowerBound().isBounded()) {
				Score lower = range.getLowerBound().getValue().get();
				check(lower.getFunction(), function, metric, method);
				min = relevance(lower, method);
				minInclusive = range.getLowerBound().isInclusive();
			}
			if (range.getUpperBound().isBounded()) {
				Score upper = range.getUpperBound().getValue().get();
				check(upper.getFunction(), function, metric, method);
				max = relevance(upper, method);
				maxInclusive = range.getUpperBound().isInclusive();
			}
			return new Bounds(min, minInclusive, max, maxInclusive);
		}
		return new Bounds(0, true, 1, true);
	}

	private static double relevance(Score score, String method) {
		double value = score.getValue();
		if (!(value >= 0 && value <= 1)) {
			throw new InvalidDataAccessApiUsageException(method + ": a score is a relevance in [0, 1] (1 is best),"
					+ " but was " + value);
		}
		return value;
	}

	private static void check(ScoringFunction given, ScoringFunction function, MetricType metric, String method) {
		if (given != null && !given.getName().equals(ScoringFunction.unspecified().getName())
				&& !given.getName().equals(function.getName())) {
			throw new InvalidDataAccessApiUsageException(method + ": scoring function " + given.getName()
					+ " does not match the field's metric " + metric + " (" + function.getName() + ")");
		}
	}

	/** The relevance bounds of one search. */
	record Bounds(double min, boolean minInclusive, double max, boolean maxInclusive) {

		boolean contains(double relevance) {
			double tolerance = 1e-6;
			boolean aboveMin = minInclusive ? relevance >= this.min - tolerance : relevance > this.min;
			boolean belowMax = maxInclusive ? relevance <= this.max + tolerance : relevance < this.max;
			return aboveMin && belowMax;
		}

	}

}
