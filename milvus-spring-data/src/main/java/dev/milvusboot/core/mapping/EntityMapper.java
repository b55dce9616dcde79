package dev.milvusboot.core.mapping;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mapping of records and classes to collections, read once per type from Spring Data's
 * {@link MilvusMappingContext} and kept, with the {@link MappingMilvusConverter} that writes and reads their rows.
 */
public final class EntityMapper {

	private final MappingMilvusConverter converter;

	private final Map<Class<?>, EntityMetadata<?>> cache = new ConcurrentHashMap<>();

	/** A mapper with Milvus' conversions only. */
	public EntityMapper() {
		this(new MappingMilvusConverter());
	}

	/**
	 * A mapper with the application's conversions.
	 * @param conversions the conversions
	 */
	public EntityMapper(MilvusCustomConversions conversions) {
		this(new MappingMilvusConverter(conversions));
	}

	/**
	 * A mapper over a converter (and its mapping context).
	 * @param converter the converter
	 */
	public EntityMapper(MappingMilvusConverter converter) {
		this.converter = converter;
	}

	/** The converter of entities to rows and back, and of Java values to Milvus values. */
	public MappingMilvusConverter converter() {
		return this.converter;
	}

	/**
	 * The mapping of a type.
	 * @param <T> the entity type
	 * @param type the record or class
	 * @return its metadata
	 * @throws MappingException if the type cannot be mapped, saying why
	 */
	@SuppressWarnings("unchecked")
	public <T> EntityMetadata<T> metadata(Class<T> type) {
		EntityMetadata<?> metadata = this.cache.get(type);
		if (metadata == null) {
			metadata = new EntityMetadata<>(this.converter.getPersistentEntity(type), this.converter);
			EntityMetadata<?> existing = this.cache.putIfAbsent(type, metadata);
			metadata = (existing != null) ? existing : metadata;
		}
		return (EntityMetadata<T>) metadata;
	}

}
