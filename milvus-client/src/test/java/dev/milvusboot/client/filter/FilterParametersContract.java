package dev.milvusboot.client.filter;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.milvusboot.client.FilterTemplates;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.data.Hit;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusUnsupportedException;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.junit.TestNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Filters with parameters against a real server: every hostile value matches exactly the row that holds it, in
 * queries, counts, searches, iterators and deletes, however the server takes the parameters (templates or escaped
 * literals, detected on the first call). Subclasses connect to their server.
 */
abstract class FilterParametersContract {

	static final int DIM = 4;

	static MilvusClient client;

	static TestNames names;

	static String uri;

	/** One row per hostile value: id i holds {@code HostileValues.STRINGS.get(i)}. */
	static String collection;

	static final List<Map<String, Object>> ROWS = new ArrayList<>();

	/** Whether the server cannot match line breaks in literals (Milvus Lite 2.5): the client refuses them. */
	static boolean lineBreaksRefused;

	/** Whether the server takes a filter template without an error and misreads it (Milvus Lite 2.5). */
	static boolean templatesMisread;

	/** Whether the server reads filter templates (Milvus 2.5 and later): the client sends them. */
	static boolean readsTemplates;

	static void connect(String serverUri, TestNames testNames) {
		connect(serverUri, testNames, false);
	}

	/**
	 * Connects and writes the hostile rows.
	 * @param refusesLineBreaks whether the server is Milvus Lite 2.5, which matches no line break in a literal and
	 * misreads filter templates
	 */
	static void connect(String serverUri, TestNames testNames, boolean refusesLineBreaks) {
		lineBreaksRefused = refusesLineBreaks;
		templatesMisread = refusesLineBreaks;
		readsTemplates = false;
		uri = serverUri;
		names = testNames;
		client = MilvusClient.create(uri);
		collection = createCollection("hostile");
		for (int i = 0; i < HostileValues.STRINGS.size(); i++) {
			ROWS.add(row(i));
		}
		client.insert(collection, ROWS);
	}

