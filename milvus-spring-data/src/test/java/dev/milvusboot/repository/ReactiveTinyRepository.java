package dev.milvusboot.repository;

import reactor.core.publisher.Flux;

/** Streams past the offset window. */
interface ReactiveTinyRepository extends ReactiveMilvusRepository<Tiny, Long> {

	Flux<Tiny> findByNGreaterThanEqual(int n);

}
