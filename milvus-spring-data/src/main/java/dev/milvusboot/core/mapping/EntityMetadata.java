package dev.milvusboot.core.mapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;

import org.springframework.data.mapping.InstanceCreatorMetadata;
import org.springframework.data.mapping.Parameter;

/**
 * How one record or class maps to a collection: its name, schema (dense and sparse vectors, full-text fields with
 * their BM25 functions, scalars, arrays, JSON), indexes, the fields searches use and the conversion of entities to
 * rows and back. Built once per type by {@link EntityMapper}, over its {@link MilvusPersistentEntity} and the
 * {@link MappingMilvusConverter}.
 *
 * @param <T> the entity type
 */
public final class EntityMetadata<T> {

	private final MilvusPersistentEntity<T> entity;

	private final MappingMilvusConverter converter;

	private final List<MilvusPersistentProperty> properties = new ArrayList<>();

	private final MilvusPersistentProperty id;

	private final CollectionSchema schema;

	EntityMetadata(MilvusPersistentEntity<T> entity, MappingMilvusConverter converter) {
		this.entity = entity;
		this.converter = converter;
		entity.forEach(this.properties::add);
		String type = entity.getType().getName();
		this.id = entity.getIdProperty();
		if (this.id == null) {
			throw new MappingException(type + " needs a @MilvusId member (long, Long or String)");
		}
		checkNames();
		if (withRole(MilvusPersistentProperty::isDenseVector).isEmpty()
				&& withRole(MilvusPersistentProperty::isSparseVector).isEmpty()
				&& withRole(MilvusPersistentProperty::isFullText).isEmpty()) {
			throw new MappingException(type + " needs a vector: a @MilvusVector float[] or Vector member, a"
					+ " @MilvusSparseVector SparseVector member or a @MilvusFullText String member");
		}
		checkCreator();
		this.schema = buildSchema();
	}

	/** Each Milvus name once; a SparseVector member without annotation only as the output of a full-text member. */
	private void checkNames() {
		Set<String> outputs = new HashSet<>();
		withRole(MilvusPersistentProperty::isFullText)
			.forEach((text) -> outputs.add(EntitySchema.fullText(text).output()));
		Set<String> names = new HashSet<>();
		for (MilvusPersistentProperty property : this.properties) {
			if (!names.add(property.getFieldName())) {
				throw new MappingException(this.entity.getType().getName() + " maps two members to the field '"
						+ property.getFieldName() + "'");
			}
			boolean output = outputs.contains(property.getFieldName());
			if (property.isBm25Output() && !output) {
				throw new MappingException("The SparseVector " + property.describe() + " is neither annotated with"
						+ " @MilvusSparseVector nor the output of a @MilvusFullText member " + outputs);
			}
			if (output && !property.isBm25Output()) {
				throw new MappingException("The " + property.describe() + " is named as the BM25 output of a"
						+ " @MilvusFullText member; that field is filled by the server, so such a member must be an"
						+ " unannotated SparseVector (or leave it out)");
			}
		}
	}

	/** The entity can be created: one constructor to use, whose parameters are all mapped members. */
	private void checkCreator() {
		InstanceCreatorMetadata<MilvusPersistentProperty> creator = this.entity.getInstanceCreatorMetadata();
		if (creator == null) {
			throw new MappingException(this.entity.getType().getName() + " cannot be read from Milvus: it needs a"
					+ " no-argument constructor, a single constructor, or one annotated with @PersistenceCreator");
		}
		for (Parameter<Object, MilvusPersistentProperty> parameter : creator.getParameters()) {
			String name = parameter.getName();
			if (name == null || (this.entity.getPersistentProperty(name) == null && !this.entity.isTransient(name))) {
				throw new MappingException("Constructor parameter '" + name + "' of " + this.entity.getType().getName()
						+ " matches no mapped member; name it like the member it sets");
			}
		}
	}

	private CollectionSchema buildSchema() {
		try {
			CollectionSchema.Builder builder = CollectionSchema.builder(this.entity.getCollectionName())
				.dynamicField(this.entity.hasDynamicField());
			for (MilvusPersistentProperty property : this.properties) {
				if (!property.isBm25Output()) {
					builder.field(EntitySchema.field(property));
				}
			}
			for (MilvusPersistentProperty text : withRole(MilvusPersistentProperty::isFullText)) {
				FullTextField fullText = EntitySchema.fullText(text);
				builder.field(FieldSchema.sparseVector(fullText.output())).function(fullText.function());
			}
			return builder.build();
		}
		catch (MilvusInvalidArgumentException ex) {
			throw new MappingException("Cannot map " + this.entity.getType().getName() + ": " + ex.getMessage(), ex);
		}
	}

	private List<MilvusPersistentProperty> withRole(Predicate<MilvusPersistentProperty> role) {
		return this.properties.stream().filter(role).toList();
	}

	/** The entity type. */
	public Class<T> type() {
		return this.entity.getType();
	}

