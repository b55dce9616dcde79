package dev.milvusboot.repository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.data.Relevance;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.repository.support.MilvusRepositoryFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Score;
import org.springframework.data.domain.ScoringFunction;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.SearchResult;
import org.springframework.data.domain.SearchResults;
import org.springframework.data.domain.Similarity;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Vector;
import org.springframework.data.domain.Window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * A repository against a real server: every keyword's results are the same data filtered in plain Java (in id
 * order), searches are the exact nearest neighbours computed here, and hostile strings match only their own row.
 * Subclasses connect to their server. Over 300 lines: one short test per group of keywords, shared by every server.
 */
abstract class RepositoryContract {

	/** Titles that would change a filter's meaning if spliced, or that hold LIKE's wildcards. */
	static final List<String> SPECIAL_TITLES = List.of("\" or 1==1 or \"", "' or 1==1 or '", "\") or (id > 0",
			"50% off", "50 percent", "500 items", "a_b", "axb", "back\\slash", "back\\\\slash", "Spring Data",
			"Spring Boot", "Data Spring", "%", "_", "Article \"quoted\"");

	static final List<String> TOPICS = List.of("ai", "db", "web");

	static final List<Article> ALL = articles();

	/** Tags of the ARRAY keywords, among them strings that would change a filter's meaning if spliced. */
	static final List<String> TAGS = List.of("ai", "db", "web", "\" or 1==1 or \"", "') or (1==1", "back\\slash",
			"a_b", "%");

	static final List<Tagged> TAGGED = tagged();

	static MilvusClient client;

	/** The repository of {@link Tagged}, its collection created by the first test that needs it. */
	static TaggedRepository taggedRepository;

	static MilvusTemplate template;

	static ArticleRepository repository;

	static void connect(String uri) {
		client = MilvusClient.create(uri);
		template = new MilvusTemplate(client);
		if (template.hasCollection(Article.class)) {
			template.dropCollection(Article.class);
		}
		template.createCollection(Article.class);
		repository = new MilvusRepositoryFactory(template).getRepository(ArticleRepository.class);
		repository.saveAll(ALL);
		taggedRepository = null;
	}

	@AfterAll
	static void close() {
		try (MilvusClient closing = client) {
			template.dropCollection(Article.class);
			if (template.hasCollection(Tagged.class)) {
				template.dropCollection(Tagged.class);
			}
		}
	}

	static List<Tagged> tagged() {
		Random random = new Random(16);
		List<Tagged> rows = new ArrayList<>();
		for (int i = 1; i <= 40; i++) {
			List<String> tags = new ArrayList<>();
			for (int n = random.nextInt(4); n > 0; n--) {
				String tag = TAGS.get(random.nextInt(TAGS.size()));
				if (!tags.contains(tag)) {
					tags.add(tag);
				}
			}
			List<Integer> scores = random.ints(random.nextInt(3), 0, 5).boxed().toList();
			rows.add(new Tagged(i, List.copyOf(tags), scores, new float[] { i, 1 }));
		}
		return List.copyOf(rows);
	}

	/** The repository of the entities with ARRAY fields, saved once per server; skips if the server refuses them. */
	static TaggedRepository taggedRepository() {
		if (taggedRepository == null) {
			TaggedRepository tagged = new MilvusRepositoryFactory(template).getRepository(TaggedRepository.class);
			assumeServerSupports(() -> {
				recreate(Tagged.class);
				return tagged.saveAll(TAGGED);
			});
			taggedRepository = tagged;
		}
		return taggedRepository;
	}

	static List<Long> taggedIds(Predicate<Tagged> predicate) {
		return TAGGED.stream().filter(predicate).map(Tagged::id).sorted().toList();
	}

	static List<Long> idsOf(List<Tagged> tagged) {
		return tagged.stream().map(Tagged::id).toList();
	}

