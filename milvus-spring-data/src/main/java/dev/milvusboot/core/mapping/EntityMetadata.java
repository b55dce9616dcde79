package dev.milvusboot.core.mapping;

import java.lang.reflect.Constructor;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.core.mapping.EntityProperty.Role;

/**
 * How one record or class maps to a collection: its name, schema (dense and sparse vectors, full-text fields with
 * their BM25 functions, scalars, arrays, JSON), indexes, the fields searches use and the conversion of entities to
 * rows and back. Built once per type by {@link EntityMapper}.
 *
 * @param <T> the entity type
 */
public final class EntityMetadata<T> {

	private final Class<T> type;

	private final String collection;

	private final boolean dynamicField;

	private final List<EntityProperty> properties;

	private final EntityProperty id;

	private final Constructor<T> constructor;

	EntityMetadata(Class<T> type) {
		this.type = type;
		MilvusCollection annotation = type.getAnnotation(MilvusCollection.class);
		this.collection = (annotation != null) ? annotation.value()
				: EntityIntrospection.snakeCase(type.getSimpleName());
		this.dynamicField = annotation != null && annotation.dynamicField();
		this.properties = EntityIntrospection.properties(type);
		List<EntityProperty> ids = withRole(Role.ID);
		if (ids.size() > 1) {
			throw new MappingException(type.getName() + " has two @MilvusId members: '" + ids.get(0).javaName
					+ "' and '" + ids.get(1).javaName + "'");
		}
		if (ids.isEmpty()) {
			throw new MappingException(type.getName() + " needs a @MilvusId member (long, Long or String)");
		}
		this.id = ids.get(0);
		checkNames();
		if (withRole(Role.VECTOR).isEmpty() && withRole(Role.SPARSE_VECTOR).isEmpty()
				&& withRole(Role.FULL_TEXT).isEmpty()) {
			throw new MappingException(type.getName() + " needs a vector: a @MilvusVector float[] member, a"
					+ " @MilvusSparseVector SparseVector member or a @MilvusFullText String member");
		}
		this.constructor = EntityIntrospection.constructor(type);
	}

	/** Each Milvus name once; a SparseVector member without annotation only as the output of a full-text member. */
	private void checkNames() {
		Set<String> outputs = new HashSet<>();
		withRole(Role.FULL_TEXT).forEach((text) -> outputs.add(text.bm25Output()));
		Set<String> names = new HashSet<>();
		for (EntityProperty property : this.properties) {
			if (!names.add(property.milvusName)) {
				throw new MappingException(this.type.getName() + " maps two members to the field '"
						+ property.milvusName + "'");
			}
			boolean output = outputs.contains(property.milvusName);
			if (property.role == Role.FUNCTION_OUTPUT && !output) {
				throw new MappingException("The SparseVector " + property + " is neither annotated with"
						+ " @MilvusSparseVector nor the output of a @MilvusFullText member " + outputs);
			}
			if (output && property.role != Role.FUNCTION_OUTPUT) {
				throw new MappingException("The " + property + " is named as the BM25 output of a @MilvusFullText"
						+ " member; that field is filled by the server, so such a member must be an unannotated"
						+ " SparseVector (or leave it out)");
			}
		}
	}

