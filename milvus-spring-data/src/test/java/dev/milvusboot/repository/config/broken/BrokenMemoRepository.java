package dev.milvusboot.repository.config.broken;

import java.util.List;

import dev.milvusboot.repository.MilvusRepository;
import dev.milvusboot.repository.config.sample.Memo;

/** A repository whose method uses a keyword Milvus cannot express. */
public interface BrokenMemoRepository extends MilvusRepository<Memo, Long> {

	List<Memo> findByTextMatchesRegex(String pattern);

}
