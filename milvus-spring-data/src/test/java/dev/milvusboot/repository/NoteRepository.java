package dev.milvusboot.repository;

import java.util.List;

/** IsNull and IsNotNull. */
interface NoteRepository extends MilvusRepository<Note, Long> {

	List<Note> findByTextIsNull();

	List<Note> findByTextIsNotNull();

}
