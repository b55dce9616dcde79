package dev.milvusboot.repository;

import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import org.springframework.data.repository.reactive.ReactiveSortingRepository;

/**
 * The reactive counterpart of {@link MilvusRepository}, on {@code ReactiveMilvusTemplate}: CRUD, sorting, and query
 * and vector search methods derived from their names (or given with {@link Query @Query}) returning {@code Flux}
 * and {@code Mono}. Nothing is sent before a subscription and nothing blocks.
 * <p>
 * The same rules as for blocking repositories: results come in primary key order, and the only {@code Sort}
 * honoured is by the id property; a {@code Flux} of entities streams by key with backpressure (the matching keys
 * are read first, then the entities page by page as the subscriber asks for them), however far past Milvus'
 * offset + limit window of 16,384 it goes.
 *
 * @param <T> the entity type
 * @param <ID> the type of its primary key ({@code Long} or {@code String})
 */
@NoRepositoryBean
public interface ReactiveMilvusRepository<T, ID> extends ReactiveCrudRepository<T, ID>, ReactiveSortingRepository<T, ID> {

}
