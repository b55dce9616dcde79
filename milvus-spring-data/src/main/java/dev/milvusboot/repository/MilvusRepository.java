package dev.milvusboot.repository;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;
import org.springframework.data.repository.NoRepositoryBean;

/**
 * A repository of entities mapped with the {@code dev.milvusboot.core.mapping} annotations: CRUD, paging and
 * sorting, and query and vector search methods derived from their names.
 * <p>
 * Milvus queries have no {@code ORDER BY}: results come in primary key order, and the only {@code Sort} honoured is
 * by the id property (ascending or descending); sorting by anything else fails with an
 * {@link org.springframework.dao.InvalidDataAccessApiUsageException}. Pages are read by primary key (the matching
 * keys are read, ordered and sliced, then the page's entities fetched by key), so a page may lie past Milvus'
 * offset + limit window of 16,384.
 *
 * @param <T> the entity type
 * @param <ID> the type of its primary key ({@code Long} or {@code String})
 */
@NoRepositoryBean
public interface MilvusRepository<T, ID> extends ListCrudRepository<T, ID>, ListPagingAndSortingRepository<T, ID> {

}
