package dev.milvusboot.repository.support;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.data.MutationResult;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.repository.MilvusRepository;
import dev.milvusboot.repository.query.KeyOrderedReads;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The {@link MilvusRepository} methods, on a {@link MilvusTemplate}. New entities (without id, or with id 0 when
 * Milvus generates ids) are inserted, others upserted by primary key; a generated id is set on a mutable entity and
 * a record is returned anew with it.
 *
 * @param <T> the entity type
 * @param <ID> the id type
 */
public class SimpleMilvusRepository<T, ID> implements MilvusRepository<T, ID> {

	private final MilvusTemplate template;

	private final MilvusEntityInformation<T, ID> entity;

	private final KeyOrderedReads<T> reads;

	/**
	 * A repository of one entity type.
	 * @param entity the entity
	 * @param template the template
	 */
	public SimpleMilvusRepository(MilvusEntityInformation<T, ID> entity, MilvusTemplate template) {
		this.template = template;
		this.entity = entity;
		this.reads = new KeyOrderedReads<>(template, entity);
	}

	@Override
	public <S extends T> S save(S entity) {
		return saveAll(List.of(entity)).get(0);
	}

	@Override
	public <S extends T> List<S> saveAll(Iterable<S> entities) {
		List<S> all = new ArrayList<>();
		entities.forEach((entity) -> all.add(requireEntity(entity)));
		List<S> fresh = all.stream().filter(this.entity::isNew).toList();
		List<S> known = all.stream().filter((entity) -> !this.entity.isNew(entity)).toList();
		if (!known.isEmpty()) {
			upsert(known);
		}
		if (fresh.isEmpty()) {
			return all;
		}
		if (!this.entity.isAutoId()) {
			throw EntityRows.idRequired(this.entity);
		}
		MutationResult result = this.template.insert(fresh);
		Map<S, S> saved = new IdentityHashMap<>();
		for (int i = 0; i < fresh.size(); i++) {
			saved.put(fresh.get(i), EntityRows.withId(this.entity, fresh.get(i), result.ids().get(i)));
		}
		return all.stream().map((entity) -> saved.getOrDefault(entity, entity)).toList();
	}

	/** Upserts entities by key; the mapping leaves a generated id out of rows, so it is put back. */
	private void upsert(List<? extends T> entities) {
		if (!this.entity.isAutoId()) {
			this.template.upsert(entities);
			return;
		}
		this.template.upsert(this.entity.collection(), EntityRows.withIds(this.entity, entities));
	}

	@Override
	public Optional<T> findById(ID id) {
		List<T> found = this.template.findByIds(this.entity.getJavaType(), List.of(requireId(id)));
		return found.stream().findFirst();
	}

	@Override
	public boolean existsById(ID id) {
		return findById(id).isPresent();
	}

	@Override
	public List<T> findAll() {
		return this.reads.all(Filter.NONE, Sort.unsorted());
	}

	@Override
	public List<T> findAllById(Iterable<ID> ids) {
		List<Object> keys = keys(ids);
		return keys.isEmpty() ? List.of() : this.template.findByIds(this.entity.getJavaType(), keys);
	}

	@Override
	public long count() {
		return this.template.count(this.entity.collection());
	}

	@Override
	public void deleteById(ID id) {
		this.template.delete(this.entity.getJavaType(), List.of(requireId(id)));
	}

	@Override
	public void delete(T entity) {
		deleteById(this.entity.getRequiredId(requireEntity(entity)));
	}

	@Override
	public void deleteAllById(Iterable<? extends ID> ids) {
		List<Object> keys = keys(ids);
		if (!keys.isEmpty()) {
			this.template.delete(this.entity.getJavaType(), keys);
		}
	}

	@Override
	public void deleteAll(Iterable<? extends T> entities) {
		List<Object> keys = new ArrayList<>();
		entities.forEach((entity) -> keys.add(this.entity.getRequiredId(requireEntity(entity))));
		if (!keys.isEmpty()) {
			this.template.delete(this.entity.getJavaType(), keys);
		}
	}

	@Override
	public void deleteAll() {
		this.template.deleteWhere(this.entity.collection(), Filter.of(this.entity.matchAll()));
	}

	@Override
	public List<T> findAll(Sort sort) {
		return this.reads.all(Filter.NONE, sort);
	}

	@Override
	public Page<T> findAll(Pageable pageable) {
		if (pageable.isUnpaged()) {
			return new PageImpl<>(findAll(pageable.getSort()), pageable, count());
		}
		KeyOrderedReads.Chunk<T> chunk = this.reads.read(Filter.NONE, pageable.getSort(), pageable.getOffset(),
				pageable.getPageSize());
		return new PageImpl<>(chunk.content(), pageable, chunk.total());
	}

	private List<Object> keys(Iterable<? extends ID> ids) {
		if (ids == null) {
			throw new InvalidDataAccessApiUsageException("The ids must not be null");
		}
		return StreamSupport.stream(ids.spliterator(), false).map(this::requireId).toList();
	}

	private Object requireId(Object id) {
		return EntityRows.requireId(this.entity, id);
	}

	private <S> S requireEntity(S entity) {
		return EntityRows.requireEntity(this.entity, entity);
	}

}
