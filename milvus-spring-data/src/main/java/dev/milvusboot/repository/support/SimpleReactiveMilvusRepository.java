package dev.milvusboot.repository.support;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import dev.milvusboot.client.data.Filter;
import dev.milvusboot.core.ReactiveMilvusTemplate;
import dev.milvusboot.repository.ReactiveMilvusRepository;
import dev.milvusboot.repository.query.ReactiveKeyOrderedReads;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Sort;

/**
 * The {@link ReactiveMilvusRepository} methods, on a {@link ReactiveMilvusTemplate}, with the rules of
 * {@link SimpleMilvusRepository}: new entities (without id, or with id 0 when Milvus generates ids) are inserted,
 * others upserted by primary key; a generated id is set on a mutable entity and a record is emitted anew with it.
 * Entities are written {@value #BATCH} per call, and those from a {@code Publisher} as they arrive; a
 * {@code null} argument is an error signal.
 *
 * @param <T> the entity type
 * @param <ID> the id type
 */
public class SimpleReactiveMilvusRepository<T, ID> implements ReactiveMilvusRepository<T, ID> {

	/** How many entities or ids from a {@code Publisher} are written, read or deleted with one call. */
	static final int BATCH = 1_000;

	private final ReactiveMilvusTemplate template;

	private final MilvusEntityInformation<T, ID> entity;

	private final ReactiveKeyOrderedReads<T> reads;

	/**
	 * A repository of one entity type.
	 * @param entity the entity
	 * @param template the template
	 */
	public SimpleReactiveMilvusRepository(MilvusEntityInformation<T, ID> entity, ReactiveMilvusTemplate template) {
		this.template = template;
		this.entity = entity;
		this.reads = new ReactiveKeyOrderedReads<>(template, entity);
	}

	@Override
	public <S extends T> Mono<S> save(S entity) {
		return saveAll(List.of(entity)).next();
	}

	@Override
	public <S extends T> Flux<S> saveAll(Iterable<S> entities) {
		return Flux.defer(() -> {
			List<S> all = new ArrayList<>();
			entities.forEach((entity) -> all.add(requireEntity(entity)));
			return Flux.fromIterable(all).buffer(BATCH).concatMap(this::save);
		});
	}

	@Override
	public <S extends T> Flux<S> saveAll(Publisher<S> entities) {
		return Flux.from(entities).buffer(BATCH).concatMap(this::saveAll);
	}

	private <S extends T> Flux<S> save(List<S> all) {
		List<S> fresh = all.stream().filter(this.entity::isNew).toList();
		List<S> known = all.stream().filter((entity) -> !this.entity.isNew(entity)).toList();
		if (!fresh.isEmpty() && !this.entity.isAutoId()) {
			return Flux.error(EntityRows.idRequired(this.entity));
		}
		Mono<Void> upserted = known.isEmpty() ? Mono.empty() : upsert(known);
		Mono<Map<S, S>> inserted = fresh.isEmpty() ? Mono.just(Map.of())
				: this.template.insert(fresh).map((result) -> {
					Map<S, S> saved = new IdentityHashMap<>();
					for (int i = 0; i < fresh.size(); i++) {
						saved.put(fresh.get(i), EntityRows.withId(this.entity, fresh.get(i), result.ids().get(i)));
					}
					return saved;
				});
		return upserted.then(inserted)
			.flatMapIterable((saved) -> all.stream().map((entity) -> saved.getOrDefault(entity, entity)).toList());
	}

	/** Upserts entities by key; the mapping leaves a generated id out of rows, so it is put back. */
	private Mono<Void> upsert(List<? extends T> entities) {
		if (!this.entity.isAutoId()) {
			return this.template.upsert(entities).then();
		}
		return this.template.upsert(this.entity.collection(), EntityRows.withIds(this.entity, entities)).then();
	}

	@Override
	public Mono<T> findById(ID id) {
		return Mono.defer(() -> this.template.findByIds(this.entity.getJavaType(), List.of(requireId(id))).next());
	}

	@Override
	public Mono<T> findById(Publisher<ID> id) {
		return Mono.from(id).flatMap(this::findById);
	}

	@Override
	public Mono<Boolean> existsById(ID id) {
		return findById(id).hasElement();
	}

	@Override
	public Mono<Boolean> existsById(Publisher<ID> id) {
		return Mono.from(id).flatMap(this::existsById);
	}

	@Override
	public Flux<T> findAll() {
		return this.reads.all(Filter.NONE, Sort.unsorted());
	}

	@Override
	public Flux<T> findAll(Sort sort) {
		return this.reads.all(Filter.NONE, sort);
	}

	@Override
	public Flux<T> findAllById(Iterable<ID> ids) {
		return keys(ids).flatMapMany(this::findByKeys);
	}

	@Override
	public Flux<T> findAllById(Publisher<ID> ids) {
		return Flux.from(ids).map(this::requireId).buffer(BATCH).concatMap(this::findByKeys);
	}

	/** The entities of some keys, one call per batch, the next batch only when asked for. */
	private Flux<T> findByKeys(List<Object> keys) {
		return Flux.fromIterable(ReactiveKeyOrderedReads.pages(keys))
			.concatMap((page) -> ReactiveKeyOrderedReads
				.whenRequested(() -> this.template.findByIds(this.entity.getJavaType(), page)), 0);
	}

	@Override
	public Mono<Long> count() {
		return this.template.count(this.entity.collection());
	}

	@Override
	public Mono<Void> deleteById(ID id) {
		return Mono.defer(() -> deleteKeys(List.of(requireId(id))));
	}

	@Override
	public Mono<Void> deleteById(Publisher<ID> id) {
		return Mono.from(id).flatMap(this::deleteById);
	}

	@Override
	public Mono<Void> delete(T entity) {
		return Mono.defer(() -> deleteKeys(List.of(this.entity.getRequiredId(requireEntity(entity)))));
	}

	@Override
	public Mono<Void> deleteAllById(Iterable<? extends ID> ids) {
		return keys(ids).flatMap(this::deleteKeys);
	}

	@Override
	public Mono<Void> deleteAll(Iterable<? extends T> entities) {
		return Mono.defer(() -> {
			List<Object> keys = new ArrayList<>();
			entities.forEach((entity) -> keys.add(this.entity.getRequiredId(requireEntity(entity))));
			return deleteKeys(keys);
		});
	}

	@Override
	public Mono<Void> deleteAll(Publisher<? extends T> entities) {
		return Flux.from(entities)
			.map((entity) -> (Object) this.entity.getRequiredId(requireEntity(entity)))
			.buffer(BATCH)
			.concatMap(this::deleteKeys)
			.then();
	}

	@Override
	public Mono<Void> deleteAll() {
		return this.template.deleteWhere(this.entity.collection(), Filter.of(this.entity.matchAll())).then();
	}

	private Mono<Void> deleteKeys(List<Object> keys) {
		return keys.isEmpty() ? Mono.empty() : this.template.delete(this.entity.collection(), keys).then();
	}

	private Mono<List<Object>> keys(Iterable<? extends ID> ids) {
		return Mono.fromCallable(() -> {
			if (ids == null) {
				throw new InvalidDataAccessApiUsageException("The ids must not be null");
			}
			List<Object> keys = new ArrayList<>();
			ids.forEach((id) -> keys.add(requireId(id)));
			return keys;
		});
	}

	private Object requireId(Object id) {
		return EntityRows.requireId(this.entity, id);
	}

	private <S> S requireEntity(S entity) {
		return EntityRows.requireEntity(this.entity, entity);
	}

}
