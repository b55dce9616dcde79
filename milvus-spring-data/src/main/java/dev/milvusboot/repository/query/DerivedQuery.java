package dev.milvusboot.repository.query;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.milvusboot.client.Limits;
import dev.milvusboot.client.data.Filter;
import dev.milvusboot.repository.query.AbstractMilvusQuery.Action;
import dev.milvusboot.repository.support.MilvusEntityInformation;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.parser.Part;
import org.springframework.data.repository.query.parser.PartTree;

/**
 * What a method name describes, derived and checked once when the repository is created, for the blocking and the
 * reactive executions alike: the action ({@code find/count/exists/delete}), the filter with its bindings and the
 * vector criterion of a search.
 */
final class DerivedQuery {

	private final MilvusQueryMethod method;

	private final MilvusEntityInformation<?, ?> entity;

	private final PartTree tree;

	private final DerivedFilter filter;

	private final MilvusMethodParameters parameters;

	private final Action action;

	/**
	 * Derives a method's query.
	 * @param method the method
	 * @param entity the entity
	 * @throws org.springframework.data.repository.query.QueryCreationException naming the method and what Milvus
	 * cannot express
	 */
	DerivedQuery(MilvusQueryMethod method, MilvusEntityInformation<?, ?> entity) {
		this.method = method;
		this.entity = entity;
		this.parameters = new MilvusMethodParameters(method.getMethod());
		try {
			this.tree = new PartTree(method.getName(), entity.getJavaType());
			this.filter = DerivedFilter.of(this.tree, entity, this.parameters);
		}
		catch (RuntimeException ex) {
			throw QueryFailure.of(method, ex.getMessage(), ex);
		}
		this.action = this.tree.isCountProjection() ? Action.COUNT
				: this.tree.isExistsProjection() ? Action.EXISTS : this.tree.isDelete() ? Action.DELETE : Action.FIND;
	}

	/**
	 * Checks that the method's result and parameters suit its criteria.
	 * @param returnsHits whether it returns search hits ({@code SearchResults} or {@code SearchResult}s)
	 * @param returnsMany whether it returns several entities or hits
	 * @param searchResults the result types a vector search may have, for the message
	 */
	void check(boolean returnsHits, boolean returnsMany, String searchResults) {
		boolean vector = this.filter.vector() != null;
		if (vector && this.action != Action.FIND) {
			throw QueryFailure.of(this.method,
					"a vector criterion (Near or Within) needs a search or find method, not " + this.action);
		}
		if (vector && !returnsHits && !returnsMany) {
			throw QueryFailure.of(this.method, "a vector search returns " + searchResults);
		}
		if (!vector && this.method.isSearchQuery()) {
			throw QueryFailure.of(this.method,
					"a search method needs a vector criterion: a vector property with Near or Within");
		}
		if (vector && this.filter.vector().type() == Part.Type.NEAR && !this.tree.isLimiting()
				&& !this.method.getParameters().hasLimitParameter() && this.parameters.scoreIndex() < 0) {
			throw QueryFailure.of(this.method, "a Near search needs how many hits: Top/First in the name,"
					+ " a Limit parameter or a minimum Score");
		}
		if (vector && !this.tree.getSort().isUnsorted()) {
			throw QueryFailure.of(this.method, "search hits come best first; OrderBy cannot reorder them");
		}
	}

	PartTree tree() {
		return this.tree;
	}

	Action action() {
		return this.action;
	}

	MilvusMethodParameters parameters() {
		return this.parameters;
	}

	/** The vector criterion, or {@code null} for a query. */
	DerivedFilter.VectorCriterion vector() {
		return this.filter.vector();
	}

	/**
	 * The filter of one call, the arguments bound as its parameters.
	 * @param args the arguments
	 * @return the filter
	 */
	Filter bind(Object[] args) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (DerivedFilter.Binding binding : this.filter.bindings()) {
			Object value = this.entity.toMilvusValue(binding.property(), args[binding.parameter()]);
			values.put(binding.name(), binding.shape().apply(value));
		}
		return AbstractMilvusQuery.filter(this.method.getName(), this.filter.expression(), values);
	}

	/**
	 * The top-k of one search call: the smaller of the name's and the {@code Limit} parameter's limits.
	 * @param args the arguments
	 * @return the top-k
	 */
	int topK(Object[] args) {
		ParametersParameterAccessor accessor = new ParametersParameterAccessor(this.method.getParameters(), args);
		long limit = AbstractMilvusQuery.limit(this.tree.getMaxResults(), accessor.getLimit());
		if (limit == 0 && this.parameters.scoreIndex() < 0 && this.parameters.scoreRangeIndex() < 0) {
			throw new InvalidDataAccessApiUsageException(this.method.getName()
					+ ": a Near search without a minimum score needs a limit, but Limit.unlimited() was given");
		}
		return (int) ((limit == 0) ? Limits.MAX_TOP_K : Math.min(limit, Limits.MAX_TOP_K));
	}

}