	static List<Article> articles() {
		Random random = new Random(15);
		List<Article> articles = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			String title = (i < SPECIAL_TITLES.size()) ? SPECIAL_TITLES.get(i) : "Article " + i;
			float[] embedding = new float[4];
			for (int d = 0; d < 4; d++) {
				embedding[d] = random.nextFloat() * 2 - 1;
			}
			articles.add(new Article(i + 1, title, TOPICS.get(i % 3), 2000 + (i * 7) % 20, (i % 10) * 0.5,
					i % 3 == 0, embedding));
		}
		return List.copyOf(articles);
	}

	/** What the server is: whether its LIKE matches only prefixes (Milvus 2.3). */
	boolean prefixLikeOnly() {
		return false;
	}

	static List<Long> expected(Predicate<Article> predicate) {
		return ALL.stream().filter(predicate).map(Article::id).sorted().toList();
	}

	static List<Long> descending(Predicate<Article> predicate) {
		return ALL.stream().filter(predicate).map(Article::id).sorted(Comparator.reverseOrder()).toList();
	}

	static List<String> union(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	/** Checks that an article read back has every value written. */
	static void assertReadBack(Article read, Article written) {
		assertThat(read.title()).isEqualTo(written.title());
		assertThat(read.topic()).isEqualTo(written.topic());
		assertThat(read.year()).isEqualTo(written.year());
		assertThat(read.rating()).isEqualTo(written.rating());
		assertThat(read.published()).isEqualTo(written.published());
		assertThat(read.embedding()).containsExactly(written.embedding());
	}

	static List<Long> ids(List<Article> articles) {
		return articles.stream().map(Article::id).toList();
	}

	@Test
	void savedEntitiesAreReadBackWholeByIdAndCounted() {
		assertThat(repository.count()).isEqualTo(ALL.size());
		assertReadBack(repository.findById(4L).orElseThrow(), ALL.get(3));
		assertThat(repository.findById(1000L)).isEmpty();
		assertThat(repository.existsById(5L)).isTrue();
		assertThat(ids(repository.findAllById(List.of(9L, 2L, 1000L)))).containsExactlyInAnyOrder(9L, 2L);
		assertThat(ids(repository.findAll())).isEqualTo(expected((article) -> true));
	}

	@Test
	void sortingByIdIsHonouredAndSortingByAnythingElseIsRefused() {
		List<Long> descending = descending((article) -> true);
		assertThat(ids(repository.findAll(Sort.by(Sort.Direction.DESC, "id")))).isEqualTo(descending);
		assertThat(ids(repository.findByTopic("db", Sort.by("id").descending())))
			.isEqualTo(descending((article) -> article.topic().equals("db")));
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> repository.findAll(Sort.by("year")))
			.withMessageContaining("'year'")
			.withMessageContaining("no ORDER BY");
	}

	@Test
	void pagesAreSlicesOfTheKeyOrder() {
		Page<Article> page = repository.findAll(PageRequest.of(2, 7, Sort.by(Sort.Direction.DESC, "id")));
		List<Long> descending = descending((article) -> true);
		assertThat(ids(page.getContent())).isEqualTo(descending.subList(14, 21));
		assertThat(page.getTotalElements()).isEqualTo(ALL.size());
		assertThat(page.getTotalPages()).isEqualTo(9);
		Page<Article> topic = repository.findByTopic("ai", PageRequest.of(1, 5));
		List<Long> ai = expected((article) -> article.topic().equals("ai"));
		assertThat(ids(topic.getContent())).isEqualTo(ai.subList(5, 10));
		assertThat(topic.getTotalElements()).isEqualTo(ai.size());
		Slice<Article> slice = repository.findByYearGreaterThan(2010, PageRequest.of(0, 4));
		assertThat(ids(slice.getContent())).isEqualTo(expected((article) -> article.year() > 2010).subList(0, 4));
		assertThat(slice.hasNext()).isTrue();
	}

	@Test
	void windowsGoOnByKeyFromTheLastPositionToTheEnd() {
		List<Long> seen = new ArrayList<>();
		Window<Article> window = repository.findFirst4ByTopic("db", ScrollPosition.keyset());
		while (true) {
			assertThat(window.size()).isLessThanOrEqualTo(4);
			seen.addAll(ids(window.getContent()));
			if (!window.hasNext()) {
				break;
			}
			window = repository.findFirst4ByTopic("db", window.positionAt(window.size() - 1));
		}
		assertThat(seen).isEqualTo(expected((a) -> a.topic().equals("db")));
		List<Long> descending = new ArrayList<>();
		Window<Article> down = repository.findByYearGreaterThan(2012, ScrollPosition.keyset(),
				Sort.by(Sort.Direction.DESC, "id"), Limit.of(5));
		descending.addAll(ids(down.getContent()));
		while (down.hasNext()) {
			down = repository.findByYearGreaterThan(2012, down.positionAt(down.size() - 1),
					Sort.by(Sort.Direction.DESC, "id"), Limit.of(5));
			descending.addAll(ids(down.getContent()));
		}
		assertThat(descending).isEqualTo(descending((a) -> a.year() > 2012));
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> repository.findFirst4ByTopic("db", ScrollPosition.offset(3)))
			.withMessageContaining("scroll forward by key only");
	}

	@Test
	void equalityNegationAndComparisonsMatchThePlainJavaFilter() {
		assertThat(ids(repository.findByTopic("web"))).isEqualTo(expected((a) -> a.topic().equals("web")));
		assertThat(ids(repository.findByTopicIs("web"))).isEqualTo(expected((a) -> a.topic().equals("web")));
		assertThat(ids(repository.findByTopicEquals("ai"))).isEqualTo(expected((a) -> a.topic().equals("ai")));
		assertThat(ids(repository.findByTopicNot("web"))).isEqualTo(expected((a) -> !a.topic().equals("web")));
		assertThat(ids(repository.findByYearGreaterThan(2010))).isEqualTo(expected((a) -> a.year() > 2010));
		assertThat(ids(repository.findByYearGreaterThanEqual(2010))).isEqualTo(expected((a) -> a.year() >= 2010));
		assertThat(ids(repository.findByYearLessThan(2005))).isEqualTo(expected((a) -> a.year() < 2005));
		assertThat(ids(repository.findByYearLessThanEqual(2005))).isEqualTo(expected((a) -> a.year() <= 2005));
		assertThat(ids(repository.findByYearAfter(2010))).isEqualTo(expected((a) -> a.year() > 2010));
		assertThat(ids(repository.findByYearBefore(2005))).isEqualTo(expected((a) -> a.year() < 2005));
		assertThat(ids(repository.findByRatingBetween(1.0, 3.0)))
			.isEqualTo(expected((a) -> a.rating() >= 1.0 && a.rating() <= 3.0));
		assertThat(repository.findByYearGreaterThan(3000)).isEmpty();
	}

	@Test
	void andOrInNotInAndBooleansMatchThePlainJavaFilter() {
		assertThat(ids(repository.findByTopicAndYearGreaterThan("db", 2008)))
			.isEqualTo(expected((a) -> a.topic().equals("db") && a.year() > 2008));
		assertThat(ids(repository.findByTopicOrYear("ai", 2007)))
			.isEqualTo(expected((a) -> a.topic().equals("ai") || a.year() == 2007));
		assertThat(ids(repository.findByTopicIn(List.of("ai", "web"))))
			.isEqualTo(expected((a) -> Set.of("ai", "web").contains(a.topic())));
		assertThat(ids(repository.findByYearNotIn(List.of(2000, 2007, 2014))))
			.isEqualTo(expected((a) -> !Set.of(2000, 2007, 2014).contains(a.year())));
		assertThat(ids(repository.findByPublishedTrue())).isEqualTo(expected(Article::published));
		assertThat(ids(repository.findByPublishedFalse())).isEqualTo(expected((a) -> !a.published()));
	}

	@Test
	void topFirstAndLimitTakeTheFirstKeysInOrder() {
		assertThat(ids(repository.findTop3ByTopicOrderByIdDesc("db")))
			.isEqualTo(descending((a) -> a.topic().equals("db")).subList(0, 3));
		assertThat(repository.findFirstByTopic("web").id()).isEqualTo(expected((a) -> a.topic().equals("web")).get(0));
		assertThat(ids(repository.findByTopic("ai", Limit.of(4))))
			.isEqualTo(expected((a) -> a.topic().equals("ai")).subList(0, 4));
		assertThat(ids(repository.findFirst2ByYearGreaterThan(2003, Limit.of(5))))
			.isEqualTo(expected((a) -> a.year() > 2003).subList(0, 2));
	}

	@Test
	void countExistsAndSingleResults() {
		assertThat(repository.countByTopic("ai")).isEqualTo(expected((a) -> a.topic().equals("ai")).size());
		assertThat(repository.existsByTitle("Spring Boot")).isTrue();
		assertThat(repository.existsByTitle("Spring")).isFalse();
		assertThat(repository.findOneByTitle("Spring Data").orElseThrow().id())
			.isEqualTo(expected((a) -> a.title().equals("Spring Data")).get(0));
		assertThat(repository.findOneByTitle("nothing")).isEmpty();
		assertThatExceptionOfType(IncorrectResultSizeDataAccessException.class)
			.isThrownBy(() -> repository.findByYear(2007))
			.withMessageContaining("findByYear");
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> repository.findFirstByTopic(null))
			.withMessageContaining("findFirstByTopic")
			.withMessageContaining("is null");
	}

	@Test
	void aHostileStringParameterMatchesOnlyItsOwnRow() {
		for (String title : SPECIAL_TITLES) {
			assertThat(ids(repository.findByTitle(title))).as(title)
				.isEqualTo(expected((a) -> a.title().equals(title)))
				.hasSize(1);
			assertThat(repository.countByTopic(title)).as(title).isZero();
		}
		assertThat(ids(repository.annotatedByName(1900, "\" or 1==1 or \""))).isEmpty();
		assertThat(ids(repository.annotatedByPosition(1900, "\" or 1==1 or \""))).isEmpty();
	}

	@Test
	void everyStringKeywordTakesAHostileValueAsAValue() {
		for (String title : SPECIAL_TITLES) {
			assertThat(ids(repository.findByTitleNot(title))).as(title)
				.isEqualTo(expected((a) -> !a.title().equals(title)));
			assertThat(ids(repository.findByTitleIn(List.of(title, "Spring Data")))).as(title)
				.isEqualTo(expected((a) -> a.title().equals(title) || a.title().equals("Spring Data")));
			assertThat(ids(repository.findByTitleNotIn(List.of(title)))).as(title)
				.isEqualTo(expected((a) -> !a.title().equals(title)));
			assertThat(ids(repository.findByTitleStartingWith(title))).as(title)
				.isEqualTo(expected((a) -> a.title().startsWith(title)));
			assertThat(repository.existsByTitle(title)).as(title).isTrue();
			assertThat(repository.deleteByTopic(title)).as(title).isZero();
			if (title.chars().noneMatch((c) -> c == '%' || c == '_' || c == '\\')) {
				assertThat(ids(repository.findByTitleLike(title + "%"))).as(title)
					.isEqualTo(expected((a) -> a.title().startsWith(title)));
			}
		}
		assertThat(repository.count()).isEqualTo(ALL.size());
	}

	@Test
	void startingWithMatchesThePrefixLiterallyEvenWithWildcardCharacters() {
		for (String prefix : List.of("50%", "a_", "Spring", "back\\", "%", "_", "Article \"", "Data Sprinh")) {
			assertThat(ids(repository.findByTitleStartingWith(prefix))).as(prefix)
				.isEqualTo(expected((a) -> a.title().startsWith(prefix)));
		}
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> repository.findByTitleStartingWith(""))
			.withMessageContaining("StartingWith needs a prefix");
		assertThat(ids(repository.findByTitleLike("Spring%"))).isEqualTo(expected((a) -> a.title().startsWith("Spring")));
	}

	@Test
	void notLikeIsTheComplementOfLike() {
		assumeServerSupports(() -> repository.findByTitleNotLike("Spring%"));
		assertThat(ids(repository.findByTitleNotLike("Spring%")))
			.isEqualTo(expected((a) -> !a.title().startsWith("Spring")));
	}

	@Test
	void endingWithAndContainingMatchLiterally() {
		assumeServerSupports(() -> repository.findByTitleEndingWith("Spring"));
		List<String> values = union(List.of("Spring", "%", "_b", "off", "Data", "_", "0 p", "\"", "\\", "k\\s"),
				SPECIAL_TITLES);
		for (String value : withoutBackslashes(values)) {
			assertEndingWithAndContaining(value);
		}
		skipIfBackslashesAreMisread();
		for (String value : withBackslashes(values)) {
			assertEndingWithAndContaining(value);
		}
	}

	private void assertEndingWithAndContaining(String value) {
		assertThat(ids(repository.findByTitleEndingWith(value))).as("ending with %s", value)
			.isEqualTo(expected((a) -> a.title().endsWith(value)));
		assertThat(ids(repository.findByTitleContaining(value))).as("containing %s", value)
			.isEqualTo(expected((a) -> a.title().contains(value)));
	}

	@Test
	void notContainingIsTheComplementOfContaining() {
		assumeServerSupports(() -> repository.findByTitleNotContaining("Data"));
		List<String> values = union(List.of("Data", "%", "_", "0 p", "\"", "\\"), SPECIAL_TITLES);
		for (String value : withoutBackslashes(values)) {
			assertThat(ids(repository.findByTitleNotContaining(value))).as(value)
				.isEqualTo(expected((a) -> !a.title().contains(value)));
		}
		skipIfBackslashesAreMisread();
		for (String value : withBackslashes(values)) {
			assertThat(ids(repository.findByTitleNotContaining(value))).as(value)
				.isEqualTo(expected((a) -> !a.title().contains(value)));
		}
	}

	/**
	 * Whether the server's LIKE reads an escaped backslash ({@code \\}) in a suffix or infix pattern as one
	 * backslash, as Milvus documents.
	 */
	boolean likeReadsEscapedBackslashes() {
		return true;
	}

	/** Skips the rest of a test on a server whose LIKE misreads escaped backslashes, quoting what it returned. */
	void skipIfBackslashesAreMisread() {
		if (!likeReadsEscapedBackslashes()) {
			String value = "back\\slash";
			Assumptions.abort("The server reads '\\\\' in the LIKE pattern of EndingWith '" + value
					+ "' as two backslashes: it returned " + ids(repository.findByTitleEndingWith(value))
					+ ", the plain Java filter " + expected((a) -> a.title().endsWith(value)));
		}
	}

	static List<String> withBackslashes(List<String> values) {
		return values.stream().filter((value) -> value.contains("\\")).toList();
	}

	static List<String> withoutBackslashes(List<String> values) {
		return values.stream().filter((value) -> !value.contains("\\")).toList();
	}

	@Test
	void listMembersAreArrayFieldsReadBackAsWritten() {
		TaggedRepository tagged = taggedRepository();
		assertThat(tagged.findAll()).hasSize(TAGGED.size()).allSatisfy((read) -> {
			Tagged written = TAGGED.get((int) read.id() - 1);
			assertThat(read.tags()).as("tags of %s", read.id()).isEqualTo(written.tags());
			assertThat(read.scores()).as("scores of %s", read.id()).isEqualTo(written.scores());
		});
	}

	@Test
	void containingOnAnArrayIsArrayContains() {
		TaggedRepository tagged = taggedRepository();
		for (String tag : union(TAGS, List.of("absent", "\"", "\\"))) {
			assertThat(idsOf(tagged.findByTagsContaining(tag))).as(tag)
				.isEqualTo(taggedIds((t) -> t.tags().contains(tag)));
			assertThat(tagged.countByTagsContaining(tag)).as(tag)
				.isEqualTo(taggedIds((t) -> t.tags().contains(tag)).size());
		}
		for (int score = 0; score <= 5; score++) {
			int value = score;
			assertThat(idsOf(tagged.findByScoresContaining(value))).as("score %s", value)
				.isEqualTo(taggedIds((t) -> t.scores().contains(value)));
		}
		assertThat(idsOf(tagged.findByTagsContainingOrScoresContaining("db", 3)))
			.isEqualTo(taggedIds((t) -> t.tags().contains("db") || t.scores().contains(3)));
	}

	@Test
	void notContainingOnAnArrayIsTheComplement() {
		TaggedRepository tagged = taggedRepository();
		assumeServerSupports(() -> tagged.findByTagsNotContaining("db"));
		for (String tag : union(TAGS, List.of("absent"))) {
			assertThat(idsOf(tagged.findByTagsNotContaining(tag))).as(tag)
				.isEqualTo(taggedIds((t) -> !t.tags().contains(tag)));
		}
	}

	@Test
	void isEmptyAndIsNotEmptyOnAnArrayCompareItsLength() {
		TaggedRepository tagged = taggedRepository();
		assumeServerSupports(tagged::findByTagsIsEmpty);
		assertThat(idsOf(tagged.findByTagsIsEmpty())).isEqualTo(taggedIds((t) -> t.tags().isEmpty())).isNotEmpty();
		assumeServerSupports(tagged::findByTagsIsNotEmpty);
		assertThat(idsOf(tagged.findByTagsIsNotEmpty())).isEqualTo(taggedIds((t) -> !t.tags().isEmpty()));
	}

	@Test
	void arrayContainsAllAndAnyAreWrittenWithQuery() {
		TaggedRepository tagged = taggedRepository();
		assumeServerSupports(() -> tagged.withAnyTag(List.of("db")));
		for (List<String> tags : List.of(List.of("db"), List.of("ai", "web"), List.of("\" or 1==1 or \"", "%"),
				List.of("back\\slash", "absent"))) {
			assertThat(idsOf(tagged.withAllTags(tags))).as("all of %s", tags)
				.isEqualTo(taggedIds((t) -> t.tags().containsAll(tags)));
			assertThat(idsOf(tagged.withAnyTag(tags))).as("any of %s", tags)
				.isEqualTo(taggedIds((t) -> tags.stream().anyMatch(t.tags()::contains)));
		}
	}

	@Test
	void annotatedQueriesBindNamedAndPositionalParameters() {
		List<Long> expected = expected((a) -> a.year() > 2009 && a.topic().equals("web"));
		assertThat(ids(repository.annotatedByName(2009, "web"))).isEqualTo(expected);
		assertThat(ids(repository.annotatedByPosition(2009, "web"))).isEqualTo(expected);
		assertThat(repository.countAnnotated("db")).isEqualTo(expected((a) -> a.topic().equals("db")).size());
		assertThat(repository.existsAnnotated("db")).isTrue();
		assertThat(repository.existsAnnotated("{topic}")).isFalse();
		assertThat(ids(repository.annotatedWithAQuestionMarkInALiteral("ai")))
			.isEqualTo(expected((a) -> a.topic().equals("ai")));
	}

	@Test
	void deleteByDeletesExactlyTheMatchesAndReturnsThem() {
		List<Article> web = ALL.stream().filter((a) -> a.topic().equals("web")).toList();
		List<Article> year = ALL.stream().filter((a) -> a.year() == 2007).toList();
		try {
			assertThat(repository.deleteByTopic("web")).isEqualTo(web.size());
			assertThat(repository.countByTopic("web")).isZero();
			assertThat(repository.count()).isEqualTo(ALL.size() - web.size());
			List<Article> removed = repository.removeByYear(2007);
			assertThat(ids(removed)).containsExactlyInAnyOrderElementsOf(
					year.stream().filter((a) -> !a.topic().equals("web")).map(Article::id).toList());
		}
		finally {
			repository.saveAll(web);
			repository.saveAll(year);
		}
		assertThat(repository.count()).isEqualTo(ALL.size());
	}

	@Test
	void nearSearchReturnsTheExactNearestNeighboursWithRelevanceAsSimilarity() {
		Vector query = Vector.of(0.3f, -0.2f, 0.9f, 0.1f);
		List<Article> nearest = nearest(query, (a) -> true);
		SearchResults<Article> top5 = repository.searchTop5ByEmbeddingNear(query);
		assertHits(top5.getContent(), nearest.subList(0, 5), query);
		assertThat(top5.getContent().get(0).getScore()).isInstanceOf(Similarity.class);
		assertThat(top5.getContent().get(0).getScore().getFunction().getName())
			.isEqualTo(ScoringFunction.cosine().getName());
		assertThat(ids(repository.findTop3ByEmbeddingNear(query.toFloatArray()))).isEqualTo(ids(nearest.subList(0, 3)));
	}

	@Test
	void nearSearchWithAFilterAndAMinimumScoreKeepsOnlyMatchingHitsAboveIt() {
		Vector query = Vector.of(-0.5f, 0.5f, 0.2f, 0.7f);
		List<Article> db = nearest(query, (a) -> a.topic().equals("db"));
		double minimum = relevance(db.get(5), query);
		SearchResults<Article> hits = repository.searchByTopicAndEmbeddingNear("db", query, Score.of(minimum),
				Limit.of(50));
		assertHits(hits.getContent(), db.subList(0, 6), query);
		SearchResults<Article> limited = repository.searchByTopicAndEmbeddingNear("db", query, Score.of(0.01),
				Limit.of(3));
		assertHits(limited.getContent(), db.subList(0, 3), query);
		List<SearchResult<Article>> published = repository.searchByPublishedTrueAndEmbeddingNear(query, Limit.of(4));
		assertHits(published, nearest(query, Article::published).subList(0, 4), query);
	}

	@Test
	void withinIsARangeSearchBetweenTwoSimilarities() {
		Vector query = Vector.of(0.1f, 0.8f, -0.3f, 0.4f);
		List<Article> all = nearest(query, (a) -> true);
		double upper = relevance(all.get(3), query);
		double lower = relevance(all.get(12), query);
		SearchResults<Article> hits = repository.searchByEmbeddingWithin(query, Similarity.between(lower, upper),
				Limit.of(100));
		assertHits(hits.getContent(), all.subList(3, 13), query);
	}

	@Test
	void aScoringFunctionOtherThanTheFieldsMetricIsRefused() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
			.isThrownBy(() -> repository.searchByTopicAndEmbeddingNear("db", Vector.of(1, 0, 0, 0),
					Score.of(0.5, ScoringFunction.euclidean()), Limit.of(3)))
			.withMessageContaining("EUCLIDEAN")
			.withMessageContaining("COSINE");
	}

	@Test
	void isNullAndIsNotNullMatchMissingAndPresentValues() {
		NoteRepository notes = new MilvusRepositoryFactory(template).getRepository(NoteRepository.class);
		assumeServerSupports(() -> {
			recreate(Note.class);
			return notes.saveAll(List.of(new Note(1, "one", new float[] { 1, 0 }), new Note(2, null, new float[] { 0, 1 }),
					new Note(3, "three", new float[] { 1, 1 })));
		});
		try {
			assumeServerSupports(() -> notes.findById(2L));
			assertThat(notes.findById(2L).orElseThrow().text()).isNull();
			assertThat(notes.findByTextIsNull()).extracting(Note::id).containsExactly(2L);
			assertThat(notes.findByTextIsNotNull()).extracting(Note::id).containsExactly(1L, 3L);
		}
		finally {
			template.dropCollection(Note.class);
		}
	}

	@Test
	void savingARecordWithoutIdInsertsItAndReturnsItWithTheGeneratedId() {
		GeneratedRepository generated = new MilvusRepositoryFactory(template).getRepository(GeneratedRepository.class);
		recreate(Generated.class);
		try {
			Generated saved = generated.save(new Generated(null, "first", new float[] { 1, 0 }));
			List<Generated> more = generated.saveAll(List.of(new Generated(null, "second", new float[] { 0, 1 }),
					new Generated(null, "third", new float[] { 1, 1 })));
			assertThat(saved.id()).isNotNull();
			assertThat(more).extracting(Generated::id).doesNotContainNull().doesNotContain(saved.id());
			assertThat(generated.findById(saved.id()).orElseThrow().name()).isEqualTo("first");
			assertThat(generated.findByName("third")).extracting(Generated::id).containsExactly(more.get(1).id());
			assertThat(generated.count()).isEqualTo(3);
			assumeServerSupports(() -> generated.save(new Generated(saved.id(), "renamed", new float[] { 1, 0 })));
			assertThat(generated.count()).isEqualTo(3);
			assertThat(generated.findById(saved.id()).orElseThrow().name()).isEqualTo("renamed");
		}
		finally {
			template.dropCollection(Generated.class);
		}
	}

	@Test
	void pagesPastTheOffsetWindowOf16384AreReadByKey() {
		TinyRepository many = new MilvusRepositoryFactory(template).getRepository(TinyRepository.class);
		recreate(Tiny.class);
		try {
			int total = 16_500;
			List<Tiny> rows = new ArrayList<>(total);
			for (int i = 1; i <= total; i++) {
				rows.add(new Tiny(i, i % 100, new float[] { i, 1 }));
			}
			for (int from = 0; from < total; from += 5_000) {
				many.saveAll(rows.subList(from, Math.min(total, from + 5_000)));
			}
			assertThat(many.findAll()).hasSize(total);
			Page<Tiny> last = many.findAll(PageRequest.of(164, 100));
			assertThat(last.getContent()).extracting(Tiny::id)
				.containsExactlyElementsOf(rows.subList(16_400, 16_500).stream().map(Tiny::id).toList());
			assertThat(last.getTotalElements()).isEqualTo(total);
			Page<Tiny> filtered = many.findByNGreaterThanEqual(50, PageRequest.of(82, 100, Sort.by("id")));
			List<Long> expected = rows.stream().filter((tiny) -> tiny.n() >= 50).map(Tiny::id).toList();
			assertThat(filtered.getContent()).extracting(Tiny::id).containsExactlyElementsOf(expected.subList(8_200, 8_250));
			assertThat(filtered.getTotalElements()).isEqualTo(expected.size());
		}
		finally {
			template.dropCollection(Tiny.class);
		}
	}

	static void recreate(Class<?> type) {
		if (template.hasCollection(type)) {
			template.dropCollection(type);
		}
		template.createCollection(type);
	}

	/** The entities a predicate keeps, nearest first, as exact cosine similarity orders them. */
	static List<Article> nearest(Vector query, Predicate<Article> predicate) {
		return ALL.stream()
			.filter(predicate)
			.sorted(Comparator.comparingDouble((Article a) -> relevance(a, query)).reversed())
			.toList();
	}

	static double relevance(Article article, Vector query) {
		float[] q = query.toFloatArray();
		float[] v = article.embedding();
		double dot = 0;
		double qq = 0;
		double vv = 0;
		for (int i = 0; i < q.length; i++) {
			dot += q[i] * v[i];
			qq += q[i] * q[i];
			vv += v[i] * v[i];
		}
		return Relevance.of(MetricType.COSINE, (float) (dot / Math.sqrt(qq * vv)));
	}

	static void assertHits(List<SearchResult<Article>> hits, List<Article> expected, Vector query) {
		assertThat(hits.stream().map((hit) -> hit.getContent().id()).toList()).isEqualTo(ids(expected));
		for (SearchResult<Article> hit : hits) {
			assertThat(hit.getScore().getValue()).as("relevance of %s", hit.getContent())
				.isCloseTo(relevance(hit.getContent(), query), within(1e-4));
		}
	}

	/** Skips the test when the server refuses the operation, quoting its answer. */
	static void assumeServerSupports(Supplier<?> operation) {
		try {
			operation.get();
		}
		catch (DataAccessException ex) {
			Assumptions.abort("The server refuses it: " + ex.getMessage());
		}
	}

}
