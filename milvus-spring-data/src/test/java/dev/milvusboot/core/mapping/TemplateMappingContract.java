package dev.milvusboot.core.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.data.Filter;
import dev.milvusboot.core.MilvusExceptionTranslator;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.core.ScoredEntity;
import dev.milvusboot.core.mapping.MappedTypes.Address;
import dev.milvusboot.core.mapping.MappedTypes.Event;
import dev.milvusboot.core.mapping.MappedTypes.Kind;
import dev.milvusboot.core.mapping.MappedTypes.Memo;
import dev.milvusboot.core.mapping.MappedTypes.Money;
import dev.milvusboot.core.mapping.MappedTypes.Reading;
import dev.milvusboot.core.mapping.MappedTypes.TwoVectors;
import dev.milvusboot.core.mapping.MappedTypes.Hnsw;
import dev.milvusboot.client.schema.IndexDescription;
import dev.milvusboot.repository.support.MilvusRepositoryFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Vector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entities with converted members written with {@link MilvusTemplate} to a real server and read back equal: a record
 * with enums, dates, a UUID, a custom converter, a nested JSON object, ARRAYs and a Spring Data {@code Vector}; a
 * class read through its constructor and a setter; a class with setters only and a generated id; two vector
 * fields; a repository of the UUID-keyed class. Filters with enum, date and converted values find what the same
 * data filtered in Java finds. Subclasses connect to their server.
 */
abstract class TemplateMappingContract {

	static final Instant T0 = Instant.parse("2026-01-01T00:00:00.250Z");

	static final List<Event> EVENTS = events();

	static MilvusClient client;

	static MilvusTemplate template;

	static void connect(String uri) {
		client = MilvusClient.create(uri);
		template = new MilvusTemplate(client, new MilvusExceptionTranslator(), new EntityMapper(MappedTypes.conversions()));
		for (Class<?> type : List.of(Event.class, Reading.class, Memo.class)) {
			recreate(type);
		}
		template.insert(EVENTS);
	}

	static void recreate(Class<?> type) {
		if (template.hasCollection(type)) {
			template.dropCollection(type);
		}
		template.createCollection(type);
	}

	@AfterAll
	static void close() {
		try (MilvusClient closing = client) {
			for (Class<?> type : List.of(Event.class, Reading.class, Memo.class, TwoVectors.class)) {
				if (template.hasCollection(type)) {
					template.dropCollection(type);
				}
			}
		}
	}

	static List<Event> events() {
		List<Event> events = new ArrayList<>();
		Kind[] kinds = Kind.values();
		for (int i = 0; i < 12; i++) {
			Kind kind = kinds[i % kinds.length];
			Instant at = T0.plusSeconds(3600L * i).plusMillis(i);
			events.add(new Event(i + 1, kind, at, LocalDate.of(2026, 1, 1).plusDays(i * 3L),
					LocalDateTime.of(2026, 1, 1, 0, 0).plusMinutes(i * 7L), new UUID(i, 42L - i),
					new Money(100L * i + 1, (i % 2 == 0) ? "EUR" : "NOK"),
					new Address("City " + i, 1000 + i, kinds[(i + 1) % kinds.length], at.minusSeconds(86_400),
							List.of("line " + i)),
					List.of("t" + (i % 4), "all"), Set.of(kind, kinds[(i + 2) % kinds.length]),
					List.of(at, at.plusMillis(500)), Map.of("n", i, "odd", i % 2 == 1),
					Vector.of((float) Math.cos(i), (float) Math.sin(i), i / 12f)));
		}
		return List.copyOf(events);
	}

	static List<Long> expected(Predicate<Event> predicate) {
		return EVENTS.stream().filter(predicate).map(Event::id).sorted().toList();
	}

	static List<Long> ids(List<Event> events) {
		return events.stream().map(Event::id).sorted().toList();
	}

	@Test
	void aRecordWithConvertedMembersIsReadBackEqual() {
		List<Event> read = new ArrayList<>(template.findByIds(Event.class, ids(EVENTS)));
		read.sort(Comparator.comparingLong(Event::id));
		assertThat(read).hasSize(EVENTS.size());
		assertThat(read).usingRecursiveComparison().isEqualTo(EVENTS);
		assertThat(read.get(3).embedding()).isInstanceOf(Vector.class);
	}