	static String createCollection(String base) {
		String name = names.collection(base);
		client.createCollection(CollectionSchema.builder(name)
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.floatVector("vector", DIM))
			.field(FieldSchema.varchar("text", 8192))
			.field(FieldSchema.scalar("year", DataType.INT64))
			.field(FieldSchema.scalar("score", DataType.DOUBLE))
			.field(FieldSchema.scalar("flag", DataType.BOOL))
			.field(FieldSchema.scalar("meta", DataType.JSON))
			.build());
		client.createIndex(IndexParams.builder(name, "vector").indexType(IndexType.FLAT).metric(MetricType.L2).build());
		client.loadCollection(name);
		return name;
	}

	static Map<String, Object> row(int i) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", (long) i);
		row.put("vector", new float[] { i, 1, 0, 0 });
		row.put("text", HostileValues.STRINGS.get(i));
		row.put("year", 1990L + i);
		row.put("score", i * 0.25);
		row.put("flag", i % 2 == 0);
		row.put("meta", Map.of("k", i, "s", HostileValues.STRINGS.get(i)));
		return row;
	}

	@AfterAll
	static void close() {
		client.close();
		ROWS.clear();
	}

	@Test
	void eachHostileStringMatchesExactlyItsOwnRow() {
		for (int i = 0; i < HostileValues.STRINGS.size(); i++) {
			String value = HostileValues.STRINGS.get(i);
			if (lineBreaksRefused && hasLineBreak(value)) {
				assertThatExceptionOfType(MilvusUnsupportedException.class)
					.isThrownBy(() -> client.query(Query.in(collection).filter("text == {v}", Map.of("v", value)).build()))
					.withMessageContaining("line break");
				continue;
			}
			List<Row> rows = client.query(Query.in(collection)
				.filter("text == {value}", Map.of("value", value))
				.outputFields("text")
				.build());
			assertThat(rows).as("rows matching value %d", i).hasSize(1);
			assertThat(rows.get(0).get("id")).isEqualTo((long) i);
			assertThat(rows.get(0).get("text")).isEqualTo(value);
		}
	}

	@Test
	void aListOfHostileStringsMatchesExactlyThoseRows() {
		List<String> chosen = new ArrayList<>();
		for (int i = 0; i < HostileValues.STRINGS.size(); i += 3) {
			if (!(lineBreaksRefused && hasLineBreak(HostileValues.STRINGS.get(i)))) {
				chosen.add(HostileValues.STRINGS.get(i));
			}
		}
		List<Row> rows = client.query(
				Query.in(collection).filter("text in {values}", Map.of("values", chosen)).outputFields("text").build());
		assertThat(rows).extracting((row) -> row.get("text")).containsExactlyInAnyOrderElementsOf(chosen);
	}

	@Test
	void hostileStringsInsideJsonFieldsMatchExactlyTheirRow() {
		for (int i = 0; i < HostileValues.STRINGS.size(); i += 2) {
			if (lineBreaksRefused && hasLineBreak(HostileValues.STRINGS.get(i))) {
				continue;
			}
			List<Row> rows = client.query(Query.in(collection)
				.filter("meta[\"s\"] == {value}", Map.of("value", HostileValues.STRINGS.get(i)))
				.build());
			assertThat(rows).as("rows matching value %d in the JSON field", i)
				.extracting((row) -> row.get("id"))
				.containsExactly((long) i);
		}
	}

	@Test
	void numbersBooleansAndListsSelectWhatJavaSelects() {
		Map<String, Object> params = Map.of("min", 1995, "max", 5.5, "flag", true, "years", List.of(1990L, 1994, 2001));
		List<Row> rows = client.query(Query.in(collection)
			.filter("(year > {min} and score <= {max} and flag == {flag}) or year in {years}", params)
			.build());
		assertThat(ids(rows)).containsExactlyInAnyOrderElementsOf(expected((row) -> {
			long year = (Long) row.get("year");
			return (year > 1995 && (Double) row.get("score") <= 5.5 && (Boolean) row.get("flag"))
					|| List.of(1990L, 1994L, 2001L).contains(year);
		}));
	}

	@Test
	void aNumberGivenAsAStringStaysAString() {
		int index = HostileValues.STRINGS.indexOf("42");
		assertThat(ids(client.query(Query.in(collection).filter("text == {v}", Map.of("v", "42")).build())))
			.containsExactly((long) index);
		assertThat(client.count(collection, Filter.of("year == {v}", Map.of("v", 1990 + index)))).isEqualTo(1);
	}

	@Test
	void countWithParametersCountsWhatJavaCounts() {
		long count = client.count(collection, Filter.of("year >= {from} and year < {to}", Map.of("from", 1995, "to", 2005)));
		assertThat(count).isEqualTo(expected((row) -> (Long) row.get("year") >= 1995 && (Long) row.get("year") < 2005).size());
	}

	@Test
	void searchWithAHostileParameterFindsOnlyItsRow() {
		String value = "\" or 1==1 or \"";
		List<Hit> hits = client.search(Search.in(collection)
			.vector(new float[] { 1, 1, 0, 0 })
			.topK(10)
			.filter("text == {value} or text == {other}", Map.of("value", value, "other", "' or 1==1 or '"))
			.build()).hits(0);
		assertThat(hits).extracting(Hit::id)
			.containsExactlyInAnyOrder((long) HostileValues.STRINGS.indexOf(value),
					(long) HostileValues.STRINGS.indexOf("' or 1==1 or '"));
	}

	@Test
	void iteratorsWithParametersReturnWhatJavaSelects() {
		Filter filter = Filter.of("year < {before}", Map.of("before", 2005));
		List<Long> paged = new ArrayList<>();
		Iterator<List<Row>> pages = client.queryIterator(Query.in(collection).filter(filter).build(), 4);
		pages.forEachRemaining((page) -> paged.addAll(ids(page)));
		assertThat(paged).containsExactlyInAnyOrderElementsOf(expected((row) -> (Long) row.get("year") < 2005));
	}

	@Test
	void deleteWithAnInjectionValueDeletesExactlyOneRow() {
		String name = createCollection("hostile_delete");
		client.insert(name, ROWS);
		long before = client.count(name, "");
		client.deleteWhere(name, Filter.of("text == {value}", Map.of("value", "\" or 1==1 or \"")));
		assertThat(client.count(name, "")).isEqualTo(before - 1);
		assertThat(client.count(name, Filter.of("text == {value}", Map.of("value", "\" or 1==1 or \"")))).isZero();
		client.dropCollection(name);
	}

	@Test
	void aFreshClientWhoseFirstParameterisedCallIsADeleteDeletesExactlyWhatItMatches() {
		String name = createCollection("first_call_delete");
		client.insert(name, ROWS);
		try (MilvusClient fresh = MilvusClient.create(uri)) {
			fresh.deleteWhere(name, Filter.of("year in {years}", Map.of("years", List.of(1990, 1991))));
			assertThat(fresh.count(name, "")).isEqualTo(ROWS.size() - 2);
		}
		client.dropCollection(name);
	}

	@Test
	void renderedLiteralsAndTheDetectedDialectGiveTheSameResults() {
		Filter filter = Filter.of("text in {values} or meta[\"k\"] > {k}",
				Map.of("values", HostileValues.STRINGS.subList(0, 6), "k", 20));
		try (MilvusClient literals = MilvusClient
			.create(MilvusClientOptions.builder().uri(uri).filterTemplates(FilterTemplates.NEVER).build())) {
			assertThat(ids(literals.query(Query.in(collection).filter(filter).build())))
				.containsExactlyInAnyOrderElementsOf(ids(client.query(Query.in(collection).filter(filter).build())))
				.containsExactlyInAnyOrderElementsOf(
						expected((row) -> HostileValues.STRINGS.subList(0, 6).contains(row.get("text"))
								|| (Long) row.get("id") > 20));
		}
	}

	@Test
	void deleteByFilterWithinAPartitionLeavesTheOtherPartitionsAlone() {
		String name = createCollection("partition_delete");
		try {
			client.createPartition(name, "p1");
		}
		catch (MilvusUnsupportedException ex) {
			Assumptions.abort("This server has no partitions; it answered: " + ex.getMessage());
		}
		client.createPartition(name, "p2");
		client.insert(name, "p1", ROWS.subList(0, 10));
		client.insert(name, "p2", ROWS.subList(10, 20));
		Filter filter = Filter.of("year >= {from} and text != {hostile}", Map.of("from", 1995, "hostile", "\" or 1==1 or \""));
		client.deleteWhere(name, "p1", filter);
		List<Long> left = ids(client.query(Query.in(name).filter("id >= 0").limit(100).build()));
		assertThat(left).containsExactlyInAnyOrderElementsOf(ROWS.subList(0, 20).stream()
			.filter((row) -> (Long) row.get("id") >= 10 || (Long) row.get("year") < 1995
					|| "\" or 1==1 or \"".equals(row.get("text")))
			.map((row) -> (Long) row.get("id"))
			.toList());
		assertThat(client.get(name, "p2", List.of(0L, 15L), "text")).extracting((row) -> row.get("id"))
			.containsExactly(15L);
		assertThat(client.get(name, "p1", List.of(1L, 15L), "text")).extracting((row) -> row.get("id"))
			.containsExactly(1L);
		client.dropCollection(name);
	}

	/**
	 * The local servers cannot read Milvus filter templates: told to send them always, the client gets the server's
	 * refusal (Lite 3.2, Milvus 2.3) or, from Milvus Lite 2.5, a wrong answer without an error, which is why the
	 * client decides by the server's version rather than by trying a template. Milvus 2.5 and later (the 2.6
	 * container) read them and answer as the literals do.
	 */
	@Test
	void thisServerReadsFilterTemplatesOnlyIfItsVersionSaysSo() {
		Filter filter = templatesMisread ? Filter.of("text == {value}", Map.of("value", HostileValues.STRINGS.get(1)))
				: Filter.of("year > {min}", Map.of("min", 2000L));
		List<Long> expected = templatesMisread ? List.of(1L) : expected((row) -> (Long) row.get("year") > 2000);
		try (MilvusClient templates = MilvusClient
			.create(MilvusClientOptions.builder().uri(uri).filterTemplates(FilterTemplates.ALWAYS).build())) {
			if (readsTemplates) {
				assertThat(client.serverVersion()).matches("v?2\\.([5-9]|\\d\\d).*");
				assertThat(ids(templates.query(Query.in(collection).filter(filter).limit(100).build())))
					.containsExactlyInAnyOrderElementsOf(expected);
			}
			else if (templatesMisread) {
				List<Long> answer;
				try {
					answer = ids(templates.query(Query.in(collection).filter(filter).limit(100).build()));
				}
				catch (MilvusException ex) {
					answer = null;
				}
				assertThat(answer).as("an error, or a wrong answer without one").isNotEqualTo(expected);
			}
			else {
				assertThatExceptionOfType(MilvusException.class)
					.isThrownBy(() -> templates.query(Query.in(collection).filter(filter).build()));
			}
		}
		assertThat(ids(client.query(Query.in(collection).filter(filter).limit(100).build())))
			.containsExactlyInAnyOrderElementsOf(expected);
	}

	static boolean hasLineBreak(String value) {
		return value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
	}

	static List<Long> ids(List<Row> rows) {
		return rows.stream().map((row) -> (Long) row.get("id")).toList();
	}

	static List<Long> expected(Predicate<Map<String, Object>> predicate) {
		return ROWS.stream().filter(predicate).map((row) -> (Long) row.get("id")).toList();
	}

}
