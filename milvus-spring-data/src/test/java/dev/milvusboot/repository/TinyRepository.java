package dev.milvusboot.repository;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** Pages past the offset window. */
interface TinyRepository extends MilvusRepository<Tiny, Long> {

	Page<Tiny> findByNGreaterThanEqual(int n, Pageable pageable);

}
