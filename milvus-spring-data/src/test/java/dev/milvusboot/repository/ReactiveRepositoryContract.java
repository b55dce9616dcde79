package dev.milvusboot.repository;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.core.ReactiveMilvusTemplate;
import dev.milvusboot.repository.query.ReactiveKeyOrderedReads;
import dev.milvusboot.repository.support.ReactiveMilvusRepositoryFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Score;
import org.springframework.data.domain.ScoringFunction;
import org.springframework.data.domain.SearchResult;
import org.springframework.data.domain.SearchResults;
import org.springframework.data.domain.Similarity;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Vector;

import static dev.milvusboot.repository.RepositoryContract.ALL;
import static dev.milvusboot.repository.RepositoryContract.SPECIAL_TITLES;
import static dev.milvusboot.repository.RepositoryContract.assertHits;
import static dev.milvusboot.repository.RepositoryContract.assertReadBack;
import static dev.milvusboot.repository.RepositoryContract.descending;
import static dev.milvusboot.repository.RepositoryContract.expected;
import static dev.milvusboot.repository.RepositoryContract.nearest;
import static dev.milvusboot.repository.RepositoryContract.relevance;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reactive repository against a real server, on the data of {@link RepositoryContract}: every result is the same
 * data filtered in plain Java (in id order), searches are the exact nearest neighbours computed here, a
 * {@code Flux} streams past the offset window with backpressure, and no call takes the client's blocking path.
 * The client's callbacks run on threads Reactor treats as event loops ({@code block()} fails there). Subclasses
 * connect to their server. Over 300 lines: one short test per group of keywords, shared by every server.
 */
abstract class ReactiveRepositoryContract {

	static final Duration TIMEOUT = Duration.ofMinutes(3);

	static final CallRecorder calls = new CallRecorder();

	static ExecutorService callbacks;

	static MilvusClient client;

	static ReactiveMilvusTemplate template;

	static ReactiveArticleRepository repository;

	static void connect(String uri) {
		callbacks = Executors.newFixedThreadPool(2, CallRecorder.callbackThreads());
		client = MilvusClient
			.create(MilvusClientOptions.builder().uri(uri).callbackExecutor(callbacks).listener(calls).build());
		template = new ReactiveMilvusTemplate(client);
		recreate(Article.class);
		repository = new ReactiveMilvusRepositoryFactory(template).getRepository(ReactiveArticleRepository.class);
		StepVerifier.create(repository.saveAll(ALL).count()).expectNext((long) ALL.size()).expectComplete()
			.verify(TIMEOUT);
	}

	@AfterAll
	static void close() {
		try (MilvusClient closing = client) {
			template.dropCollection(Article.class).block(TIMEOUT);
		}
		finally {
			callbacks.shutdown();
		}
	}

	/** Every call of every test went through the client's non-blocking path. */
	@AfterEach
	void noCallBlocked() {
		assertThat(calls.calls()).filteredOn(CallRecorder.Started::blocking).isEmpty();
	}

	static void recreate(Class<?> type) {
		template.hasCollection(type)
			.flatMap((exists) -> exists ? template.dropCollection(type) : Mono.empty())
			.then(template.createCollection(type))
			.block(TIMEOUT);
	}

	static void assertIds(Flux<Article> articles, List<Long> expected) {
		StepVerifier.create(articles.map(Article::id)).expectNextSequence(expected).expectComplete().verify(TIMEOUT);
	}

	static <T> void assertValue(Mono<T> mono, T expected) {
		StepVerifier.create(mono).expectNext(expected).expectComplete().verify(TIMEOUT);
	}

