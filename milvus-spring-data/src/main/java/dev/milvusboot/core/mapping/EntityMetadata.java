package dev.milvusboot.core.mapping;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;

/**
 * How one record or class maps to a collection: its name, schema, index and the conversion of entities to rows
 * and back. Built once per type by {@link EntityMapper}.
 *
 * @param <T> the entity type
 */
public final class EntityMetadata<T> {

	private final Class<T> type;

	private final String collection;

	private final boolean dynamicField;

	private final List<Property> properties;

	private final Property id;

	private final Property vector;

	private final MilvusVector vectorSettings;

	private final MilvusId idSettings;

	private final Constructor<T> constructor;

	EntityMetadata(Class<T> type) {
		this.type = type;
		MilvusCollection annotation = type.getAnnotation(MilvusCollection.class);
		this.collection = (annotation != null) ? annotation.value() : snakeCase(type.getSimpleName());
		this.dynamicField = annotation != null && annotation.dynamicField();
		this.properties = type.isRecord() ? recordProperties(type) : fieldProperties(type);
		Property id = null;
		Property vector = null;
		for (Property property : this.properties) {
			if (property.idSettings != null) {
				if (id != null) {
					throw new MappingException(type.getName() + " has two @MilvusId members: '" + id.javaName
							+ "' and '" + property.javaName + "'");
				}
				id = property;
			}
			if (property.vectorSettings != null) {
				if (vector != null) {
					throw new MappingException(type.getName() + " has two @MilvusVector members: '" + vector.javaName
							+ "' and '" + property.javaName + "'");
				}
				vector = property;
			}
		}
		if (id == null) {
			throw new MappingException(type.getName() + " needs a @MilvusId member (long, Long or String)");
		}
		if (vector == null) {
			throw new MappingException(type.getName() + " needs a @MilvusVector float[] member");
		}
		this.id = id;
		this.vector = vector;
		this.idSettings = id.idSettings;
		this.vectorSettings = vector.vectorSettings;
		this.constructor = constructor(type);
	}

	/** The entity type. */
	public Class<T> type() {
		return this.type;
	}

	/** The collection name. */
	public String collection() {
		return this.collection;
	}

	/** The Milvus name of the primary key. */
	public String idField() {
		return this.id.milvusName;
	}

	/** The Milvus name of the vector field. */
	public String vectorField() {
		return this.vector.milvusName;
	}

	/** The Milvus names of all mapped fields. */
	public List<String> fieldNames() {
		return this.properties.stream().map((property) -> property.milvusName).toList();
	}

	/** The collection schema the entity maps to. */
	public CollectionSchema schema() {
		CollectionSchema.Builder schema = CollectionSchema.builder(this.collection).dynamicField(this.dynamicField);
		for (Property property : this.properties) {
			schema.field(property.schema);
		}
		return schema.build();
	}

	/** The index of the vector field. */
	public IndexParams index() {
		return IndexParams.builder(this.collection, this.vector.milvusName)
			.indexType(this.vectorSettings.indexType())
			.metric(this.vectorSettings.metric())
			.build();
	}

