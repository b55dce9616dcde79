package dev.milvusboot.repository.support;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.core.mapping.EntityMetadata;
import dev.milvusboot.core.mapping.MilvusField;
import dev.milvusboot.core.mapping.MilvusVector;

import org.springframework.data.repository.core.EntityInformation;
import org.springframework.util.ReflectionUtils;

/**
 * What repositories need to know of an entity type, over its {@link EntityMetadata}: its collection, its members by
 * Java name with their Milvus names and types, and its id.
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
		this.properties = properties(metadata.type(), schema);
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

	private static Map<String, MilvusProperty> properties(Class<?> type, CollectionSchema schema) {
		Map<String, MilvusProperty> properties = new LinkedHashMap<>();
		for (Member member : members(type)) {
			MilvusField settings = member.annotations().getAnnotation(MilvusField.class);
			String milvusName = (settings != null && !settings.name().isEmpty()) ? settings.name() : member.name();
			FieldSchema field = schema.fields()
				.stream()
				.filter((candidate) -> candidate.name().equals(milvusName))
				.findFirst()
				.orElse(null);
			if (field == null) {
				continue;
			}
			MilvusVector vector = member.annotations().getAnnotation(MilvusVector.class);
			MetricType metric = (vector != null) ? vector.metric()
					: field.dataType().isVector() ? MetricType.IP : null;
			properties.put(member.name(), new MilvusProperty(member.name(), milvusName, member.field().getType(),
					field.dataType(), metric, member.field()));
		}
		return properties;
	}

	private static List<Member> members(Class<?> type) {
		List<Member> members = new ArrayList<>();
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				Field field = ReflectionUtils.findField(type, component.getName());
				members.add(new Member(component.getName(), field, component));
			}
			return members;
		}
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Field field : current.getDeclaredFields()) {
				int modifiers = field.getModifiers();
				if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()) {
					members.add(new Member(field.getName(), field, field));
				}
			}
		}
		return members;
	}

	/** A record component or field with the element its annotations are on. */
	private record Member(String name, Field field, AnnotatedElement annotations) {

	}

}
