package dev.milvusboot.autoconfigure.data.repository.reactivebroken;

import dev.milvusboot.autoconfigure.data.repository.sample.Paper;
import dev.milvusboot.repository.ReactiveMilvusRepository;
import reactor.core.publisher.Flux;

/** A reactive repository whose method Milvus cannot run. */
public interface BrokenReactivePaperRepository extends ReactiveMilvusRepository<Paper, Long> {

	Flux<Paper> findByTitleIgnoreCase(String title);

}