	/** The row an entity is written as; an automatic id is left out. */
	public Map<String, Object> toRow(T entity) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (Property property : this.properties) {
			if (property == this.id && this.idSettings.autoId()) {
				continue;
			}
			row.put(property.milvusName, property.get(entity));
		}
		return row;
	}

	/** Sets a generated id on a mutable entity; records keep theirs. */
	public void setGeneratedId(T entity, Object id) {
		if (this.idSettings.autoId() && !this.type.isRecord()) {
			this.id.set(entity, id);
		}
	}

	/** The entity a row holds; members the row lacks stay at their defaults. */
	public T fromRow(Row row) {
		try {
			if (this.type.isRecord()) {
				Object[] arguments = new Object[this.properties.size()];
				for (int i = 0; i < arguments.length; i++) {
					Property property = this.properties.get(i);
					arguments[i] = property.convert(row.get(property.milvusName));
				}
				return this.constructor.newInstance(arguments);
			}
			T entity = this.constructor.newInstance();
			for (Property property : this.properties) {
				if (row.containsKey(property.milvusName)) {
					property.set(entity, property.convert(row.get(property.milvusName)));
				}
			}
			return entity;
		}
		catch (ReflectiveOperationException ex) {
			throw new MappingException("Cannot create a " + this.type.getName() + " from " + row, ex);
		}
	}

	private static <T> Constructor<T> constructor(Class<T> type) {
		try {
			Constructor<T> constructor;
			if (type.isRecord()) {
				Class<?>[] types = List.of(type.getRecordComponents())
					.stream()
					.map(RecordComponent::getType)
					.toArray(Class<?>[]::new);
				constructor = type.getDeclaredConstructor(types);
			}
			else {
				constructor = type.getDeclaredConstructor();
			}
			constructor.setAccessible(true);
			return constructor;
		}
		catch (NoSuchMethodException ex) {
			throw new MappingException(type.getName() + " needs a no-argument constructor to be read from Milvus", ex);
		}
	}

	private static List<Property> recordProperties(Class<?> type) {
		List<Property> properties = new ArrayList<>();
		for (RecordComponent component : type.getRecordComponents()) {
			MilvusField settings = component.getAnnotation(MilvusField.class);
			Field field;
			try {
				field = type.getDeclaredField(component.getName());
			}
			catch (NoSuchFieldException ex) {
				throw new MappingException("No field for record component " + component.getName(), ex);
			}
			properties.add(new Property(type, field, component.getName(), component.getType(), settings,
					component.getAnnotation(MilvusId.class), component.getAnnotation(MilvusVector.class)));
		}
		return properties;
	}

	private static List<Property> fieldProperties(Class<?> type) {
		List<Property> properties = new ArrayList<>();
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Field field : current.getDeclaredFields()) {
				int modifiers = field.getModifiers();
				MilvusField settings = field.getAnnotation(MilvusField.class);
				if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
						|| (settings != null && settings.ignore())) {
					continue;
				}
				properties.add(new Property(type, field, field.getName(), field.getType(), settings,
						field.getAnnotation(MilvusId.class), field.getAnnotation(MilvusVector.class)));
			}
		}
		return properties;
	}

	static String snakeCase(String name) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isUpperCase(c)) {
				if (i > 0) {
					out.append('_');
				}
				out.append(Character.toLowerCase(c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	/** One mapped member. */
	private static final class Property {

		private final String javaName;

		private final String milvusName;

		private final Class<?> javaType;

		private final Field field;

		private final MilvusId idSettings;

		private final MilvusVector vectorSettings;

		private final FieldSchema schema;

		Property(Class<?> owner, Field field, String javaName, Class<?> javaType, MilvusField settings, MilvusId id,
				MilvusVector vector) {
			if (settings != null && settings.ignore() && owner.isRecord()) {
				throw new MappingException("Record component '" + javaName + "' of " + owner.getName()
						+ " cannot be ignored: records are built from all their components");
			}
			this.javaName = javaName;
			this.milvusName = (settings != null && !settings.name().isEmpty()) ? settings.name() : javaName;
			this.javaType = javaType;
			this.field = field;
			this.field.setAccessible(true);
			this.idSettings = id;
			this.vectorSettings = vector;
			this.schema = schema(owner, settings);
		}

		private FieldSchema schema(Class<?> owner, MilvusField settings) {
			String where = "member '" + this.javaName + "' of " + owner.getName();
			if (this.vectorSettings != null) {
				if (this.javaType != float[].class) {
					throw new MappingException("@MilvusVector " + where + " must be a float[]");
				}
				return FieldSchema.floatVector(this.milvusName, this.vectorSettings.dimension());
			}
			if (this.idSettings != null) {
				if (this.javaType == long.class || this.javaType == Long.class) {
					return FieldSchema.int64Id(this.milvusName, this.idSettings.autoId());
				}
				if (this.javaType == String.class) {
					if (this.idSettings.autoId()) {
						throw new MappingException("@MilvusId " + where + " is a String; automatic ids need a long");
					}
					return FieldSchema.varcharId(this.milvusName, this.idSettings.maxLength());
				}
				throw new MappingException("@MilvusId " + where + " must be a long, Long or String");
			}
			DataType type = dataType(where);
			FieldSchema.Builder builder = FieldSchema.builder(this.milvusName, type)
				.nullable(settings != null && settings.nullable());
			if (type == DataType.VARCHAR) {
				builder.maxLength((settings != null) ? settings.maxLength() : 1024);
			}
			return builder.build();
		}

		private DataType dataType(String where) {
			Class<?> t = this.javaType;
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
			if (t == String.class) {
				return DataType.VARCHAR;
			}
			if (Map.class.isAssignableFrom(t)) {
				return DataType.JSON;
			}
			throw new MappingException("Cannot map " + where + " of type " + t.getName()
					+ "; use a number, boolean, String, Map (JSON) or a float[] with @MilvusVector");
		}

		Object get(Object entity) {
			try {
				return this.field.get(entity);
			}
			catch (IllegalAccessException ex) {
				throw new MappingException("Cannot read '" + this.javaName + "'", ex);
			}
		}

		void set(Object entity, Object value) {
			try {
				this.field.set(entity, value);
			}
			catch (IllegalAccessException | IllegalArgumentException ex) {
				throw new MappingException("Cannot set '" + this.javaName + "' to " + value, ex);
			}
		}

		/** Converts a value read from Milvus to the member's Java type. */
		Object convert(Object value) {
			Class<?> t = this.javaType;
			if (value == null) {
				return t.isPrimitive() ? defaultPrimitive(t) : null;
			}
			if (value instanceof Number number) {
				if (t == long.class || t == Long.class) {
					return number.longValue();
				}
				if (t == int.class || t == Integer.class) {
					return number.intValue();
				}
				if (t == short.class || t == Short.class) {
					return number.shortValue();
				}
				if (t == byte.class || t == Byte.class) {
					return number.byteValue();
				}
				if (t == float.class || t == Float.class) {
					return number.floatValue();
				}
				if (t == double.class || t == Double.class) {
					return number.doubleValue();
				}
			}
			if (Map.class.isAssignableFrom(t) && value instanceof String json) {
				// the client's own JSON reader (internal API of the same project), so no JSON library is needed
				return narrowIntegers(dev.milvusboot.client.internal.codec.Json.parse(json));
			}
			return value;
		}

		/** Whole numbers that fit an {@code int} become {@code Integer}s, as JSON libraries read them. */
		private static Object narrowIntegers(Object value) {
			if (value instanceof Long number && number == number.intValue()) {
				return number.intValue();
			}
			if (value instanceof Map<?, ?> map) {
				Map<Object, Object> narrowed = new LinkedHashMap<>();
				map.forEach((key, item) -> narrowed.put(key, narrowIntegers(item)));
				return narrowed;
			}
			if (value instanceof List<?> list) {
				return list.stream().map(Property::narrowIntegers).toList();
			}
			return value;
		}

		private static Object defaultPrimitive(Class<?> t) {
			if (t == boolean.class) {
				return false;
			}
			if (t == float.class) {
				return 0f;
			}
			if (t == double.class) {
				return 0d;
			}
			if (t == long.class) {
				return 0L;
			}
			if (t == short.class) {
				return (short) 0;
			}
			if (t == byte.class) {
				return (byte) 0;
			}
			return 0;
		}

	}

}
