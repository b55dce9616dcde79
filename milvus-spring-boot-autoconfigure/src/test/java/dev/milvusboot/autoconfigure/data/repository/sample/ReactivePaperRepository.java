package dev.milvusboot.autoconfigure.data.repository.sample;

import dev.milvusboot.repository.ReactiveMilvusRepository;
import reactor.core.publisher.Flux;

/** A reactive repository of the application's package, next to a blocking one. */
public interface ReactivePaperRepository extends ReactiveMilvusRepository<Paper, Long> {

	Flux<Paper> findByTitle(String title);

}
