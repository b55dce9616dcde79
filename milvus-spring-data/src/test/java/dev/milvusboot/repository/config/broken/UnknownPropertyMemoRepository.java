package dev.milvusboot.repository.config.broken;

import java.util.List;

import dev.milvusboot.repository.MilvusRepository;
import dev.milvusboot.repository.config.sample.Memo;

/** A repository whose method names a property the entity does not have. */
public interface UnknownPropertyMemoRepository extends MilvusRepository<Memo, Long> {

	List<Memo> findByAuthor(String author);

}
