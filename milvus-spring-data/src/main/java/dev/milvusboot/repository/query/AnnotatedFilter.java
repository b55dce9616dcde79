package dev.milvusboot.repository.query;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.milvusboot.client.data.Filter;
import dev.milvusboot.repository.Query;
import dev.milvusboot.repository.query.AbstractMilvusQuery.Action;
import dev.milvusboot.repository.support.MilvusEntityInformation;

/**
 * A method's {@link Query @Query} filter, read and checked once when the repository is created, for the blocking
 * and the reactive executions alike: {@code {name}} parameters refer to parameters by name, {@code ?n} ones by
 * position; the values are always bound as filter parameters.
 */
final class AnnotatedFilter {

	private final String method;

	private final String expression;

	private final Map<String, Integer> bindings;

	private final Action action;

	private final MilvusEntityInformation<?, ?> entity;

	/**
	 * Reads a method's annotation.
	 * @param method the method, with {@code @Query}
	 * @param entity the entity, whose converter gives the arguments' Milvus values
	 * @throws org.springframework.data.repository.query.QueryCreationException naming the method and what does
	 * not match its parameters
	 */
	AnnotatedFilter(MilvusQueryMethod method, MilvusEntityInformation<?, ?> entity) {
		this.method = method.getName();
		this.entity = entity;
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

	/** What the method does with the entities the filter matches. */
	Action action() {
		return this.action;
	}

	/**
	 * The filter of one call, the arguments bound as its parameters.
	 * @param args the arguments
	 * @return the filter
	 */
	Filter bind(Object[] args) {
		Map<String, Object> values = new LinkedHashMap<>();
		this.bindings.forEach((name, index) -> values.put(name, this.entity.toMilvusValue(args[index])));
		return AbstractMilvusQuery.filter(this.method, this.expression, values);
	}

}
