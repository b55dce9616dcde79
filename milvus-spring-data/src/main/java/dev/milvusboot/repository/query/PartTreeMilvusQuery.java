package dev.milvusboot.repository.query;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.milvusboot.client.Limits;
import dev.milvusboot.client.data.Filter;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.repository.support.MilvusEntityInformation;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.SearchResult;
import org.springframework.data.domain.SearchResults;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.parser.Part;
import org.springframework.data.repository.query.parser.PartTree;

/**
 * A query method derived from its name: {@code find/count/exists/delete...By...} with a filter, or
 * {@code search...By...Near/Within} with a vector search. Everything Milvus cannot express fails when the
 * repository is created, naming the method and the reason.
 */
final class PartTreeMilvusQuery extends AbstractMilvusQuery {

	private final PartTree tree;

	private final DerivedFilter filter;

	private final MilvusMethodParameters parameters;

	private final Action action;

	PartTreeMilvusQuery(MilvusQueryMethod method, MilvusTemplate template, MilvusEntityInformation<?, ?> entity) {
		super(method, template, entity);
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
		check(method);
	}

	private void check(MilvusQueryMethod method) {
		boolean vector = this.filter.vector() != null;
		if (vector && this.action != Action.FIND) {
			throw QueryFailure.of(method,
					"a vector criterion (Near or Within) needs a search or find method, not " + this.action);
		}
		if (vector && !returnsHits(method) && !method.isCollectionQuery()) {
			throw QueryFailure.of(method, "a vector search returns SearchResults<"
					+ method.getReturnedObjectType().getSimpleName() + ">, a List of SearchResult or a List of entities");
		}
		if (!vector && method.isSearchQuery()) {
			throw QueryFailure.of(method,
					"a search method needs a vector criterion: a vector property with Near or Within");
		}
		if (vector && this.filter.vector().type() == Part.Type.NEAR
				&& !this.tree.isLimiting() && !method.getParameters().hasLimitParameter()
				&& this.parameters.scoreIndex() < 0) {
			throw QueryFailure.of(method, "a Near search needs how many hits: Top/First in the name,"
					+ " a Limit parameter or a minimum Score");
		}
		if (vector && !this.tree.getSort().isUnsorted()) {
			throw QueryFailure.of(method, "search hits come best first; OrderBy cannot reorder them");
		}
	}

	private static boolean returnsHits(MilvusQueryMethod method) {
		Class<?> type = method.getMethod().getReturnType();
		return SearchResults.class.isAssignableFrom(type) || method.isSearchQuery();
	}

	@Override
	public Object execute(Object[] args) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (DerivedFilter.Binding binding : this.filter.bindings()) {
			values.put(binding.name(), binding.shape().apply(args[binding.parameter()]));
		}
		Filter bound = filter(this.filter.expression(), values);
		if (this.filter.vector() == null) {
			return run(this.action, bound, args, this.tree.getSort(), this.tree.getMaxResults());
		}
		ParametersParameterAccessor accessor = new ParametersParameterAccessor(getQueryMethod().getParameters(), args);
		long limit = limit(this.tree.getMaxResults(), accessor.getLimit());
		if (limit == 0 && this.parameters.scoreIndex() < 0 && this.parameters.scoreRangeIndex() < 0) {
			throw new InvalidDataAccessApiUsageException(getQueryMethod().getName()
					+ ": a Near search without a minimum score needs a limit, but Limit.unlimited() was given");
		}
		int topK = (int) ((limit == 0) ? Limits.MAX_TOP_K : Math.min(limit, Limits.MAX_TOP_K));
		SearchResults<?> results = VectorSearch.run(template(), entity(), this.filter.vector(), bound, args,
				this.parameters, topK, getQueryMethod().getName());
		Class<?> returnType = ((MilvusQueryMethod) getQueryMethod()).getMethod().getReturnType();
		if (SearchResults.class.isAssignableFrom(returnType)) {
			return results;
		}
		if (getQueryMethod().isSearchQuery()) {
			return results.getContent();
		}
		return results.getContent().stream().map(SearchResult::getContent).toList();
	}

}
