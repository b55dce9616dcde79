package dev.milvusboot.repository;

import java.util.List;

/** Saving entities whose ids Milvus generates. */
interface GeneratedRepository extends MilvusRepository<Generated, Long> {

	List<Generated> findByName(String name);

}
