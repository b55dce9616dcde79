package dev.milvusboot.repository;

import java.util.List;

import org.springframework.data.repository.query.Param;

/** The keywords on ARRAY fields, and the array functions Spring Data has no keyword for, through {@code @Query}. */
interface TaggedRepository extends MilvusRepository<Tagged, Long> {

	List<Tagged> findByTagsContaining(String tag);

	List<Tagged> findByTagsNotContaining(String tag);

	List<Tagged> findByScoresContaining(int score);

	List<Tagged> findByTagsContainingOrScoresContaining(String tag, int score);

	long countByTagsContaining(String tag);

	List<Tagged> findByTagsIsEmpty();

	List<Tagged> findByTagsIsNotEmpty();

	@Query("array_contains_all(tags, {tags})")
	List<Tagged> withAllTags(@Param("tags") List<String> tags);

	@Query("array_contains_any(tags, {tags})")
	List<Tagged> withAnyTag(@Param("tags") List<String> tags);

}
