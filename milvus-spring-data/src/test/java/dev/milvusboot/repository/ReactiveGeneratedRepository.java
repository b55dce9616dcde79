package dev.milvusboot.repository;

import reactor.core.publisher.Flux;

/** Generated ids, reactively. */
interface ReactiveGeneratedRepository extends ReactiveMilvusRepository<Generated, Long> {

	Flux<Generated> findByName(String name);

}
