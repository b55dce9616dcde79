package dev.milvusboot.core.mapping;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the mapping annotations of records and classes once per type and keeps the result.
 */
public final class EntityMapper {

	private final Map<Class<?>, EntityMetadata<?>> cache = new ConcurrentHashMap<>();

	/**
	 * The mapping of a type.
	 * @param <T> the entity type
	 * @param type the record or class
	 * @return its metadata
	 * @throws MappingException if the type cannot be mapped, saying why
	 */
	@SuppressWarnings("unchecked")
	public <T> EntityMetadata<T> metadata(Class<T> type) {
		return (EntityMetadata<T>) this.cache.computeIfAbsent(type, EntityMetadata::new);
	}

}
