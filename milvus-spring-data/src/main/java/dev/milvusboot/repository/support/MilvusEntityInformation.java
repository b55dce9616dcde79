package dev.milvusboot.repository.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.core.mapping.EntityMetadata;
import dev.milvusboot.core.mapping.MilvusPersistentProperty;
import dev.milvusboot.core.mapping.MilvusVector;

import org.springframework.data.repository.core.EntityInformation;

/**
 * What repositories need to know of an entity type, over its {@link EntityMetadata} (and Spring Data's persistent
 * entity): its collection, its members by Java name with their Milvus names and types after conversions, its id, and
 * the Milvus value of a value compared with a member.
 *
 * @param <T> the entity type
 * @param <ID> the id type
 */
public final class MilvusEntityInformation<T, ID> implements EntityInformation<T, ID> {

	private final EntityMetadata<T> metadata;

	private final Map<String, MilvusProperty> properties;

	private final MilvusProperty id;

	private final boolean autoId;

	/**
	 * The information of a mapped type.
	 * @param metadata its mapping
	 */
	public MilvusEntityInformation(EntityMetadata<T> metadata) {
		this.metadata = metadata;
		CollectionSchema schema = metadata.schema();
		this.properties = properties(metadata);
		this.id = this.properties.values()
			.stream()
			.filter((property) -> property.milvusName().equals(metadata.idField()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No id member in " + metadata.type().getName()));
		this.autoId = schema.primaryKey().isAutoId();
	}

	/** The entity's mapping. */
	public EntityMetadata<T> metadata() {
		return this.metadata;
	}

	/** The collection name. */
	public String collection() {
		return this.metadata.collection();
	}

	/** The mapped members by Java name, in declaration order. */
	public Map<String, MilvusProperty> properties() {
		return this.properties;
	}

	/** The id member. */
	public MilvusProperty idProperty() {
		return this.id;
	}

	/** Whether Milvus generates the ids. */
	public boolean isAutoId() {
		return this.autoId;
	}

	/** The vector members. */
	public List<MilvusProperty> vectorProperties() {
		return this.properties.values().stream().filter(MilvusProperty::isVector).toList();
	}

	/** A filter matching every entity: a condition on the primary key that every key meets. */
	public String matchAll() {
		String id = this.id.milvusName();
		// not 'id >= -9223372036854775808': Milvus 2.3 reads that as the negation of a number out of range
		return (this.id.dataType() == DataType.INT64) ? id + " >= 0 or " + id + " < 0" : id + " >= \"\"";
	}

	@Override
	public boolean isNew(T entity) {
		Object value = this.id.get(entity);
		return value == null || (this.autoId && value instanceof Number number && number.longValue() == 0);
	}

	@Override
	@SuppressWarnings("unchecked")
	public ID getId(T entity) {
		return (ID) this.id.get(entity);
	}

	@Override
	@SuppressWarnings("unchecked")
	public Class<ID> getIdType() {
		Class<?> type = this.id.javaType();
		return (Class<ID>) ((type == long.class) ? Long.class : type);
	}

	@Override
	public Class<T> getJavaType() {
		return this.metadata.type();
	}

	/** The persistent members (BM25 outputs aside) by Java name, with their Milvus types after conversions. */
	private static Map<String, MilvusProperty> properties(EntityMetadata<?> metadata) {
		Map<String, MilvusProperty> properties = new LinkedHashMap<>();
		for (MilvusPersistentProperty property : metadata.persistentEntity()) {
			if (property.isBm25Output() || property.getField() == null) {
				continue;
			}
			MilvusVector vector = property.findAnnotation(MilvusVector.class);
			DataType type = property.getMilvusType();
			MetricType metric = (vector != null) ? vector.metric() : type.isVector() ? MetricType.IP : null;
			properties.put(property.getName(), new MilvusProperty(property.getName(), property.getFieldName(),
					property.getType(), type, metric, property.getField()));
		}
		return properties;
	}

	/**
	 * The Milvus value of a value compared with a member in a filter, as rows hold it (an enum's name, an
	 * {@code Instant}'s epoch milliseconds, a converter's result; element by element for collections).
	 * @param property the member
	 * @param value the value
	 * @return its Milvus value
	 */
	public Object toMilvusValue(MilvusProperty property, Object value) {
		return this.metadata.converter()
			.toMilvusValue(value, this.metadata.persistentEntity().getRequiredPersistentProperty(property.javaName()));
	}

	/**
	 * The Milvus value of a value bound in a {@code @Query} filter, which names no member: as rows hold such a value
	 * (an enum's name, an {@code Instant}'s epoch milliseconds, a converter's result).
	 * @param value the value
	 * @return its Milvus value
	 */
	public Object toMilvusValue(Object value) {
		return this.metadata.converter().toMilvusValue(value);
	}

}
