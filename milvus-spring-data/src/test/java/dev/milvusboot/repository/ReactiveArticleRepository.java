package dev.milvusboot.repository;

import java.util.Collection;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Range;
import org.springframework.data.domain.Score;
import org.springframework.data.domain.SearchResult;
import org.springframework.data.domain.SearchResults;
import org.springframework.data.domain.Similarity;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Vector;
import org.springframework.data.repository.query.Param;

/** The keywords of the contract in reactive form, on the contract's {@link Article}s. */
interface ReactiveArticleRepository extends ReactiveMilvusRepository<Article, Long> {

	Flux<Article> findByTopic(String topic);

	Flux<Article> findByTopic(String topic, Sort sort);

	Flux<Article> findByTopic(String topic, Limit limit);

	Flux<Article> findByTitle(String title);

	Mono<Article> findOneByTitle(String title);

	Flux<Article> findByTopicAndYearGreaterThan(String topic, int year);

	Flux<Article> findByTopicOrYear(String topic, int year);

	Flux<Article> findByTopicNot(String topic);

	Flux<Article> findByYearGreaterThan(int year);

	Flux<Article> findByYearGreaterThanEqual(int year);

	Flux<Article> findByYearLessThan(int year);

	Flux<Article> findByYearLessThanEqual(int year);

	Flux<Article> findByRatingBetween(double from, double to);

	Flux<Article> findByTopicIn(Collection<String> topics);

	Flux<Article> findByYearNotIn(List<Integer> years);

	Flux<Article> findByTitleLike(String pattern);

	Flux<Article> findByTitleStartingWith(String prefix);

	Flux<Article> findByPublishedTrue();

	Flux<Article> findByPublishedFalse();

	Flux<Article> findTop3ByTopicOrderByIdDesc(String topic);

	Mono<Article> findFirstByTopic(String topic);

	Mono<Article> findByYear(int year);

	Flux<Article> findFirst2ByYearGreaterThan(int year, Limit limit);

	Mono<Long> countByTopic(String topic);

	Mono<Boolean> existsByTitle(String title);

	Mono<Long> deleteByTopic(String topic);

	Flux<Article> removeByYear(int year);

	Mono<Void> deleteByRatingGreaterThan(double rating);

	@Query("year > {min} and topic == {topic}")
	Flux<Article> annotatedByName(@Param("min") int min, @Param("topic") String topic);

	@Query("year > ?0 and topic == ?1")
	Flux<Article> annotatedByPosition(int min, String topic);

	@Query(value = "topic == {topic}", count = true)
	Mono<Long> countAnnotated(@Param("topic") String topic);

	@Query(value = "title == \"{topic}\" or topic == {topic}", exists = true)
	Mono<Boolean> existsAnnotated(@Param("topic") String topic);

	Mono<SearchResults<Article>> searchByTopicAndEmbeddingNear(String topic, Vector vector, Score minScore,
			Limit limit);

	Mono<SearchResults<Article>> searchByEmbeddingWithin(Vector vector, Range<Similarity> range, Limit limit);

	Mono<SearchResults<Article>> searchTop5ByEmbeddingNear(Vector vector);

	Flux<SearchResult<Article>> searchByPublishedTrueAndEmbeddingNear(Vector vector, Limit limit);

	Flux<Article> findTop3ByEmbeddingNear(float[] vector);

}
