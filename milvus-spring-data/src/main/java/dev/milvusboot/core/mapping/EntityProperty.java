package dev.milvusboot.core.mapping;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.milvusboot.client.data.SparseVector;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.client.schema.SchemaFunction;

/**
 * One mapped member of an entity: its names, its role, the field it maps to and the access to its value.
 */
final class EntityProperty {

	/** What a member is to Milvus. */
	enum Role {

		/** The primary key. */
		ID,
		/** A dense float vector ({@link MilvusVector}). */
		VECTOR,
		/** A sparse vector the application writes ({@link MilvusSparseVector}). */
		SPARSE_VECTOR,
		/** An analyzed text with a BM25 function ({@link MilvusFullText}). */
		FULL_TEXT,
		/** The BM25 output of a full-text member: filled by the server, never written nor read. */
		FUNCTION_OUTPUT,
		/** A scalar, ARRAY or JSON field. */
		SCALAR

	}

	final String javaName;

	final String milvusName;

	final Role role;

	final MilvusId idSettings;

	private final Class<?> javaType;

	private final Type genericType;

	private final Field field;

	private final String where;

	private final MilvusVector vectorSettings;

	private final MilvusSparseVector sparseSettings;

	private final FullTextField fullText;

	private final FieldSchema schema;

	EntityProperty(Class<?> owner, Field field, String javaName, AnnotatedElement element, Class<?> javaType,
			Type genericType) {
		MilvusField settings = element.getAnnotation(MilvusField.class);
		if (settings != null && settings.ignore() && owner.isRecord()) {
			throw new MappingException("Record component '" + javaName + "' of " + owner.getName()
					+ " cannot be ignored: records are built from all their components");
		}
		this.javaName = javaName;
		this.milvusName = (settings != null && !settings.name().isEmpty()) ? settings.name() : javaName;
		this.javaType = javaType;
		this.genericType = genericType;
		this.field = field;
		this.field.setAccessible(true);
		this.where = "member '" + javaName + "' of " + owner.getName();
		this.idSettings = element.getAnnotation(MilvusId.class);
		this.vectorSettings = element.getAnnotation(MilvusVector.class);
		this.sparseSettings = element.getAnnotation(MilvusSparseVector.class);
		MilvusFullText fullText = element.getAnnotation(MilvusFullText.class);
		this.fullText = (fullText != null) ? new FullTextField(fullText, this.milvusName, this.where) : null;
		this.role = role();
		this.schema = schema(settings);
	}

	private Role role() {
		List<String> roles = new ArrayList<>();
		if (this.idSettings != null) {
			roles.add("@MilvusId");
		}
		if (this.vectorSettings != null) {
			roles.add("@MilvusVector");
		}
		if (this.sparseSettings != null) {
			roles.add("@MilvusSparseVector");
		}
		if (this.fullText != null) {
			roles.add("@MilvusFullText");
		}
		if (roles.size() > 1) {
			throw new MappingException("The " + this.where + " has " + String.join(" and ", roles) + "; use one");
		}
		if (this.idSettings != null) {
			return Role.ID;
		}
		if (this.vectorSettings != null) {
			return Role.VECTOR;
		}
		if (this.sparseSettings != null) {
			return Role.SPARSE_VECTOR;
		}
		if (this.fullText != null) {
			return Role.FULL_TEXT;
		}
		return (this.javaType == SparseVector.class) ? Role.FUNCTION_OUTPUT : Role.SCALAR;
	}

	/** The field of this member; {@code null} for a BM25 output, whose field comes from its full-text member. */
	FieldSchema schema() {
		return this.schema;
	}

	boolean isJson() {
		return this.schema != null && this.schema.dataType() == DataType.JSON;
	}

	private FieldSchema schema(MilvusField settings) {
		try {
			return switch (this.role) {
				case ID -> idSchema();
				case VECTOR -> {
					requireType(float[].class, "@MilvusVector", "a float[]");
					yield FieldSchema.floatVector(this.milvusName, this.vectorSettings.dimension());
				}
				case SPARSE_VECTOR -> {
					requireType(SparseVector.class, "@MilvusSparseVector", "a SparseVector");
					yield FieldSchema.sparseVector(this.milvusName);
				}
				case FULL_TEXT -> {
					requireType(String.class, "@MilvusFullText", "a String");
					yield this.fullText.schema(settings);
				}
				case FUNCTION_OUTPUT -> null;
				case SCALAR -> scalarSchema(settings);
			};
		}
		catch (MilvusInvalidArgumentException ex) {
			throw new MappingException("Cannot map the " + this.where + ": " + ex.getMessage(), ex);
		}
	}

