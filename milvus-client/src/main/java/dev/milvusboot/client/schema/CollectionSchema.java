package dev.milvusboot.client.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * The schema of a collection: its name, fields (exactly one primary key, at least one vector field), its
 * functions (such as BM25, whose output fields the server fills) and whether rows may carry extra keys kept in the
 * dynamic field. Immutable; build with {@link #builder(String)} or
 * {@link #quick(String, int)}.
 */
public final class CollectionSchema {

	/** The primary key field of {@link #quick(String, int)} schemas. */
	public static final String DEFAULT_ID_FIELD = "id";

	/** The vector field of {@link #quick(String, int)} schemas. */
	public static final String DEFAULT_VECTOR_FIELD = "vector";

	private final String name;

	private final String description;

	private final List<FieldSchema> fields;

	private final boolean dynamicField;

	private final List<SchemaFunction> functions;

	private final Map<String, FieldSchema> byName;

	private final List<FieldSchema> vectorFields;

	private CollectionSchema(Builder builder, List<FieldSchema> fields) {
		this.name = builder.name;
		this.description = builder.description;
		this.fields = List.copyOf(fields);
		this.dynamicField = builder.dynamicField;
		this.functions = List.copyOf(builder.functions);
		Map<String, FieldSchema> byName = new LinkedHashMap<>();
		this.fields.forEach((field) -> byName.put(field.name(), field));
		this.byName = byName;
		this.vectorFields = this.fields.stream().filter((field) -> field.dataType().isVector()).toList();
	}

	public static Builder builder(String name) {
		return new Builder(name);
	}

	/**
	 * The schema the classic quick set-up creates: an int64 primary key {@code id} with automatic ids, a float
	 * vector {@code vector} of the given dimension, and the dynamic field on.
	 * @param name the collection name
	 * @param dimension the vector dimension
	 * @return the schema
	 */
	public static CollectionSchema quick(String name, int dimension) {
		return builder(name).field(FieldSchema.int64Id(DEFAULT_ID_FIELD, true))
			.field(FieldSchema.floatVector(DEFAULT_VECTOR_FIELD, dimension))
			.dynamicField(true)
			.build();
	}

	public String name() {
		return this.name;
	}

	public String description() {
		return this.description;
	}

	/** The fields, in schema order. */
	public List<FieldSchema> fields() {
		return this.fields;
	}

	/** The functions, in schema order. */
	public List<SchemaFunction> functions() {
		return this.functions;
	}

	/**
	 * The function that fills a field, or {@code null} (also for a function output field of a server that
	 * describes no functions, as Milvus Lite 2.5: see {@link FieldSchema#isFunctionOutput()}).
	 * @param outputField the field name
	 * @return the function or {@code null}
	 */
	public SchemaFunction functionFilling(String outputField) {
		for (SchemaFunction function : this.functions) {
			if (function.outputFields().contains(outputField)) {
				return function;
			}
		}
		return null;
	}

	/** The fields rows carry: all but the function outputs. */
	public List<FieldSchema> writableFields() {
		return this.fields.stream().filter((field) -> !field.isFunctionOutput()).toList();
	}

	/** Whether rows may carry keys that are not fields, stored in the dynamic JSON field. */
	public boolean isDynamicFieldEnabled() {
		return this.dynamicField;
	}

	/**
	 * The field of that name, or {@code null}.
	 * @param fieldName the field name
	 * @return the field or {@code null}
	 */
	public FieldSchema field(String fieldName) {
		return this.byName.get(fieldName);
	}

	/** The primary key field. */
	public FieldSchema primaryKey() {
		for (FieldSchema field : this.fields) {
			if (field.isPrimaryKey()) {
				return field;
			}
		}
		throw new IllegalStateException("Collection schema '" + this.name + "' has no primary key");
	}

	/** The vector fields, in schema order. */
	public List<FieldSchema> vectorFields() {
		return this.vectorFields;
	}

	/** The only vector field, or an error naming the choices when there are several. */
	public FieldSchema vectorField() {
		List<FieldSchema> vectors = vectorFields();
		if (vectors.size() != 1) {
			throw new MilvusInvalidArgumentException("Collection '" + this.name + "' has " + vectors.size()
					+ " vector fields " + vectors.stream().map(FieldSchema::name).toList()
					+ "; name the one to use");
		}
		return vectors.get(0);
	}

	/** Returns the schema under another collection name. */
	public CollectionSchema withName(String newName) {
		return toBuilder(newName).build();
	}

	/**
	 * A builder holding this schema under a collection name, to add fields or functions (for example the
	 * functions a server that describes none, as Milvus Lite 2.5, left out).
	 * @param collectionName the collection name
	 * @return the builder
	 */
	public Builder toBuilder(String collectionName) {
		Builder builder = builder(collectionName).description(this.description).dynamicField(this.dynamicField);
		this.fields.forEach(builder::field);
		this.functions.forEach(builder::function);
		return builder;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof CollectionSchema that && this.name.equals(that.name)
				&& this.fields.equals(that.fields) && this.dynamicField == that.dynamicField
				&& this.functions.equals(that.functions) && this.description.equals(that.description));
	}

	@Override
	public int hashCode() {
		return this.name.hashCode() * 31 + this.fields.hashCode();
	}

	@Override
	public String toString() {
		return "CollectionSchema[" + this.name + " " + this.fields + (this.functions.isEmpty() ? "" : " " + this.functions)
				+ (this.dynamicField ? " dynamic" : "") + "]";
	}

	/** Builds a {@link CollectionSchema}; {@link #build()} checks it. */
	public static final class Builder {

		private final String name;

		private String description = "";

		private final List<FieldSchema> fields = new ArrayList<>();

		private boolean dynamicField;

		private final List<SchemaFunction> functions = new ArrayList<>();

		private Builder(String name) {
			this.name = name;
		}

		public Builder description(String description) {
			this.description = (description != null) ? description : "";
			return this;
		}

		public Builder field(FieldSchema field) {
			this.fields.add(field);
			return this;
		}

		/** Adds a function; its output fields become {@linkplain FieldSchema#isFunctionOutput() function outputs}. */
		public Builder function(SchemaFunction function) {
			this.functions.add(java.util.Objects.requireNonNull(function, "function"));
			return this;
		}

		/** Lets rows carry keys that are not fields (stored in the dynamic JSON field {@code $meta}). */
		public Builder dynamicField(boolean enabled) {
			this.dynamicField = enabled;
			return this;
		}

		/**
		 * Checks and builds the schema.
		 * @throws MilvusInvalidArgumentException if a name is invalid, a field name repeats, or there is not
		 * exactly one primary key or no vector field, or a function names a field the schema lacks or of the wrong
		 * kind
		 */
		public CollectionSchema build() {
			Names.requireValid(this.name, "collection name");
			long keys = this.fields.stream().filter(FieldSchema::isPrimaryKey).count();
			if (keys != 1) {
				throw new MilvusInvalidArgumentException(
						"Collection '" + this.name + "' needs exactly one primary key field, but has " + keys);
			}
			if (this.fields.stream().noneMatch((field) -> field.dataType().isVector())) {
				throw new MilvusInvalidArgumentException("Collection '" + this.name + "' needs a vector field");
			}
			java.util.Set<String> seen = new java.util.HashSet<>();
			for (FieldSchema field : this.fields) {
				if (!seen.add(field.name())) {
					throw new MilvusInvalidArgumentException(
							"Collection '" + this.name + "' has two fields named '" + field.name() + "'");
				}
			}
			return new CollectionSchema(this, SchemaFunctions.check(this.name, this.fields, this.functions));
		}

	}

}
