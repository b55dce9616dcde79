package dev.milvusboot.repository.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.milvusboot.client.data.Row;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * What saving entities needs beyond the mapping, for the blocking and the reactive repositories alike: rows that
 * keep a generated id (the mapping leaves it out), records given their generated id, and the checks of arguments.
 */
final class EntityRows {

	private EntityRows() {
	}

	/**
	 * The rows of entities whose ids Milvus generated, with those ids, to upsert them by key.
	 * @param <T> the entity type
	 * @param entity the entity information
	 * @param entities the entities, each with its id
	 * @return the rows
	 */
	static <T> List<Map<String, Object>> withIds(MilvusEntityInformation<T, ?> entity, List<? extends T> entities) {
		List<Map<String, Object>> rows = new ArrayList<>(entities.size());
		for (T each : entities) {
			Map<String, Object> row = new LinkedHashMap<>(entity.metadata().toRow(each));
			row.put(entity.idProperty().milvusName(), entity.getId(each));
			rows.add(row);
		}
		return rows;
	}

	/**
	 * An entity with a generated id: the same mutable entity (the template set it), or a new record.
	 * @param <S> the entity type
	 * @param entity the entity information
	 * @param saved the entity saved
	 * @param id the id Milvus generated
	 * @return the entity with its id
	 */
	@SuppressWarnings("unchecked")
	static <S> S withId(MilvusEntityInformation<?, ?> entity, S saved, Object id) {
		if (!saved.getClass().isRecord()) {
			return saved;
		}
		Map<String, Object> row = new LinkedHashMap<>(((MilvusEntityInformation<Object, ?>) entity).metadata().toRow(saved));
		row.put(entity.idProperty().milvusName(), id);
		return (S) entity.metadata().fromRow(Row.of(row));
	}

	/** The failure of saving new entities of a type whose ids Milvus does not generate. */
	static InvalidDataAccessApiUsageException idRequired(MilvusEntityInformation<?, ?> entity) {
		return new InvalidDataAccessApiUsageException(entity.getJavaType().getSimpleName() + " '"
				+ entity.idProperty().javaName() + "' is null and Milvus does not generate its ids"
				+ " (@MilvusId(autoId = false)): set the id before saving");
	}

	/**
	 * Checks an id argument.
	 * @throws InvalidDataAccessApiUsageException if it is {@code null}
	 */
	static Object requireId(MilvusEntityInformation<?, ?> entity, Object id) {
		if (id == null) {
			throw new InvalidDataAccessApiUsageException(
					"The id of a " + entity.getJavaType().getSimpleName() + " must not be null");
		}
		return id;
	}

	/**
	 * Checks an entity argument.
	 * @throws InvalidDataAccessApiUsageException if it is {@code null}
	 */
	static <S> S requireEntity(MilvusEntityInformation<?, ?> entity, S value) {
		if (value == null) {
			throw new InvalidDataAccessApiUsageException(
					"A " + entity.getJavaType().getSimpleName() + " to save or delete must not be null");
		}
		return value;
	}

}