	private void requireType(Class<?> type, String annotation, String description) {
		if (this.javaType != type) {
			throw new MappingException(annotation + " " + this.where + " must be " + description + ", but is a "
					+ this.javaType.getName());
		}
	}

	private FieldSchema idSchema() {
		if (this.javaType == long.class || this.javaType == Long.class) {
			return FieldSchema.int64Id(this.milvusName, this.idSettings.autoId());
		}
		if (this.javaType == String.class) {
			if (this.idSettings.autoId()) {
				throw new MappingException("@MilvusId " + this.where + " is a String; automatic ids need a long");
			}
			return FieldSchema.varcharId(this.milvusName, this.idSettings.maxLength());
		}
		throw new MappingException("@MilvusId " + this.where + " must be a long, Long or String");
	}

	private FieldSchema scalarSchema(MilvusField settings) {
		DataType type = scalarType(this.javaType);
		if (type == null && List.class.isAssignableFrom(this.javaType)) {
			return arraySchema(settings);
		}
		if (type == null && (Map.class.isAssignableFrom(this.javaType) || this.javaType.isRecord())) {
			type = DataType.JSON;
		}
		if (type == null) {
			throw new MappingException("Cannot map the " + this.where + " of type " + this.javaType.getName()
					+ "; use a number, boolean, String, List (ARRAY), Map or record (JSON), a float[] with"
					+ " @MilvusVector or a SparseVector with @MilvusSparseVector");
		}
		FieldSchema.Builder builder = FieldSchema.builder(this.milvusName, type)
			.nullable(settings != null && settings.nullable());
		if (type == DataType.VARCHAR) {
			builder.maxLength((settings != null) ? settings.maxLength() : 1024);
		}
		return builder.build();
	}

	private FieldSchema arraySchema(MilvusField settings) {
		Class<?> element = ValueConversion.rawClass(ValueConversion.typeArgument(this.genericType, 0));
		DataType elementType = element.isPrimitive() ? null : scalarType(element);
		if (elementType == null) {
			throw new MappingException("Cannot map the " + this.where + " of type " + this.genericType.getTypeName()
					+ " to an ARRAY: its elements must be numbers, booleans or Strings, as in List<String>"
					+ " (use a Map or a record for JSON)");
		}
		FieldSchema.Builder builder = FieldSchema.builder(this.milvusName, DataType.ARRAY)
			.elementType(elementType, (settings != null) ? settings.maxCapacity() : 64)
			.nullable(settings != null && settings.nullable());
		if (elementType == DataType.VARCHAR) {
			builder.maxLength((settings != null) ? settings.maxLength() : 1024);
		}
		return builder.build();
	}

	private static DataType scalarType(Class<?> t) {
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

	/** The name of this full-text member's BM25 output field. */
	String bm25Output() {
		return this.fullText.output();
	}

	/** This full-text member's BM25 function. */
	SchemaFunction bm25Function() {
		return this.fullText.function();
	}

	// ---------------------------------------------------------------- indexes

	/** The index of a vector member (dense, sparse or the BM25 output of a full-text member). */
	IndexParams index(String collection) {
		return switch (this.role) {
			case VECTOR -> IndexParams.builder(collection, this.milvusName)
				.indexType(this.vectorSettings.indexType())
				.metric(this.vectorSettings.metric())
				.build();
			case SPARSE_VECTOR -> IndexParams.builder(collection, this.milvusName)
				.indexType(this.sparseSettings.indexType())
				.metric(this.sparseSettings.metric())
				.build();
			case FULL_TEXT -> IndexParams.builder(collection, bm25Output())
				.indexType(IndexType.SPARSE_INVERTED_INDEX)
				.metric(MetricType.BM25)
				.build();
			default -> throw new IllegalStateException("The " + this.where + " has no index");
		};
	}

	// ---------------------------------------------------------------- values

	/** The member's value as the client writes it (records inside a JSON field as maps). */
	Object read(Object entity) {
		try {
			Object value = this.field.get(entity);
			return isJson() ? ValueConversion.toJson(value) : value;
		}
		catch (IllegalAccessException ex) {
			throw new MappingException("Cannot read the " + this.where, ex);
		}
	}

	void set(Object entity, Object value) {
		try {
			this.field.set(entity, value);
		}
		catch (IllegalAccessException | IllegalArgumentException ex) {
			throw new MappingException("Cannot set the " + this.where + " to " + value, ex);
		}
	}

	/** Converts a value read from Milvus to the member's Java type. */
	Object convert(Object value) {
		return ValueConversion.fromMilvus(value, this.genericType, isJson(), this.where);
	}

	@Override
	public String toString() {
		return this.where;
	}

}
