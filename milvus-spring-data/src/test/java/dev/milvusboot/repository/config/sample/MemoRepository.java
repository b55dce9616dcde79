package dev.milvusboot.repository.config.sample;

import java.util.List;

import dev.milvusboot.repository.MilvusRepository;

/** A repository found by scanning. */
public interface MemoRepository extends MilvusRepository<Memo, Long> {

	List<Memo> findByText(String text);

}