	@Test
	void filtersCompareEnumsDatesAndConvertedValuesAsRowsHoldThem() {
		Instant from = T0.plusSeconds(3600L * 4);
		Filter alertsSince = template.filter("kind == {kind} and at >= {from}", Map.of("kind", Kind.ALERT, "from", from));
		assertThat(ids(template.find(Event.class, alertsSince, 100)))
			.isEqualTo(expected((e) -> e.kind() == Kind.ALERT && !e.at().isBefore(from)))
			.isNotEmpty();
		LocalDate day = LocalDate.of(2026, 1, 10);
		Filter before = template.filter("day < {day} and kind in {kinds}",
				Map.of("day", day, "kinds", Set.of(Kind.NOTICE, Kind.DEBUG)));
		assertThat(ids(template.find(Event.class, before, 100)))
			.isEqualTo(expected((e) -> e.day().isBefore(day) && e.kind() != Kind.ALERT))
			.isNotEmpty();
		Filter price = template.filter("price == {price}", Map.of("price", new Money(501, "NOK")));
		assertThat(ids(template.find(Event.class, price, 100))).containsExactly(6L);
		Filter contains = template.filter("array_contains(kinds, {kind})", Map.of("kind", Kind.DEBUG));
		assertThat(ids(template.find(Event.class, contains, 100))).isEqualTo(expected((e) -> e.kinds().contains(Kind.DEBUG)));
		LocalDateTime local = LocalDateTime.of(2026, 1, 1, 0, 30);
		Filter range = template.filter("local > {from} and local <= {to}",
				Map.of("from", local, "to", local.plusMinutes(21)));
		assertThat(ids(template.find(Event.class, range, 100)))
			.isEqualTo(expected((e) -> e.local().isAfter(local) && !e.local().isAfter(local.plusMinutes(21))))
			.isNotEmpty();
	}

	@Test
	void derivedAndAnnotatedRepositoryMethodsBindEnumsDatesAndConvertedValuesAsRowsHoldThem() {
		EventRepository events = new MilvusRepositoryFactory(template).getRepository(EventRepository.class);
		Instant from = T0.plusSeconds(3600L * 4);
		assertThat(ids(events.findByKindAndAtGreaterThanEqual(Kind.ALERT, from)))
			.isEqualTo(expected((e) -> e.kind() == Kind.ALERT && !e.at().isBefore(from)))
			.isNotEmpty();
		LocalDate day = LocalDate.of(2026, 1, 10);
		assertThat(ids(events.findByDayBeforeAndKindIn(day, Set.of(Kind.NOTICE, Kind.DEBUG))))
			.isEqualTo(expected((e) -> e.day().isBefore(day) && e.kind() != Kind.ALERT))
			.isNotEmpty();
		assertThat(ids(events.findByPrice(new Money(501, "NOK")))).containsExactly(6L);
		assertThat(ids(events.findByKindsContaining(Kind.DEBUG)))
			.isEqualTo(expected((e) -> e.kinds().contains(Kind.DEBUG)))
			.isNotEmpty();
		LocalDateTime local = LocalDateTime.of(2026, 1, 1, 0, 30);
		assertThat(events.countByLocalBetween(local, local.plusMinutes(21)))
			.isEqualTo(expected((e) -> !e.local().isBefore(local) && !e.local().isAfter(local.plusMinutes(21))).size())
			.isPositive();
		Instant before = T0.plusSeconds(3600L * 7);
		assertThat(ids(events.notOfKindBefore(Kind.NOTICE, before)))
			.isEqualTo(expected((e) -> e.kind() != Kind.NOTICE && e.at().isBefore(before)))
			.isNotEmpty();
	}

	@Test
	void aSearchByASpringDataVectorFindsTheExactNearestNeighbours() {
		float[] query = { 1, 0.2f, 0.5f };
		List<ScoredEntity<Event>> hits = template.search(Event.class, query, 3,
				template.filter("kind != {kind}", Map.of("kind", Kind.DEBUG)));
		List<Long> nearest = EVENTS.stream()
			.filter((e) -> e.kind() != Kind.DEBUG)
			.sorted(Comparator.comparingDouble((Event e) -> squaredDistance(e.embedding().toFloatArray(), query)))
			.limit(3)
			.map(Event::id)
			.toList();
		assertThat(hits).extracting((hit) -> hit.entity().id()).containsExactlyElementsOf(nearest);
		assertThat(hits.get(0).entity()).usingRecursiveComparison()
			.isEqualTo(EVENTS.get((int) (nearest.get(0) - 1)));
	}

