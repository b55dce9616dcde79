package dev.milvusboot.autoconfigure.data.repository.sample;

import java.util.List;

import dev.milvusboot.repository.MilvusRepository;

/** A repository of the application's package. */
public interface PaperRepository extends MilvusRepository<Paper, Long> {

	List<Paper> findByTitle(String title);

}
