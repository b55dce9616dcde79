package dev.milvusboot.repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Range;
import org.springframework.data.domain.Score;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.SearchResult;
import org.springframework.data.domain.SearchResults;
import org.springframework.data.domain.Similarity;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Vector;
import org.springframework.data.domain.Window;
import org.springframework.data.repository.query.Param;

/** Every keyword of the contract, each in one method. */
interface ArticleRepository extends MilvusRepository<Article, Long> {

	List<Article> findByTopic(String topic);

	List<Article> findByTopic(String topic, Sort sort);

	List<Article> findByTopic(String topic, Limit limit);

	Page<Article> findByTopic(String topic, Pageable pageable);

	List<Article> findByTopicIs(String topic);

	List<Article> findByTopicEquals(String topic);

	List<Article> findByTitle(String title);

	Optional<Article> findOneByTitle(String title);

	List<Article> findByTopicAndYearGreaterThan(String topic, int year);

	List<Article> findByTopicOrYear(String topic, int year);

	List<Article> findByTopicNot(String topic);

	List<Article> findByYearGreaterThan(int year);

	Slice<Article> findByYearGreaterThan(int year, Pageable pageable);

	List<Article> findByYearGreaterThanEqual(int year);

	List<Article> findByYearLessThan(int year);

	List<Article> findByYearLessThanEqual(int year);

	List<Article> findByYearAfter(int year);

	List<Article> findByYearBefore(int year);

	List<Article> findByTitleNot(String title);

	List<Article> findByTitleIn(Collection<String> titles);

	List<Article> findByTitleNotIn(Collection<String> titles);

	List<Article> findByRatingBetween(double from, double to);

	List<Article> findByTopicIn(Collection<String> topics);

	List<Article> findByYearNotIn(List<Integer> years);

	List<Article> findByTitleLike(String pattern);

	List<Article> findByTitleNotLike(String pattern);

	List<Article> findByTitleStartingWith(String prefix);

	List<Article> findByTitleEndingWith(String suffix);

	List<Article> findByTitleContaining(String infix);

	List<Article> findByTitleNotContaining(String infix);

	List<Article> findByPublishedTrue();

	List<Article> findByPublishedFalse();

	List<Article> findTop3ByTopicOrderByIdDesc(String topic);

	Article findFirstByTopic(String topic);

	Article findByYear(int year);

	List<Article> findFirst2ByYearGreaterThan(int year, Limit limit);

	Window<Article> findFirst4ByTopic(String topic, ScrollPosition position);

	Window<Article> findByYearGreaterThan(int year, ScrollPosition position, Sort sort, Limit limit);

	long countByTopic(String topic);

	boolean existsByTitle(String title);

	long deleteByTopic(String topic);

	List<Article> removeByYear(int year);

	@Query("year > {min} and topic == {topic}")
	List<Article> annotatedByName(@Param("min") int min, @Param("topic") String topic);

	@Query("year > ?0 and topic == ?1")
	List<Article> annotatedByPosition(int min, String topic);

	@Query("title != \"?0\" and topic == ?0")
	List<Article> annotatedWithAQuestionMarkInALiteral(String topic);

	@Query(value = "topic == {topic}", count = true)
	long countAnnotated(@Param("topic") String topic);

	@Query(value = "title == \"{topic}\" or topic == {topic}", exists = true)
	boolean existsAnnotated(@Param("topic") String topic);

	SearchResults<Article> searchByTopicAndEmbeddingNear(String topic, Vector vector, Score minScore, Limit limit);

	SearchResults<Article> searchByEmbeddingWithin(Vector vector, Range<Similarity> range, Limit limit);

	SearchResults<Article> searchTop5ByEmbeddingNear(Vector vector);

	List<SearchResult<Article>> searchByPublishedTrueAndEmbeddingNear(Vector vector, Limit limit);

	List<Article> findTop3ByEmbeddingNear(float[] vector);

}