	private List<EntityProperty> withRole(Role role) {
		return this.properties.stream().filter((property) -> property.role == role).toList();
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

	/**
	 * The Milvus name of the entity's dense vector field, for searches that do not name one.
	 * @throws MappingException if the entity has none, or several (then searches must name the field)
	 */
	public String vectorField() {
		return only(withRole(Role.VECTOR), "@MilvusVector").milvusName;
	}

	/**
	 * Checks that a field is a dense or sparse vector field the entity writes.
	 * @param name the Milvus field name
	 * @return the name
	 * @throws MappingException if the entity has no such vector field, listing those it has
	 */
	public String vectorField(String name) {
		if (!vectorFields().contains(name)) {
			throw new MappingException(this.type.getName() + " has no vector field '" + name + "'; its vector fields: "
					+ vectorFields());
		}
		return name;
	}

	/** The Milvus names of the dense and sparse vector fields the entity writes, in member order. */
	public List<String> vectorFields() {
		return this.properties.stream()
			.filter((property) -> property.role == Role.VECTOR || property.role == Role.SPARSE_VECTOR)
			.map((property) -> property.milvusName)
			.toList();
	}

	/**
	 * The BM25 output field text searches use: the output of the entity's full-text member.
	 * @throws MappingException if the entity has no {@link MilvusFullText} member, or several
	 */
	public String textSearchField() {
		return only(withRole(Role.FULL_TEXT), "@MilvusFullText").bm25Output();
	}

	/**
	 * The BM25 output field for a text search of one full-text field.
	 * @param name the Milvus name of a {@link MilvusFullText} member or of its BM25 output
	 * @return the BM25 output field
	 * @throws MappingException if the name is neither, listing the full-text fields
	 */
	public String textSearchField(String name) {
		List<EntityProperty> texts = withRole(Role.FULL_TEXT);
		for (EntityProperty text : texts) {
			if (text.milvusName.equals(name) || text.bm25Output().equals(name)) {
				return text.bm25Output();
			}
		}
		throw new MappingException(this.type.getName() + " has no full-text field '" + name
				+ "'; its @MilvusFullText fields: " + texts.stream().map((text) -> text.milvusName).toList());
	}

	private EntityProperty only(List<EntityProperty> candidates, String annotation) {
		if (candidates.size() == 1) {
			return candidates.get(0);
		}
		if (candidates.isEmpty()) {
			throw new MappingException(this.type.getName() + " has no " + annotation + " member");
		}
		throw new MappingException(this.type.getName() + " has several " + annotation + " members "
				+ candidates.stream().map((property) -> property.milvusName).toList() + "; name the field to search");
	}

	/** The Milvus names of the mapped fields that are written and read (BM25 outputs are neither). */
	public List<String> fieldNames() {
		return this.properties.stream()
			.filter((property) -> property.role != Role.FUNCTION_OUTPUT)
			.map((property) -> property.milvusName)
			.toList();
	}

	/** The collection schema the entity maps to, with a BM25 function and output field per full-text member. */
	public CollectionSchema schema() {
		try {
			CollectionSchema.Builder schema = CollectionSchema.builder(this.collection).dynamicField(this.dynamicField);
			for (EntityProperty property : this.properties) {
				if (property.role != Role.FUNCTION_OUTPUT) {
					schema.field(property.schema());
				}
			}
			for (EntityProperty text : withRole(Role.FULL_TEXT)) {
				schema.field(FieldSchema.sparseVector(text.bm25Output())).function(text.bm25Function());
			}
			return schema.build();
		}
		catch (MilvusInvalidArgumentException ex) {
			throw new MappingException("Cannot map " + this.type.getName() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The index of the entity's dense vector field.
	 * @throws MappingException if the entity has no dense vector, or several ({@link #indexes()} has them all)
	 */
	public IndexParams index() {
		return only(withRole(Role.VECTOR), "@MilvusVector").index(this.collection);
	}

	/**
	 * The indexes of all vector fields: each dense and sparse vector with its own settings, each BM25 output with
	 * {@code SPARSE_INVERTED_INDEX} and metric BM25.
	 */
	public List<IndexParams> indexes() {
		return this.properties.stream()
			.filter((property) -> property.role == Role.VECTOR || property.role == Role.SPARSE_VECTOR
					|| property.role == Role.FULL_TEXT)
			.map((property) -> property.index(this.collection))
			.toList();
	}

	/**
	 * The row an entity is written as; an automatic id and BM25 outputs are left out.
	 * @throws MappingException if a BM25 output member holds a value
	 */
	public Map<String, Object> toRow(T entity) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (EntityProperty property : this.properties) {
			if (property == this.id && this.id.idSettings.autoId()) {
				continue;
			}
			Object value = property.read(entity);
			if (property.role == Role.FUNCTION_OUTPUT) {
				if (value != null) {
					throw new MappingException("The " + property + " holds a value, but field '" + property.milvusName
							+ "' is the output of a BM25 function that the server fills; leave it null");
				}
				continue;
			}
			row.put(property.milvusName, value);
		}
		return row;
	}

	/** Sets a generated id on a mutable entity; records keep theirs. */
	public void setGeneratedId(T entity, Object id) {
		if (this.id.idSettings.autoId() && !this.type.isRecord()) {
			this.id.set(entity, id);
		}
	}

	/** The entity a row holds; members the row lacks stay at their defaults. */
	public T fromRow(Row row) {
		try {
			if (this.type.isRecord()) {
				Object[] arguments = new Object[this.properties.size()];
				for (int i = 0; i < arguments.length; i++) {
					EntityProperty property = this.properties.get(i);
					arguments[i] = property.convert(row.get(property.milvusName));
				}
				return this.constructor.newInstance(arguments);
			}
			T entity = this.constructor.newInstance();
			for (EntityProperty property : this.properties) {
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

}
