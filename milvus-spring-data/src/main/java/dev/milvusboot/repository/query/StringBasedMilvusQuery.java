package dev.milvusboot.repository.query;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.repository.Query;
import dev.milvusboot.repository.support.MilvusEntityInformation;

import org.springframework.data.domain.Sort;

/**
 * A method with a {@link Query @Query} filter: {@code {name}} parameters refer to parameters by name, {@code ?n}
 * ones by position; the values are always bound as filter parameters.
 */
final class StringBasedMilvusQuery extends AbstractMilvusQuery {

	private final String expression;

	private final Map<String, Integer> bindings;

	private final Action action;

	StringBasedMilvusQuery(MilvusQueryMethod method, MilvusTemplate template, MilvusEntityInformation<?, ?> entity) {
		super(method, template, entity);
		Query query = method.getQueryAnnotation();
		MilvusMethodParameters parameters = new MilvusMethodParameters(method.getMethod());
		int actions = (query.count() ? 1 : 0) + (query.exists() ? 1 : 0) + (query.delete() ? 1 : 0);
		if (actions > 1) {
			throw QueryFailure.of(method, "@Query can count, test existence or delete, not several");
		}
		this.action = query.count() ? Action.COUNT
				: query.exists() ? Action.EXISTS : query.delete() ? Action.DELETE : Action.FIND;
		QueryParameters positional = QueryParameters.of(query.value());
		this.expression = positional.expression();
		this.bindings = new LinkedHashMap<>();
		for (String name : positional.names()) {
			Integer index = positional.positionOf(name);
			if (index == null) {
				index = parameters.names().get(name);
				if (index == null) {
					throw QueryFailure.of(method, "@Query parameter {" + name
							+ "} names no parameter; parameters by name: " + parameters.names().keySet()
							+ " (use @Param or compile with -parameters)");
				}
			}
			else if (index >= parameters.valueParameters().size()) {
				throw QueryFailure.of(method, "@Query parameter ?" + index + " is past the method's "
						+ parameters.valueParameters().size() + " value parameter(s)");
			}
			else {
				index = parameters.valueParameters().get(index);
			}
			this.bindings.put(name, index);
		}
	}

	@Override
	public Object execute(Object[] args) {
		Map<String, Object> values = new LinkedHashMap<>();
		this.bindings.forEach((name, index) -> values.put(name, args[index]));
		return run(this.action, filter(this.expression, values), args, Sort.unsorted(), null);
	}

}