	static void assertError(Object publisher, Class<? extends Throwable> type, String... fragments) {
		StepVerifier.create(Flux.from((org.reactivestreams.Publisher<?>) publisher))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(type);
				for (String fragment : fragments) {
					assertThat(ex.getMessage()).contains(fragment);
				}
			})
			.verify(TIMEOUT);
	}

	@Test
	void savedEntitiesAreReadBackWholeByIdAndCounted() {
		assertValue(repository.count(), (long) ALL.size());
		StepVerifier.create(repository.findById(4L))
			.assertNext((read) -> assertReadBack(read, ALL.get(3)))
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(repository.findById(1000L)).expectComplete().verify(TIMEOUT);
		assertValue(repository.existsById(5L), true);
		assertValue(repository.existsById(Mono.just(1000L)), false);
		StepVerifier.create(repository.findAllById(List.of(9L, 2L, 1000L)).map(Article::id))
			.recordWith(ArrayList::new)
			.expectNextCount(2)
			.consumeRecordedWith((ids) -> assertThat(ids).containsExactlyInAnyOrder(9L, 2L))
			.expectComplete()
			.verify(TIMEOUT);
		assertIds(repository.findAll(), expected((article) -> true));
		assertError(repository.findById((Long) null), InvalidDataAccessApiUsageException.class, "must not be null");
	}

	@Test
	void sortingByIdIsHonouredAndSortingByAnythingElseIsAnErrorSignal() {
		assertIds(repository.findAll(Sort.by(Sort.Direction.DESC, "id")), descending((article) -> true));
		assertIds(repository.findByTopic("db", Sort.by("id").descending()),
				descending((article) -> article.topic().equals("db")));
		assertError(repository.findAll(Sort.by("year")), InvalidDataAccessApiUsageException.class, "'year'",
				"no ORDER BY");
	}

	@Test
	void equalityNegationAndComparisonsMatchThePlainJavaFilter() {
		assertIds(repository.findByTopic("web"), expected((a) -> a.topic().equals("web")));
		assertIds(repository.findByTopicNot("web"), expected((a) -> !a.topic().equals("web")));
		assertIds(repository.findByYearGreaterThan(2010), expected((a) -> a.year() > 2010));
		assertIds(repository.findByYearGreaterThanEqual(2010), expected((a) -> a.year() >= 2010));
		assertIds(repository.findByYearLessThan(2005), expected((a) -> a.year() < 2005));
		assertIds(repository.findByYearLessThanEqual(2005), expected((a) -> a.year() <= 2005));
		assertIds(repository.findByRatingBetween(1.0, 3.0), expected((a) -> a.rating() >= 1.0 && a.rating() <= 3.0));
		assertIds(repository.findByYearGreaterThan(3000), List.of());
	}

	@Test
	void andOrInNotInAndBooleansMatchThePlainJavaFilter() {
		assertIds(repository.findByTopicAndYearGreaterThan("db", 2008),
				expected((a) -> a.topic().equals("db") && a.year() > 2008));
		assertIds(repository.findByTopicOrYear("ai", 2007), expected((a) -> a.topic().equals("ai") || a.year() == 2007));
		assertIds(repository.findByTopicIn(List.of("ai", "web")),
				expected((a) -> Set.of("ai", "web").contains(a.topic())));
		assertIds(repository.findByYearNotIn(List.of(2000, 2007, 2014)),
				expected((a) -> !Set.of(2000, 2007, 2014).contains(a.year())));
		assertIds(repository.findByPublishedTrue(), expected(Article::published));
		assertIds(repository.findByPublishedFalse(), expected((a) -> !a.published()));
	}

	@Test
	void hostileStringsArePrefixesAndValuesMatchOnlyTheirOwnRows() {
		for (String title : SPECIAL_TITLES) {
			assertIds(repository.findByTitle(title), expected((a) -> a.title().equals(title)));
			assertValue(repository.countByTopic(title), 0L);
		}
		for (String prefix : List.of("50%", "a_", "Spring", "back\\", "%", "Article \"")) {
			assertIds(repository.findByTitleStartingWith(prefix), expected((a) -> a.title().startsWith(prefix)));
		}
		assertIds(repository.findByTitleLike("Spring%"), expected((a) -> a.title().startsWith("Spring")));
		assertIds(repository.annotatedByName(1900, "\" or 1==1 or \""), List.of());
	}

	@Test
	void topFirstAndLimitTakeTheFirstKeysInOrderAndAMonoHoldsAtMostOne() {
		assertIds(repository.findTop3ByTopicOrderByIdDesc("db"), descending((a) -> a.topic().equals("db")).subList(0, 3));
		assertIds(repository.findByTopic("ai", Limit.of(4)), expected((a) -> a.topic().equals("ai")).subList(0, 4));
		assertIds(repository.findFirst2ByYearGreaterThan(2003, Limit.of(5)),
				expected((a) -> a.year() > 2003).subList(0, 2));
		assertIds(repository.findFirstByTopic("web").flux(), expected((a) -> a.topic().equals("web")).subList(0, 1));
		assertIds(repository.findOneByTitle("Spring Data").flux(), expected((a) -> a.title().equals("Spring Data")));
		StepVerifier.create(repository.findOneByTitle("nothing")).expectComplete().verify(TIMEOUT);
		assertError(repository.findByYear(2007), IncorrectResultSizeDataAccessException.class, "findByYear");
		assertError(repository.findFirstByTopic(null), InvalidDataAccessApiUsageException.class, "findFirstByTopic",
				"is null");
	}

	@Test
	void countExistsAndAnnotatedQueriesBindTheirParameters() {
		assertValue(repository.countByTopic("ai"), (long) expected((a) -> a.topic().equals("ai")).size());
		assertValue(repository.existsByTitle("Spring Boot"), true);
		assertValue(repository.existsByTitle("Spring"), false);
		List<Long> expected = expected((a) -> a.year() > 2009 && a.topic().equals("web"));
		assertIds(repository.annotatedByName(2009, "web"), expected);
		assertIds(repository.annotatedByPosition(2009, "web"), expected);
		assertValue(repository.countAnnotated("db"), (long) expected((a) -> a.topic().equals("db")).size());
		assertValue(repository.existsAnnotated("db"), true);
		assertValue(repository.existsAnnotated("{topic}"), false);
	}

	@Test
	void deletesRemoveExactlyTheMatchesAndSayHowManyOrWhich() {
		List<Article> web = ALL.stream().filter((a) -> a.topic().equals("web")).toList();
		List<Article> year = ALL.stream().filter((a) -> a.year() == 2007 && !a.topic().equals("web")).toList();
		List<Article> rated = ALL.stream().filter((a) -> a.rating() > 4.0).toList();
		try {
			assertValue(repository.deleteByTopic("web"), (long) web.size());
			assertValue(repository.countByTopic("web"), 0L);
			StepVerifier.create(repository.removeByYear(2007).map(Article::id))
				.recordWith(ArrayList::new)
				.expectNextCount(year.size())
				.consumeRecordedWith((ids) -> assertThat(ids)
					.containsExactlyInAnyOrderElementsOf(year.stream().map(Article::id).toList()))
				.expectComplete()
				.verify(TIMEOUT);
			StepVerifier.create(repository.deleteByRatingGreaterThan(4.0)).expectComplete().verify(TIMEOUT);
			assertIds(repository.findAll(),
					expected((a) -> !web.contains(a) && !year.contains(a) && !rated.contains(a)));
			StepVerifier.create(repository.deleteById(1L).then(repository.delete(ALL.get(1)))
				.then(repository.deleteAllById(List.of(3L, 1000L)))
				.then(repository.existsById(1L).zipWith(repository.existsById(2L), Boolean::logicalOr)))
				.expectNext(false)
				.expectComplete()
				.verify(TIMEOUT);
		}
		finally {
			repository.saveAll(Flux.fromIterable(ALL)).blockLast(TIMEOUT);
		}
		assertValue(repository.count(), (long) ALL.size());
	}

	@Test
	void savingRecordsWithoutIdInsertsThemAndEmitsThemWithTheGeneratedIds() {
		ReactiveGeneratedRepository generated = new ReactiveMilvusRepositoryFactory(template)
			.getRepository(ReactiveGeneratedRepository.class);
		recreate(Generated.class);
		try {
			Generated saved = generated.save(new Generated(null, "first", new float[] { 1, 0 })).block(TIMEOUT);
			List<Generated> more = generated.saveAll(Flux.just(new Generated(null, "second", new float[] { 0, 1 }),
					new Generated(null, "third", new float[] { 1, 1 }))).collectList().block(TIMEOUT);
			assertThat(saved.id()).isNotNull();
			assertThat(more).extracting(Generated::id).doesNotContainNull().doesNotContain(saved.id());
			StepVerifier.create(generated.findById(saved.id()).map(Generated::name)).expectNext("first")
				.expectComplete().verify(TIMEOUT);
			StepVerifier.create(generated.findByName("third").map(Generated::id)).expectNext(more.get(1).id())
				.expectComplete().verify(TIMEOUT);
			assertValue(generated.count(), 3L);
			assertError(generated.saveAll(Arrays.asList(new Generated(null, "x", new float[] { 1, 0 }), null)),
					InvalidDataAccessApiUsageException.class, "must not be null");
		}
		finally {
			template.dropCollection(Generated.class).block(TIMEOUT);
		}
	}

	@Test
	void nearSearchReturnsTheExactNearestNeighboursWithRelevanceAsSimilarity() {
		Vector query = Vector.of(0.3f, -0.2f, 0.9f, 0.1f);
		List<Article> nearest = nearest(query, (a) -> true);
		StepVerifier.create(repository.searchTop5ByEmbeddingNear(query)).assertNext((top5) -> {
			assertHits(top5.getContent(), nearest.subList(0, 5), query);
			assertThat(top5.getContent().get(0).getScore()).isInstanceOf(Similarity.class);
			assertThat(top5.getContent().get(0).getScore().getFunction().getName())
				.isEqualTo(ScoringFunction.cosine().getName());
		}).expectComplete().verify(TIMEOUT);
		assertIds(repository.findTop3ByEmbeddingNear(query.toFloatArray()),
				nearest.subList(0, 3).stream().map(Article::id).toList());
	}

	@Test
	void nearSearchWithAFilterAndAMinimumScoreKeepsOnlyMatchingHitsAboveIt() {
		Vector query = Vector.of(-0.5f, 0.5f, 0.2f, 0.7f);
		List<Article> db = nearest(query, (a) -> a.topic().equals("db"));
		double minimum = relevance(db.get(5), query);
		StepVerifier.create(repository.searchByTopicAndEmbeddingNear("db", query, Score.of(minimum), Limit.of(50)))
			.assertNext((hits) -> assertHits(hits.getContent(), db.subList(0, 6), query))
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(repository.searchByPublishedTrueAndEmbeddingNear(query, Limit.of(4)).collectList())
			.assertNext((hits) -> assertHits(hits, nearest(query, Article::published).subList(0, 4), query))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void withinIsARangeSearchBetweenTwoSimilarities() {
		Vector query = Vector.of(0.1f, 0.8f, -0.3f, 0.4f);
		List<Article> all = nearest(query, (a) -> true);
		double upper = relevance(all.get(3), query);
		double lower = relevance(all.get(12), query);
		StepVerifier.create(repository.searchByEmbeddingWithin(query, Similarity.between(lower, upper), Limit.of(100)))
			.assertNext((hits) -> assertHits(hits.getContent(), all.subList(3, 13), query))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void aScoringFunctionOtherThanTheFieldsMetricIsAnErrorSignal() {
		Mono<SearchResults<Article>> search = repository.searchByTopicAndEmbeddingNear("db", Vector.of(1, 0, 0, 0),
				Score.of(0.5, ScoringFunction.euclidean()), Limit.of(3));
		assertError(search, InvalidDataAccessApiUsageException.class, "EUCLIDEAN", "COSINE");
	}

	@Test
	void nothingIsSentBeforeASubscriptionAndCallsStartOnTheSubscribingOrCallbackThreadsAndNoneBlocks() {
		calls.clear();
		Vector query = Vector.of(0.3f, -0.2f, 0.9f, 0.1f);
		repository.findByTopic("db");
		repository.searchTop5ByEmbeddingNear(query);
		repository.deleteByTopic("db");
		repository.saveAll(ALL);
		assertThat(calls.calls()).as("calls before any subscription").isEmpty();
		Flux<Object> mix = Flux.concat(repository.findAll(), repository.findByTopic("db"),
				repository.countByTopic("ai"), repository.existsByTitle("Spring Boot"),
				repository.searchTop5ByEmbeddingNear(query), repository.findById(3L),
				repository.annotatedByName(2009, "web"), repository.searchByPublishedTrueAndEmbeddingNear(query,
						Limit.of(2)).map(SearchResult::getContent));
		StepVerifier.create(mix.subscribeOn(Schedulers.parallel()).count())
			.assertNext((count) -> assertThat(count).isGreaterThan(ALL.size()))
			.expectComplete()
			.verify(TIMEOUT);
		List<CallRecorder.Started> started = calls.calls();
		assertThat(started).hasSizeGreaterThanOrEqualTo(9).noneMatch(CallRecorder.Started::blocking);
		assertThat(started).extracting(CallRecorder.Started::thread)
			.allMatch((thread) -> thread.startsWith("parallel-") || thread.startsWith(CallRecorder.CALLBACK_THREAD))
			.anyMatch((thread) -> thread.startsWith(CallRecorder.CALLBACK_THREAD));
	}

	@Test
	void aFluxStreamsPastTheOffsetWindowOf16384ByKeyFetchingAPageOnlyWhenAskedFor() {
		ReactiveTinyRepository many = new ReactiveMilvusRepositoryFactory(template)
			.getRepository(ReactiveTinyRepository.class);
		recreate(Tiny.class);
		try {
			int total = 16_500;
			List<Tiny> rows = new ArrayList<>(total);
			for (int i = 1; i <= total; i++) {
				rows.add(new Tiny(i, i % 100, new float[] { i, 1 }));
			}
			StepVerifier.create(many.saveAll(Flux.fromIterable(rows)).count()).expectNext((long) total)
				.expectComplete().verify(TIMEOUT);
			List<Long> all = rows.stream().map(Tiny::id).toList();
			StepVerifier.create(many.findAll().map(Tiny::id)).expectNextSequence(all).expectComplete().verify(TIMEOUT);
			List<Long> filtered = rows.stream().filter((tiny) -> tiny.n() >= 50).map(Tiny::id).toList();
			StepVerifier.create(many.findByNGreaterThanEqual(50).map(Tiny::id)).expectNextSequence(filtered)
				.expectComplete().verify(TIMEOUT);
			StepVerifier.create(many.findAll(Sort.by(Sort.Direction.DESC, "id")).map(Tiny::id), 0)
				.thenRequest(1)
				.expectNext((long) total)
				.then(calls::clear)
				.thenRequest(ReactiveKeyOrderedReads.PAGE - 1)
				.expectNextCount(ReactiveKeyOrderedReads.PAGE - 1)
				.then(() -> assertThat(calls.calls()).as("calls while the first page is consumed").isEmpty())
				.thenRequest(1)
				.expectNext((long) total - ReactiveKeyOrderedReads.PAGE)
				.then(() -> assertThat(calls.calls()).as("calls for the second page").hasSize(1))
				.thenCancel()
				.verify(TIMEOUT);
			assertThat(calls.calls()).as("calls after cancelling").hasSize(1);
		}
		finally {
			template.dropCollection(Tiny.class).block(TIMEOUT);
		}
	}

}