	private static double squaredDistance(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += (a[i] - b[i]) * (a[i] - b[i]);
		}
		return sum;
	}

	@Test
	void aClassReadThroughItsConstructorAndASetterIsReadBackEqualAndFoundAndDeletedByItsUuid() {
		UUID one = new UUID(1, 1);
		UUID two = new UUID(2, 2);
		Reading first = new Reading(one, T0, Kind.NOTICE, new float[] { 1, 0 });
		first.setNote("checked");
		Reading second = new Reading(two, T0.plusMillis(1), Kind.ALERT, new float[] { 0, 1 });
		second.setNote("pending");
		template.insert(List.of(first, second));
		List<Reading> read = new ArrayList<>(template.findByIds(Reading.class, List.of(one, two)));
		read.sort(Comparator.comparing(Reading::getId));
		assertThat(read).usingRecursiveComparison().isEqualTo(List.of(first, second));
		assertThat(read).extracting(Reading::getNote).containsExactly("checked", "pending");
		template.delete(Reading.class, List.of(one));
		assertThat(template.findByIds(Reading.class, List.of(one, two))).extracting(Reading::getId).containsExactly(two);
	}

	@Test
	void aRepositoryOfAnEntityWithAUuidKeyConvertsLikeTheTemplate() {
		ReadingRepository repository = new MilvusRepositoryFactory(template).getRepository(ReadingRepository.class);
		UUID three = new UUID(3, 3);
		UUID four = new UUID(4, 4);
		Reading third = new Reading(three, T0.plusSeconds(3), Kind.DEBUG, new float[] { 1, 1 });
		third.setNote("third");
		Reading fourth = new Reading(four, T0.plusSeconds(4), Kind.ALERT, new float[] { -1, 1 });
		fourth.setNote("fourth");
		repository.saveAll(List.of(third, fourth));
		assertThat(repository.findById(three)).get().usingRecursiveComparison().isEqualTo(third);
		assertThat(repository.findAllById(List.of(three, four))).extracting(Reading::getId)
			.containsExactlyInAnyOrder(three, four);
		repository.deleteById(three);
		repository.deleteAllById(List.of(four));
		assertThat(repository.findAllById(List.of(three, four))).isEmpty();
	}

	@Test
	void aClassWithSettersOnlyGetsItsGeneratedIdAndIsReadBackEqual() {
		Memo memo = new Memo();
		memo.setDue(LocalDate.of(2027, 2, 28));
		memo.setBudget(new Money(4200, "EUR"));
		memo.setKinds(List.of(Kind.DEBUG, Kind.ALERT));
		memo.setVector(Vector.of(0.6f, 0.8f));
		template.insert(List.of(memo));
		assertThat(memo.getId()).isNotNull();
		List<Memo> read = template.findByIds(Memo.class, List.of(memo.getId()));
		assertThat(read).singleElement().usingRecursiveComparison().isEqualTo(memo);
		Filter due = template.filter("due == {due} and budget == {budget}",
				Map.of("due", LocalDate.of(2027, 2, 28), "budget", new Money(4200, "EUR")));
		assertThat(template.find(Memo.class, due, 10)).extracting(Memo::getId).containsExactly(memo.getId());
	}

	@Test
	void anHnswIndexGetsTheUsualParametersWhereTheEntityGivesNone() {
		try {
			recreate(Hnsw.class);
		}
		catch (org.springframework.dao.InvalidDataAccessApiUsageException ex) {
			// Milvus Lite 2.5: "invalid index type: HNSW, local mode only support FLAT IVF_FLAT AUTOINDEX"
			Assumptions.assumeFalse(String.valueOf(ex.getMessage()).contains("local mode only support"),
					"The server has no HNSW: " + ex.getMessage());
			throw ex;
		}
		try {
			template.insert(List.of(new Hnsw(1, new float[] { 1, 0 }), new Hnsw(2, new float[] { 0, 1 })));
			IndexDescription index = client.describeIndex("mapping_hnsw", "embedding");
			assertThat(index.indexType()).isEqualTo("HNSW");
			assertThat(index.params()).containsEntry("M", "16").containsEntry("efConstruction", "100");
			assertThat(template.search(Hnsw.class, new float[] { 0.9f, 0.1f }, 1))
				.extracting((hit) -> hit.entity().id())
				.containsExactly(1L);
		}
		finally {
			template.dropCollection(Hnsw.class);
		}
	}

	@Test
	void twoVectorFieldsAreWrittenReadAndSearchedEachByName() {
		try {
			recreate(TwoVectors.class);
		}
		catch (DataAccessException ex) {
			String version = template.serverVersion();
			Assumptions.assumeFalse(version.startsWith("2.3") || version.startsWith("v2.3"),
					() -> "Milvus " + version + " refuses a collection with two vector fields: " + ex.getMessage());
			throw ex;
		}
		List<TwoVectors> written = List.of(new TwoVectors("a", new float[] { 1, 0 }, Vector.of(0f, 0f, 1f), Kind.ALERT),
				new TwoVectors("b", new float[] { 0, 1 }, Vector.of(5f, 5f, 5f), Kind.NOTICE));
		template.insert(written);
		List<TwoVectors> read = new ArrayList<>(template.findByIds(TwoVectors.class, List.of("a", "b")));
		read.sort(Comparator.comparing(TwoVectors::id));
		assertThat(read).usingRecursiveComparison().isEqualTo(written);
		assertThat(template.search(TwoVectors.class, "first", new float[] { 0.1f, 1 }, 1, Filter.NONE))
			.extracting((hit) -> hit.entity().id())
			.containsExactly("b");
		assertThat(template.search(TwoVectors.class, "second", new float[] { 0, 0, 0.9f }, 1, Filter.NONE))
			.extracting((hit) -> hit.entity().id())
			.containsExactly("a");
	}

}
