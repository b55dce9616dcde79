package dev.milvusboot.core.mapping;

import org.springframework.data.mapping.model.MutablePersistentEntity;

/**
 * A record or class mapped to a collection (or nested in a JSON field of one).
 *
 * @param <T> the type
 */
public interface MilvusPersistentEntity<T> extends MutablePersistentEntity<T, MilvusPersistentProperty> {

	/** The collection name: {@link MilvusCollection#value()}, else the simple class name in snake case. */
	String getCollectionName();

	/** Whether rows may carry fields beyond the mapped ones ({@link MilvusCollection#dynamicField()}). */
	boolean hasDynamicField();

}
