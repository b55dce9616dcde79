package dev.milvusboot.repository.config.sample;

import dev.milvusboot.repository.ReactiveMilvusRepository;
import reactor.core.publisher.Flux;

/** A reactive repository found by scanning, next to a blocking one. */
public interface ReactiveMemoRepository extends ReactiveMilvusRepository<Memo, Long> {

	Flux<Memo> findByText(String text);

}
