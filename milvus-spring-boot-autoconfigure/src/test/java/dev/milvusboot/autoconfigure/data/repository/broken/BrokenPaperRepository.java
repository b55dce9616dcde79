package dev.milvusboot.autoconfigure.data.repository.broken;

import java.util.List;

import dev.milvusboot.autoconfigure.data.repository.sample.Paper;
import dev.milvusboot.repository.MilvusRepository;

/** A repository whose method Milvus cannot run. */
public interface BrokenPaperRepository extends MilvusRepository<Paper, Long> {

	List<Paper> findByTitleIgnoreCase(String title);

}
