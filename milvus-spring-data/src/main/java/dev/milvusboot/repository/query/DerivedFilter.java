package dev.milvusboot.repository.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.repository.support.MilvusEntityInformation;
import dev.milvusboot.repository.support.MilvusProperty;

import org.springframework.data.domain.Vector;
import org.springframework.data.repository.query.parser.Part;
import org.springframework.data.repository.query.parser.PartTree;

/**
 * The filter a method name describes, as a Milvus expression with a {@code {pN}} parameter for each value, checked
 * once when the repository is created: every property must be mapped, every keyword expressible in Milvus, and a
 * {@code Near}/{@code Within} criterion must be on a vector field and take a vector.
 */
final class DerivedFilter {

	private final String expression;

	private final List<Binding> bindings;

	private final VectorCriterion vector;

	private DerivedFilter(String expression, List<Binding> bindings, VectorCriterion vector) {
		this.expression = expression;
		this.bindings = bindings;
		this.vector = vector;
	}

	/**
	 * Translates a method name.
	 * @param tree the parsed method name
	 * @param entity the entity
	 * @param method the method's parameters
	 * @return the filter
	 * @throws IllegalArgumentException saying what Milvus cannot express
	 */
	static DerivedFilter of(PartTree tree, MilvusEntityInformation<?, ?> entity, MilvusMethodParameters method) {
		Iterator<Integer> values = method.valueParameters().iterator();
		List<Binding> bindings = new ArrayList<>();
		List<String> disjunction = new ArrayList<>();
		VectorCriterion vector = null;
		int orParts = 0;
		for (PartTree.OrPart or : tree) {
			orParts++;
			List<String> conjunction = new ArrayList<>();
			for (Part part : or) {
				MilvusProperty property = property(part, entity);
				List<Integer> arguments = new ArrayList<>();
				for (int i = 0; i < part.getNumberOfArguments(); i++) {
					if (!values.hasNext()) {
						throw new IllegalArgumentException("'" + part.getProperty().toDotPath() + " " + part.getType().name()
								+ "' needs " + part.getNumberOfArguments() + " argument(s), but the method has too few");
					}
					arguments.add(values.next());
				}
				if (part.getType() == Part.Type.NEAR || part.getType() == Part.Type.WITHIN) {
					if (vector != null) {
						throw new IllegalArgumentException("A search has one vector criterion, but the method has '"
								+ vector.property().javaName() + "' and '" + property.javaName() + "'");
					}
					vector = vectorCriterion(part, property, arguments.get(0), method, entity);
					continue;
				}
				if (property.isVector()) {
					throw new IllegalArgumentException("Vector property '" + property.javaName()
							+ "' can only be searched (Near or Within), not compared with " + part.getType().name());
				}
				conjunction.add(criterion(part, property, arguments, bindings, method));
			}
			if (!conjunction.isEmpty()) {
				disjunction.add(String.join(" and ", conjunction));
			}
		}
		if (vector != null && orParts > 1) {
			throw new IllegalArgumentException(
					"A vector criterion (Near or Within) cannot be combined with Or: the filter applies to the whole search");
		}
		if (values.hasNext()) {
			int unused = values.next();
			if (isVector(method.type(unused))) {
				throw new IllegalArgumentException("Parameter " + unused + " is a " + method.type(unused).getSimpleName()
						+ ", but the name has no vector criterion to take it: search with Near or Within on a vector"
						+ " property" + denseVectors(entity));
			}
			throw new IllegalArgumentException("The method has more parameters than its name uses (parameter "
					+ unused + " is not used)");
		}
		String expression = (disjunction.size() == 1) ? disjunction.get(0)
				: String.join(" or ", disjunction.stream().map((text) -> "(" + text + ")").toList());
		return new DerivedFilter(expression, List.copyOf(bindings), vector);
	}

	/** The expression with its {@code {pN}} parameters; empty when the name has no condition but the vector. */
	String expression() {
		return this.expression;
	}

	/** How the method's arguments become the expression's parameters. */
	List<Binding> bindings() {
		return this.bindings;
	}

