package dev.milvusboot.core.mapping;

import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import dev.milvusboot.client.data.SparseVector;
import dev.milvusboot.client.schema.DataType;

import org.springframework.data.convert.CustomConversions;
import org.springframework.data.core.TypeInformation;

/**
 * Decides the Milvus type of a member from its Java type and the conversions: what a value is written as (a
 * converter's target, the name of an enum, the value itself), then the Milvus type of that.
 */
final class MilvusTypeResolver {

	private static final String SUPPORTED = "use a number, boolean, String, enum, Instant, LocalDate, LocalDateTime or"
			+ " UUID, a List or Set of them (ARRAY), a Map, record or class (JSON), a float[] or Vector with"
			+ " @MilvusVector, a SparseVector with @MilvusSparseVector, or register a converter to one of these in"
			+ " MilvusCustomConversions";

	private final CustomConversions conversions;

	MilvusTypeResolver(CustomConversions conversions) {
		this.conversions = conversions;
	}

	/**
	 * The Milvus type of a member and, for an ARRAY, of its elements.
	 * @param type the Milvus type, {@code null} for a BM25 output
	 * @param elementType the element type of an ARRAY, else {@code null}
	 */
	record FieldType(DataType type, DataType elementType) {

	}

	FieldType resolve(BasicMilvusPersistentProperty property) {
		Class<?> raw = property.getType();
		if (property.isIdProperty()) {
			DataType id = scalarType(storedType(raw));
			if (id != DataType.INT64 && id != DataType.VARCHAR) {
				throw new MappingException("The id " + property.describe() + " must be a long, Long or String (or"
						+ " have a converter to one), but is a " + raw.getName());
			}
			return new FieldType(id, null);
		}
		if (property.isDenseVector()) {
			if (storedType(raw) != float[].class) {
				throw new MappingException("@MilvusVector " + property.describe() + " must be a float[] or a Spring"
						+ " Data Vector, but is a " + raw.getName());
			}
			return new FieldType(DataType.FLOAT_VECTOR, null);
		}
		if (property.isSparseVector()) {
			require(property, SparseVector.class, "@MilvusSparseVector", "a SparseVector");
			return new FieldType(DataType.SPARSE_FLOAT_VECTOR, null);
		}
		if (property.isFullText()) {
			require(property, String.class, "@MilvusFullText", "a String");
			return new FieldType(DataType.VARCHAR, null);
		}
		if (property.isBm25Output()) {
			return new FieldType(null, null);
		}
		return scalar(property, property.getTypeInformation());
	}

	private static void require(BasicMilvusPersistentProperty property, Class<?> type, String annotation,
			String description) {
		if (property.getType() != type) {
			throw new MappingException(annotation + " " + property.describe() + " must be " + description
					+ ", but is a " + property.getType().getName());
		}
	}

	private FieldType scalar(BasicMilvusPersistentProperty property, TypeInformation<?> information) {
		Class<?> raw = information.getType();
		Class<?> stored = storedType(raw);
		DataType scalar = scalarType(stored);
		if (scalar != null) {
			return new FieldType(scalar, null);
		}
		if (stored != raw) {
			if (Map.class.isAssignableFrom(stored)) {
				return new FieldType(DataType.JSON, null);
			}
			throw new MappingException("The " + property.describe() + " of type " + raw.getName() + " is written by"
					+ " a converter as a " + stored.getName() + ", which Milvus cannot store; convert it to a number,"
					+ " boolean, String or Map instead");
		}
		if (Collection.class.isAssignableFrom(raw)) {
			TypeInformation<?> component = information.getComponentType();
			Class<?> element = (component != null) ? component.getType() : Object.class;
			DataType elementType = scalarType(storedType(element));
			if (elementType != null) {
				return new FieldType(DataType.ARRAY, elementType);
			}
			if (isNestedObject(element) || Map.class.isAssignableFrom(element)) {
				return new FieldType(DataType.JSON, null);
			}
			throw new MappingException("Cannot map the " + property.describe() + " of type "
					+ information + " to an ARRAY: its elements must be numbers, booleans,"
					+ " Strings, enums or types with a converter to them, as in List<String> (use a Map or a record"
					+ " for JSON)");
		}
		if (Map.class.isAssignableFrom(raw) || isNestedObject(raw)) {
			return new FieldType(DataType.JSON, null);
		}
		throw new MappingException("Cannot map the " + property.describe() + " of type " + raw.getName() + "; "
				+ SUPPORTED);
	}

	/** The type a value of this type is written as: a converter's target, String for enums, else the type. */
	Class<?> storedType(Class<?> type) {
		Optional<Class<?>> target = this.conversions.getCustomWriteTarget(type);
		if (target.isPresent()) {
			return target.get();
		}
		return Enum.class.isAssignableFrom(type) ? String.class : type;
	}

	/**
	 * Whether values of this type are objects of the application written as JSON objects: classes and records that
	 * are neither simple nor of the Java platform, nor collections or maps.
	 */
	boolean isNestedObject(Class<?> type) {
		String name = type.getName();
		return !type.isPrimitive() && !type.isArray() && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())
				&& !Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type)
				&& !this.conversions.isSimpleType(type) && !MilvusSimpleTypes.isStoreType(type)
				&& !name.startsWith("java.") && !name.startsWith("javax.") && !name.startsWith("jdk.");
	}

	/** The Milvus scalar type values of a Java type are stored as, {@code null} if none. */
	static DataType scalarType(Class<?> t) {
		if (t == long.class || t == Long.class) {
			return DataType.INT64;
		}
		if (t == int.class || t == Integer.class) {
			return DataType.INT32;
		}
		if (t == short.class || t == Short.class) {
			return DataType.INT16;
		}
		if (t == byte.class || t == Byte.class) {
			return DataType.INT8;
		}
		if (t == boolean.class || t == Boolean.class) {
			return DataType.BOOL;
		}
		if (t == float.class || t == Float.class) {
			return DataType.FLOAT;
		}
		if (t == double.class || t == Double.class) {
			return DataType.DOUBLE;
		}
		return (t == String.class) ? DataType.VARCHAR : null;
	}

}