	/** Spring Data's persistent entity of the type. */
	public MilvusPersistentEntity<T> persistentEntity() {
		return this.entity;
	}

	/** The converter that writes and reads the entity's rows (and converts filter values). */
	public MappingMilvusConverter converter() {
		return this.converter;
	}

	/** The collection name. */
	public String collection() {
		return this.entity.getCollectionName();
	}

	/** The Milvus name of the primary key. */
	public String idField() {
		return this.id.getFieldName();
	}

	/**
	 * The Milvus name of the entity's dense vector field, for searches that do not name one.
	 * @throws MappingException if the entity has none, or several (then searches must name the field)
	 */
	public String vectorField() {
		return only(withRole(MilvusPersistentProperty::isDenseVector), "@MilvusVector").getFieldName();
	}

	/**
	 * Checks that a field is a dense or sparse vector field the entity writes.
	 * @param name the Milvus field name
	 * @return the name
	 * @throws MappingException if the entity has no such vector field, listing those it has
	 */
	public String vectorField(String name) {
		if (!vectorFields().contains(name)) {
			throw new MappingException(this.entity.getType().getName() + " has no vector field '" + name
					+ "'; its vector fields: " + vectorFields());
		}
		return name;
	}

	/** The Milvus names of the dense and sparse vector fields the entity writes, in member order. */
	public List<String> vectorFields() {
		return withRole((property) -> property.isDenseVector() || property.isSparseVector()).stream()
			.map(MilvusPersistentProperty::getFieldName)
			.toList();
	}

	/**
	 * The BM25 output field text searches use: the output of the entity's full-text member.
	 * @throws MappingException if the entity has no {@link MilvusFullText} member, or several
	 */
	public String textSearchField() {
		return EntitySchema.fullText(only(withRole(MilvusPersistentProperty::isFullText), "@MilvusFullText")).output();
	}

	/**
	 * The BM25 output field for a text search of one full-text field.
	 * @param name the Milvus name of a {@link MilvusFullText} member or of its BM25 output
	 * @return the BM25 output field
	 * @throws MappingException if the name is neither, listing the full-text fields
	 */
	public String textSearchField(String name) {
		List<MilvusPersistentProperty> texts = withRole(MilvusPersistentProperty::isFullText);
		for (MilvusPersistentProperty text : texts) {
			String output = EntitySchema.fullText(text).output();
			if (text.getFieldName().equals(name) || output.equals(name)) {
				return output;
			}
		}
		throw new MappingException(this.entity.getType().getName() + " has no full-text field '" + name
				+ "'; its @MilvusFullText fields: " + texts.stream().map(MilvusPersistentProperty::getFieldName).toList());
	}

	private MilvusPersistentProperty only(List<MilvusPersistentProperty> candidates, String annotation) {
		if (candidates.size() == 1) {
			return candidates.get(0);
		}
		if (candidates.isEmpty()) {
			throw new MappingException(this.entity.getType().getName() + " has no " + annotation + " member");
		}
		throw new MappingException(this.entity.getType().getName() + " has several " + annotation + " members "
				+ candidates.stream().map(MilvusPersistentProperty::getFieldName).toList() + "; name the field to search");
	}

	/** The Milvus names of the mapped fields that are written and read (BM25 outputs are neither). */
	public List<String> fieldNames() {
		return withRole((property) -> !property.isBm25Output()).stream()
			.map(MilvusPersistentProperty::getFieldName)
			.toList();
	}

	/** The collection schema the entity maps to, with a BM25 function and output field per full-text member. */
	public CollectionSchema schema() {
		return this.schema;
	}

	/**
	 * The index of the entity's dense vector field.
	 * @throws MappingException if the entity has no dense vector, or several ({@link #indexes()} has them all)
	 */
	public IndexParams index() {
		return EntitySchema.index(only(withRole(MilvusPersistentProperty::isDenseVector), "@MilvusVector"),
				collection());
	}

	/**
	 * The indexes of all vector fields: each dense and sparse vector with its own settings, each BM25 output with
	 * {@code SPARSE_INVERTED_INDEX} and metric BM25.
	 */
	public List<IndexParams> indexes() {
		return withRole((property) -> property.isDenseVector() || property.isSparseVector() || property.isFullText())
			.stream()
			.map((property) -> EntitySchema.index(property, collection()))
			.toList();
	}

	/**
	 * The row an entity is written as; an automatic id and BM25 outputs are left out.
	 * @throws MappingException if a BM25 output member holds a value
	 */
	public Map<String, Object> toRow(T entity) {
		return this.converter.write(entity);
	}

	/** Sets a generated id on a mutable entity; records keep theirs. */
	public void setGeneratedId(T entity, Object id) {
		if (MappingMilvusConverter.isAutoId(this.id) && !this.entity.getType().isRecord()) {
			this.entity.getPropertyAccessor(entity).setProperty(this.id, id);
		}
	}

	/** The entity a row holds; members the row lacks stay at their defaults. */
	public T fromRow(Row row) {
		return this.converter.read(this.entity.getType(), row);
	}

}