	/** The vector criterion, or {@code null}. */
	VectorCriterion vector() {
		return this.vector;
	}

	private static MilvusProperty property(Part part, MilvusEntityInformation<?, ?> entity) {
		if (part.getProperty().hasNext()) {
			throw new IllegalArgumentException("Nested property '" + part.getProperty().toDotPath()
					+ "' cannot be filtered: Milvus fields are flat (use @Query with a JSON path)");
		}
		MilvusProperty property = entity.properties().get(part.getProperty().getSegment());
		if (property == null) {
			throw new IllegalArgumentException("Property '" + part.getProperty().getSegment() + "' of "
					+ entity.getJavaType().getSimpleName() + " is not mapped to a Milvus field; mapped: "
					+ entity.properties().keySet());
		}
		if (part.shouldIgnoreCase() == Part.IgnoreCaseType.ALWAYS) {
			throw new IllegalArgumentException("'IgnoreCase' on '" + property.javaName()
					+ "' cannot be expressed: Milvus filters compare strings exactly");
		}
		return property;
	}

	private static VectorCriterion vectorCriterion(Part part, MilvusProperty property, int argument,
			MilvusMethodParameters method, MilvusEntityInformation<?, ?> entity) {
		Class<?> type = method.type(argument);
		if (!isVector(type)) {
			throw new IllegalArgumentException("'" + property.javaName() + " " + part.getType().name()
					+ "' takes a Vector or float[] parameter, but parameter " + argument + " is a " + type.getName());
		}
		if (property.dataType() != DataType.FLOAT_VECTOR) {
			throw new IllegalArgumentException("'" + property.javaName() + " " + part.getType().name()
					+ "' needs a dense vector field for its " + type.getSimpleName() + " parameter, but '"
					+ property.javaName() + "' is a " + property.dataType() + denseVectors(entity));
		}
		if (part.getType() == Part.Type.WITHIN && method.scoreRangeIndex() < 0) {
			throw new IllegalArgumentException("'" + property.javaName()
					+ " Within' needs a Range<Similarity> (or Range<Score>) parameter with the bounds of the range search");
		}
		return new VectorCriterion(property, part.getType(), argument);
	}

	private static boolean isVector(Class<?> type) {
		return Vector.class.isAssignableFrom(type) || type == float[].class;
	}

	/** What the entity offers instead: its dense vector properties, or that it has none. */
	private static String denseVectors(MilvusEntityInformation<?, ?> entity) {
		List<String> dense = entity.vectorProperties()
			.stream()
			.filter((vector) -> vector.dataType() == DataType.FLOAT_VECTOR)
			.map(MilvusProperty::javaName)
			.toList();
		return dense.isEmpty() ? "; " + entity.getJavaType().getSimpleName()
				+ " has no dense vector field (a float[] with @MilvusVector)" : "; its dense vector properties: " + dense;
	}

