package dev.milvusboot.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.data.Hit;
import dev.milvusboot.client.data.HybridSearch;
import dev.milvusboot.client.data.MutationResult;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.data.SearchResults;
import dev.milvusboot.client.data.SparseVector;
import dev.milvusboot.client.data.SubSearch;
import dev.milvusboot.client.data.rank.Ranker;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.core.mapping.EntityMapper;
import dev.milvusboot.core.mapping.EntityMetadata;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.support.PersistenceExceptionTranslator;

/**
 * What {@link MilvusTemplate} and {@link ReactiveMilvusTemplate} share: entities to rows and back, the queries and
 * searches of the typed operations, and the translation of Milvus failures. Neither blocks nor calls a server.
 */
final class EntityOperations {

	private final PersistenceExceptionTranslator translator;

	private final EntityMapper mapper;

	EntityOperations(PersistenceExceptionTranslator translator, EntityMapper mapper) {
		this.translator = translator;
		this.mapper = mapper;
	}

	EntityMapper mapper() {
		return this.mapper;
	}

	/** A filter whose values are converted as the mapping converts them; failures translated. */
	Filter filter(String expression, Map<String, ?> parameters) {
		try {
			return this.mapper.converter().filter(expression, parameters);
		}
		catch (MilvusException ex) {
			throw translate(ex);
		}
	}

	/** Primary keys as Milvus holds them: a {@code UUID} as its text, a key with a converter as its result. */
	List<?> ids(List<?> ids) {
		return (ids != null) ? ids.stream().map(this.mapper.converter()::toMilvusValue).toList() : null;
	}

	<T> EntityMetadata<T> metadata(Class<T> type) {
		return this.mapper.metadata(type);
	}

	String collection(Class<?> type) {
		return this.mapper.metadata(type).collection();
	}

	/** The Spring exception for a Milvus failure, or the failure itself when the translator has none. */
	RuntimeException translate(MilvusException ex) {
		DataAccessException translated = this.translator.translateExceptionIfPossible(ex);
		return (translated != null) ? translated : ex;
	}

	/**
	 * The rows of entities of one type, checked.
	 * @throws InvalidDataAccessApiUsageException when there are none or they are of several types
	 */
	@SuppressWarnings("unchecked")
	<T> EntityRows<T> rows(List<T> entities) {
		if (entities.isEmpty()) {
			throw new InvalidDataAccessApiUsageException("No entities to write");
		}
		EntityMetadata<T> metadata = this.mapper.metadata((Class<T>) entities.get(0).getClass());
		List<Map<String, Object>> rows = new ArrayList<>(entities.size());
		for (T entity : entities) {
			if (entity.getClass() != metadata.type()) {
				throw new InvalidDataAccessApiUsageException("Entities of one write must be of one type, but got "
						+ metadata.type().getName() + " and " + entity.getClass().getName());
			}
			rows.add(metadata.toRow(entity));
		}
		return new EntityRows<>(metadata, entities, rows);
	}

	/** The output fields that cover every field of a type. */
	String[] outputFields(EntityMetadata<?> metadata) {
		return metadata.fieldNames().toArray(String[]::new);
	}

	/** The query of entities of a type matching a filter. */
	Query query(EntityMetadata<?> metadata, Filter filter, long limit) {
		return Query.in(metadata.collection()).filter(filter).limit(limit).outputFields(metadata.fieldNames()).build();
	}

	/** The query of all entities of a type matching a filter, for iterating. */
	Query query(EntityMetadata<?> metadata, Filter filter) {
		return Query.in(metadata.collection()).filter(filter).outputFields(metadata.fieldNames()).build();
	}

	/** The search of the entities of a type closest to a vector of its only dense vector field. */
	Search search(EntityMetadata<?> metadata, float[] vector, int topK, Filter filter) {
		return searchOf(metadata, metadata.vectorField(), topK, filter).vector(vector).build();
	}

	/** The search of the entities of a type closest to a dense vector of a named field. */
	Search search(EntityMetadata<?> metadata, String field, float[] vector, int topK, Filter filter) {
		return searchOf(metadata, metadata.vectorField(field), topK, filter).vector(vector).build();
	}

	/** The search of the entities of a type closest to a sparse vector of a named field. */
	Search search(EntityMetadata<?> metadata, String field, SparseVector vector, int topK, Filter filter) {
		return searchOf(metadata, metadata.vectorField(field), topK, filter).vector(vector).build();
	}

	/**
	 * The BM25 search of the entities of a type matching a text best.
	 * @param field a full-text field or its BM25 output, or {@code null} for the type's only full-text field
	 */
	Search textSearch(EntityMetadata<?> metadata, String field, String text, int topK, Filter filter) {
		String output = (field != null) ? metadata.textSearchField(field) : metadata.textSearchField();
		return searchOf(metadata, output, topK, filter).text(text).build();
	}

	private Search.Builder searchOf(EntityMetadata<?> metadata, String field, int topK, Filter filter) {
		return Search.in(metadata.collection())
			.annsField(field)
			.topK(topK)
			.filter(filter)
			.outputFields(metadata.fieldNames());
	}

	/** The hybrid search of a type's collection merging sub-searches with a ranker. */
	HybridSearch hybridSearch(EntityMetadata<?> metadata, List<SubSearch> searches, Ranker ranker, int topK) {
		if (searches == null) {
			throw new InvalidDataAccessApiUsageException(
					"Hybrid search of " + metadata.type().getName() + ": the sub-searches are null");
		}
		HybridSearch.Builder hybrid = HybridSearch.in(metadata.collection())
			.ranker(ranker)
			.topK(topK)
			.outputFields(metadata.fieldNames());
		searches.forEach(hybrid::add);
		return hybrid.build();
	}

	/**
	 * The sub-searches of a hybrid search by a dense vector of the type's only dense vector field and a text of its
	 * only full-text field, each contributing {@code topK} hits that match the filter.
	 */
	List<SubSearch> vectorAndText(EntityMetadata<?> metadata, float[] vector, String text, int topK, Filter filter) {
		return List.of(SubSearch.field(metadata.vectorField()).vector(vector).topK(topK).filter(filter).build(),
				SubSearch.field(metadata.textSearchField()).text(text).topK(topK).filter(filter).build());
	}

	/** Search results mapped to entities: per query vector, the entities with their scores. */
	<T> List<List<ScoredEntity<T>>> entities(EntityMetadata<T> metadata, SearchResults results) {
		List<List<ScoredEntity<T>>> mapped = new ArrayList<>(results.size());
		for (List<Hit> hits : results) {
			List<ScoredEntity<T>> entities = new ArrayList<>(hits.size());
			for (Hit hit : hits) {
				Map<String, Object> values = new LinkedHashMap<>(hit.fields());
				values.putIfAbsent(metadata.idField(), hit.id());
				entities.add(new ScoredEntity<>(metadata.fromRow(Row.of(values)), hit.score()));
			}
			mapped.add(entities);
		}
		return mapped;
	}

	/**
	 * Entities of one type with their rows.
	 * @param <T> the entity type
	 * @param metadata the type's mapping
	 * @param entities the entities
	 * @param rows their rows, in order
	 */
	record EntityRows<T>(EntityMetadata<T> metadata, List<T> entities, List<Map<String, Object>> rows) {

		/** Sets the ids an insert generated on the mutable entities. */
		MutationResult insertedAs(MutationResult result) {
			if (result.ids().size() == this.entities.size()) {
				for (int i = 0; i < this.entities.size(); i++) {
					this.metadata.setGeneratedId(this.entities.get(i), result.ids().get(i));
				}
			}
			return result;
		}

	}

}