	private static String criterion(Part part, MilvusProperty property, List<Integer> arguments,
			List<Binding> bindings, MilvusMethodParameters method) {
		String field = property.milvusName();
		return switch (part.getType()) {
			case SIMPLE_PROPERTY -> field + " == " + bind(bindings, property, arguments.get(0), ValueShape.AS_IS);
			case NEGATING_SIMPLE_PROPERTY -> field + " != " + bind(bindings, property, arguments.get(0), ValueShape.AS_IS);
			case GREATER_THAN, AFTER -> field + " > " + bind(bindings, property, arguments.get(0), ValueShape.AS_IS);
			case GREATER_THAN_EQUAL -> field + " >= " + bind(bindings, property, arguments.get(0), ValueShape.AS_IS);
			case LESS_THAN, BEFORE -> field + " < " + bind(bindings, property, arguments.get(0), ValueShape.AS_IS);
			case LESS_THAN_EQUAL -> field + " <= " + bind(bindings, property, arguments.get(0), ValueShape.AS_IS);
			case BETWEEN -> "(" + field + " >= " + bind(bindings, property, arguments.get(0), ValueShape.AS_IS) + " and " + field
					+ " <= " + bind(bindings, property, arguments.get(1), ValueShape.AS_IS) + ")";
			case IN, NOT_IN -> {
				requireCollection(part, property, method.type(arguments.get(0)), arguments.get(0));
				yield field + ((part.getType() == Part.Type.IN) ? " in " : " not in ")
						+ bind(bindings, property, arguments.get(0), ValueShape.AS_IS);
			}
			case IS_NULL -> field + " is null";
			case IS_NOT_NULL -> field + " is not null";
			case TRUE -> field + " == true";
			case FALSE -> field + " == false";
			case LIKE -> like(part, property, field, bind(bindings, property, arguments.get(0), ValueShape.AS_IS));
			case NOT_LIKE -> "not (" + like(part, property, field, bind(bindings, property, arguments.get(0), ValueShape.AS_IS)) + ")";
			case STARTING_WITH -> {
				like(part, property, field, "");
				yield "(" + field + " >= " + bind(bindings, property, arguments.get(0), ValueShape.AS_IS) + " and " + field + " < "
						+ bind(bindings, property, arguments.get(0), ValueShape.PREFIX_BOUND) + ")";
			}
			case ENDING_WITH -> like(part, property, field, bind(bindings, property, arguments.get(0), ValueShape.SUFFIX));
			case CONTAINING, NOT_CONTAINING -> {
				String contains = property.isArray()
						? "array_contains(" + field + ", " + bind(bindings, property, arguments.get(0), ValueShape.AS_IS) + ")"
						: like(part, property, field, bind(bindings, property, arguments.get(0), ValueShape.INFIX));
				yield (part.getType() == Part.Type.CONTAINING) ? contains : "not (" + contains + ")";
			}
			case IS_EMPTY, IS_NOT_EMPTY -> {
				if (!property.isArray()) {
					throw unsupported(part, property, "Empty/NotEmpty applies to ARRAY fields only");
				}
				// '!= 0', not '> 0': Milvus 2.3 and Milvus Lite 2.5 compare an array's length only for (in)equality
				yield "array_length(" + field + ((part.getType() == Part.Type.IS_EMPTY) ? ") == 0" : ") != 0");
			}
			case REGEX -> throw unsupported(part, property, "Milvus filters have no regular expressions");
			case EXISTS -> throw unsupported(part, property, "every Milvus row has every field (use IsNotNull)");
			case NEAR, WITHIN -> throw new IllegalStateException("handled above");
		};
	}

	private static String like(Part part, MilvusProperty property, String field, String placeholder) {
		if (!property.isString()) {
			throw unsupported(part, property, "LIKE applies to VARCHAR fields, but it is a " + property.dataType());
		}
		return field + " like " + placeholder;
	}

	private static void requireCollection(Part part, MilvusProperty property, Class<?> type, int argument) {
		if (!Collection.class.isAssignableFrom(type) && !type.isArray()) {
			throw unsupported(part, property,
					"it takes a collection or array, but parameter " + argument + " is a " + type.getName());
		}
	}

	private static String bind(List<Binding> bindings, MilvusProperty property, int parameter, ValueShape shape) {
		String name = "p" + bindings.size();
		bindings.add(new Binding(name, parameter, property, shape));
		return "{" + name + "}";
	}

	private static IllegalArgumentException unsupported(Part part, MilvusProperty property, String why) {
		return new IllegalArgumentException(
				"'" + property.javaName() + " " + part.getType().name() + "' cannot be expressed in Milvus: " + why);
	}

	/**
	 * A parameter of the expression.
	 * @param name its name in the expression
	 * @param parameter the index of the method parameter giving its value
	 * @param property the member it is compared with (its Milvus value is what is bound)
	 * @param shape how the value is shaped
	 */
	record Binding(String name, int parameter, MilvusProperty property, ValueShape shape) {

	}

	/**
	 * The vector criterion of a search method.
	 * @param property the vector property
	 * @param type {@code NEAR} or {@code WITHIN}
	 * @param parameter the index of the vector parameter
	 */
	record VectorCriterion(MilvusProperty property, Part.Type type, int parameter) {

	}

}
