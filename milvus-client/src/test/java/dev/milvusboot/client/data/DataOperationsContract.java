package dev.milvusboot.client.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.data.rank.Ranker;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.junit.TestNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Inserts, upserts, deletes, gets, queries and searches: one suite run against each real server (a server
 * matrix). Subclasses connect {@link #client} to their server; features a server lacks are skipped, saying why.
 */
abstract class DataOperationsContract {

	private static final int DIM = 8;

	static final String PARTITIONS = "partitions";

	static final String NULLABLE_FIELDS = "nullable fields";

	static MilvusClient client;

	static TestNames names;

	/** The server's name and the features it lacks, for the reasons of skipped tests. */
	private static String server;

	private static Set<String> lacking = Set.of();

	static void connect(String uri, TestNames testNames) {
		connect(uri, testNames, "this server");
	}

	/**
	 * Connects the suite to a server that lacks some features: tests of those are skipped, quoting what the server
	 * answered their first call.
	 */
	static void connect(String uri, TestNames testNames, String serverName, String... lackingFeatures) {
		client = MilvusClient.create(uri);
		names = testNames;
		badFilterCollection = null;
		server = serverName;
		lacking = Set.of(lackingFeatures);
	}

	/**
	 * Runs the first call of a feature; where the server is known to lack the feature and refuses the call, skips
	 * the test quoting the server's answer. Elsewhere a refusal fails the test.
	 */
	static void firstCallOf(String feature, Runnable call) {
		try {
			call.run();
		}
		catch (MilvusException ex) {
			Assumptions.assumeFalse(lacking.contains(feature),
					() -> server + " has no " + feature + "; it answered: " + ex.getMessage());
			throw ex;
		}
	}

	/** Skips a test on servers older than the version that brought the feature. */
	static void assumeFeature(String feature, String sinceVersion) {
		String version = client.serverVersion();
		boolean old = version.startsWith("v2.3") || (sinceVersion.compareTo("2.5") >= 0 && version.startsWith("v2.4"));
		Assumptions.assumeFalse(old, "Milvus " + version + " has no " + feature + " (added in Milvus " + sinceVersion + ")");
	}

	@AfterAll
	static void close() {
		client.close();
	}

	private static float[] vector(Random random) {
		float[] vector = new float[DIM];
		for (int i = 0; i < DIM; i++) {
			vector[i] = random.nextFloat();
		}
		return vector;
	}

	/** A collection with every scalar type Milvus Lite stores, user ids, a dynamic field, indexed and loaded. */
	private static String allTypesCollection() {
		String name = names.collection("all_types");
		CollectionSchema schema = CollectionSchema.builder(name)
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.floatVector("vector", DIM))
			.field(FieldSchema.scalar("flag", DataType.BOOL))
			.field(FieldSchema.scalar("tiny", DataType.INT8))
			.field(FieldSchema.scalar("small", DataType.INT16))
			.field(FieldSchema.scalar("medium", DataType.INT32))
			.field(FieldSchema.scalar("big", DataType.INT64))
			.field(FieldSchema.scalar("ratio", DataType.FLOAT))
			.field(FieldSchema.scalar("precise", DataType.DOUBLE))
			.field(FieldSchema.varchar("title", 100))
			.field(FieldSchema.scalar("meta", DataType.JSON))
			.field(FieldSchema.builder("tags", DataType.ARRAY).elementType(DataType.VARCHAR, 10).maxLength(20).build())
			.field(FieldSchema.builder("scores", DataType.ARRAY).elementType(DataType.INT64, 10).build())
			.dynamicField(true)
			.build();
		client.createCollection(schema);
		client.createIndex(IndexParams.builder(name, "vector").indexType(IndexType.FLAT).metric(MetricType.L2).build());
		client.loadCollection(name);
		return name;
	}

	private static Map<String, Object> allTypesRow(long id, float[] vector) {
		Map<String, Object> row = new java.util.LinkedHashMap<>();
		row.put("id", id);
		row.put("vector", vector);
		row.put("flag", id % 2 == 0);
		row.put("tiny", (byte) (id % 100));
		row.put("small", (short) (id * 3));
		row.put("medium", (int) id * 1000);
		row.put("big", id * 1_000_000_007L);
		row.put("ratio", id / 4.0f);
		row.put("precise", id / 3.0);
		row.put("title", "title é " + id);
		row.put("meta", Map.of("n", id, "name", "doc" + id));
		row.put("tags", List.of("a" + id, "b"));
		row.put("scores", List.of(id, id + 1));
		row.put("color", "red" + id);
		return row;
	}

	@Test
	void whenRowsOfEveryTypeAreInsertedThenGetReturnsTheSameValues() {
		String name = allTypesCollection();
		Random random = new Random(1);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (long id = 1; id <= 20; id++) {
			rows.add(allTypesRow(id, vector(random)));
		}
		MutationResult result = client.insert(name, rows);
		assertThat(result.insertCount()).isEqualTo(20);
		assertThat(result.longIds()).containsExactly(rows.stream().mapToLong((r) -> (Long) r.get("id")).toArray());

		List<Row> found = client.get(name, List.of(7L, 3L, 999L), "*");
		assertThat(found).extracting((row) -> row.getLong("id")).containsExactly(7L, 3L);
		Row seven = found.get(0);
		Map<String, Object> expected = rows.get(6);
		assertThat(seven.getFloatVector("vector")).containsExactly((float[]) expected.get("vector"));
		assertThat(seven.getBoolean("flag")).isFalse();
		assertThat(seven.getInt("tiny")).isEqualTo(7);
		assertThat(seven.getInt("small")).isEqualTo(21);
		assertThat(seven.getInt("medium")).isEqualTo(7000);
		assertThat(seven.getLong("big")).isEqualTo(7 * 1_000_000_007L);
		assertThat(seven.getFloat("ratio")).isEqualTo(1.75f);
		assertThat(seven.getDouble("precise")).isCloseTo(7 / 3.0, within(1e-12));
		assertThat(seven.getString("title")).isEqualTo("title é 7");
		assertThat(seven.getString("meta")).contains("\"name\"").contains("doc7");
		assertThat(seven.getList("tags")).containsExactly("a7", "b");
		assertThat(seven.getList("scores")).containsExactly(7L, 8L);
		assertThat(seven.get("color")).isEqualTo("red7");
	}

	@Test
	void whenEachRowsOwnVectorIsSearchedThenThatRowComesFirst() {
		String name = allTypesCollection();
		Random random = new Random(2);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (long id = 0; id < 50; id++) {
			rows.add(allTypesRow(id, vector(random)));
		}
		client.insert(name, rows);
		List<float[]> queries = rows.stream().limit(10).map((row) -> (float[]) row.get("vector")).toList();
		SearchResults results = client
			.search(Search.in(name).vectors(queries).topK(3).outputFields("title", "color", "vector").build());
		assertThat(results.size()).isEqualTo(10);
		for (int q = 0; q < 10; q++) {
			Hit best = results.hits(q).get(0);
			assertThat(best.longId()).isEqualTo(q);
			assertThat(best.score()).isCloseTo(0f, within(1e-4f));
			assertThat(best.get("title")).isEqualTo("title é " + q);
			assertThat(best.get("color")).isEqualTo("red" + q);
			assertThat((float[]) best.get("vector")).containsExactly(queries.get(q));
			assertThat(results.hits(q)).hasSize(3);
			assertThat(results.hits(q).get(1).score()).isGreaterThanOrEqualTo(best.score());
		}
	}

	@Test
	void whenSearchHasAFilterThenOnlyMatchingEntitiesAreHit() {
		String name = allTypesCollection();
		Random random = new Random(3);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (long id = 0; id < 40; id++) {
			rows.add(allTypesRow(id, vector(random)));
		}
		client.insert(name, rows);
		SearchResults results = client.search(Search.in(name)
			.vector((float[]) rows.get(0).get("vector"))
			.topK(40)
			.filter("medium >= 30000 and flag == true")
			.outputFields("medium")
			.build());
		assertThat(results.first()).isNotEmpty()
			.allSatisfy((hit) -> assertThat((Integer) hit.get("medium")).isGreaterThanOrEqualTo(30000))
			.allSatisfy((hit) -> assertThat(hit.longId() % 2).isZero());
		assertThat(results.first()).hasSize(5);
	}

	@Test
	void whenRowsAreUpsertedThenTheirValuesAreReplaced() {
		String name = allTypesCollection();
		Random random = new Random(4);
		client.insert(name, List.of(allTypesRow(1, vector(random)), allTypesRow(2, vector(random))));
		Map<String, Object> changed = allTypesRow(1, vector(random));
		changed.put("title", "changed");
		MutationResult result = client.upsert(name, List.of(changed, allTypesRow(3, vector(random))));
		assertThat(result.upsertCount()).isEqualTo(2);
		assertThat(client.count(name, "")).isEqualTo(3);
		assertThat(client.get(name, List.of(1L), "title").get(0).getString("title")).isEqualTo("changed");
	}

	@Test
	void whenEntitiesAreDeletedByIdOrFilterThenTheyAreGone() {
		String name = allTypesCollection();
		Random random = new Random(5);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (long id = 0; id < 10; id++) {
			rows.add(allTypesRow(id, vector(random)));
		}
		client.insert(name, rows);
		assertThat(client.delete(name, List.of(1L, 2L)).deleteCount()).isEqualTo(2);
		assertThat(client.deleteWhere(name, "id >= 8").deleteCount()).isEqualTo(2);
		assertThat(client.count(name, "")).isEqualTo(6);
		assertThat(client.get(name, List.of(1L, 2L, 8L, 9L))).isEmpty();
		assertThat(client.get(name, List.of(0L, 3L))).hasSize(2);
	}

	/**
	 * Malformed filters, each an invalid argument on every server: the lexical faults (quotes, brackets, characters
	 * outside the grammar) are caught by the client, which matters on Milvus Lite 2.5 (it evaluates {@code (medium
	 * > 1} as {@code medium > 1}, so a delete would remove rows, and {@code title like 1} crashes it); the rest by
	 * the server, whatever code it sends for them.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "title == \"abc", "(medium > 1", "medium > 1)", "medium > 1; medium < 3",
			"medium > 1 # all", "medium >", "medium > 1 or", "medium == \"x\"", "title > 5", "title in [1]",
			"medium in [\"a\", \"b\"]", "nosuch > 1", "title like 1" })
	void whenAFilterIsMalformedThenQuerySearchAndDeleteAreInvalidArgumentsAndNothingIsDeleted(String filter) {
		String name = badFilterCollection();
		float[] vector = new float[DIM];
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.query(Query.in(name).filter(filter).outputFields("id").build()))
			.withMessageContaining("collection '" + name + "'")
			.withMessageContaining(filter);
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.search(Search.in(name).vector(vector).filter(filter).build()))
			.withMessageContaining("collection '" + name + "'")
			.withMessageContaining(filter);
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.deleteWhere(name, filter))
			.withMessageContaining("collection '" + name + "'")
			.withMessageContaining(filter);
		assertThat(client.count(name, "")).isEqualTo(BAD_FILTER_ROWS);
	}

	private static final int BAD_FILTER_ROWS = 5;

	private static String badFilterCollection;

	/** One collection for every malformed filter, made by the first; no dynamic field, so unknown names are. */
	private static synchronized String badFilterCollection() {
		if (badFilterCollection == null) {
			String name = names.collection("bad_filters");
			client.createCollection(CollectionSchema.builder(name)
				.field(FieldSchema.int64Id("id", false))
				.field(FieldSchema.floatVector("vector", DIM))
				.field(FieldSchema.varchar("title", 100))
				.field(FieldSchema.scalar("medium", DataType.INT32))
				.build());
			client.createIndex(
					IndexParams.builder(name, "vector").indexType(IndexType.FLAT).metric(MetricType.L2).build());
			client.loadCollection(name);
			Random random = new Random(11);
			List<Map<String, Object>> rows = new ArrayList<>();
			for (long id = 0; id < BAD_FILTER_ROWS; id++) {
				rows.add(Map.of("id", id, "vector", vector(random), "title", "t" + id, "medium", (int) id));
			}
			client.insert(name, rows);
			badFilterCollection = name;
		}
		return badFilterCollection;
	}

	@Test
	void whenQueriedWithLimitAndOffsetThenPagesAreDisjoint() {
		String name = allTypesCollection();
		Random random = new Random(6);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (long id = 0; id < 30; id++) {
			rows.add(allTypesRow(id, vector(random)));
		}
		client.insert(name, rows);
		List<Row> first = client.query(Query.in(name).filter("id < 20").outputFields("id").limit(10).build());
		List<Row> second = client
			.query(Query.in(name).filter("id < 20").outputFields("id").limit(10).offset(10).build());
		Set<Long> ids = new HashSet<>();
		first.forEach((row) -> ids.add(row.getLong("id")));
		second.forEach((row) -> ids.add(row.getLong("id")));
		assertThat(first).hasSize(10);
		assertThat(second).hasSize(10);
		assertThat(ids).hasSize(20).allSatisfy((id) -> assertThat(id).isLessThan(20));
		assertThat(client.count(name, "id < 20")).isEqualTo(20);
		assertThat(client.count(name, "")).isEqualTo(30);
	}

	@Test
	void whenTheQueryIteratorRunsThenEveryMatchingEntityComesExactlyOnce() {
		String name = names.collection("paging");
		client.createCollection(name, DIM, MetricType.L2, false);
		Random random = new Random(7);
		List<Map<String, Object>> rows = new ArrayList<>();
		List<Long> ids = new ArrayList<>();
		for (long i = 0; i < 1000; i++) {
			ids.add(i * 7 % 1000);
		}
		java.util.Collections.shuffle(ids, random);
		for (long id : ids) {
			rows.add(Map.of("id", id, "vector", vector(random)));
		}
		client.insert(name, rows);
		List<Long> seen = new ArrayList<>();
		int pages = 0;
		var pagesIterator = client.queryIterator(Query.in(name).filter("id >= 100").outputFields("id").build(), 128);
		while (pagesIterator.hasNext()) {
			List<Row> page = pagesIterator.next();
			assertThat(page.size()).isLessThanOrEqualTo(128);
			page.forEach((row) -> seen.add(row.getLong("id")));
			pages++;
		}
		assertThat(seen).hasSize(900).doesNotHaveDuplicates().isSorted();
		assertThat(pages).isEqualTo(8);
	}

	@Test
	void whenTheSearchIteratorRunsThenHitsComeOnceInScoreOrderBeyondOnePage() {
		String name = names.collection("search_paging");
		client.createCollection(name, DIM, MetricType.L2, false);
		Random random = new Random(8);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (long id = 0; id < 300; id++) {
			rows.add(Map.of("id", id, "vector", vector(random)));
		}
		client.insert(name, rows);
		SearchIterator iterator = client.searchIterator(
				Search.in(name).vector((float[]) rows.get(0).get("vector")).metric(MetricType.L2).build(), 50, 250);
		List<Hit> hits = new ArrayList<>();
		iterator.forEachRemaining(hits::addAll);
		assertThat(hits).hasSize(250);
		assertThat(hits.get(0).longId()).isZero();
		assertThat(hits).extracting(Hit::id).doesNotHaveDuplicates();
		assertThat(hits).extracting(Hit::score).isSorted();
	}

	@Test
	void whenRowsGoToAPartitionThenSearchingThatPartitionFindsOnlyThem() {
		String name = allTypesCollection();
		firstCallOf(PARTITIONS, () -> client.createPartition(name, "recent"));
		Random random = new Random(9);
		client.insert(name, List.of(allTypesRow(1, vector(random)), allTypesRow(2, vector(random))));
		client.insert(name, "recent", List.of(allTypesRow(3, vector(random))));
		SearchResults inPartition = client.search(
				Search.in(name).vector(vector(random)).topK(10).partitions("recent").build());
		assertThat(inPartition.first()).extracting(Hit::longId).containsExactly(3L);
		assertThat(client.query(Query.in(name).partitions("recent").filter("id > 0").build())).hasSize(1);
	}

	@Test
	void whenAsyncOperationsCompleteThenTheyGiveTheSameResults() throws Exception {
		String name = names.collection("async");
		client.createCollection(name, DIM, MetricType.COSINE, true);
		Random random = new Random(10);
		float[] target = vector(random);
		List<Map<String, Object>> rows = List.of(Map.of("vector", target), Map.of("vector", vector(random)));
		MutationResult written = client.async().insert(name, rows).get(10, TimeUnit.SECONDS);
		assertThat(written.ids()).hasSize(2);
		SearchResults results = client.async().search(Search.in(name).vector(target).topK(1).build())
			.get(10, TimeUnit.SECONDS);
		assertThat(results.first().get(0).id()).isEqualTo(written.ids().get(0));
		List<Row> queried = client.async().query(Query.in(name).filter("id > 0").build()).get(10, TimeUnit.SECONDS);
		assertThat(queried).extracting((row) -> row.get("id")).containsExactlyInAnyOrderElementsOf(written.ids());
	}

	@Test
	void whenAnInsertExceedsTheRequestSizeThenItIsSentInBatchesAndEveryRowArrives() {
		try (MilvusClient small = MilvusClient
			.create(MilvusClientOptions.builder().uri(client.options().endpoint().toString()).maxRequestSize(16 * 1024).build())) {
			String name = names.collection("batched");
			small.createCollection(name, DIM, MetricType.L2, false);
			Random random = new Random(11);
			List<Map<String, Object>> rows = new ArrayList<>();
			for (long id = 0; id < 2000; id++) {
				rows.add(Map.of("id", id, "vector", vector(random), "note", "row number " + id));
			}
			MutationResult result = small.insert(name, rows);
			assertThat(result.insertCount()).isEqualTo(2000);
			assertThat(result.ids()).hasSize(2000).doesNotHaveDuplicates();
			assertThat(small.count(name, "")).isEqualTo(2000);
		}
	}

	@Test
	void whenAHybridSearchCombinesTwoVectorFieldsThenTheEntityCloseInBothWins() {
		assumeFeature("hybrid search", "2.4");
		String name = names.collection("hybrid");
		client.createCollection(CollectionSchema.builder(name)
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.floatVector("dense", DIM))
			.field(FieldSchema.floatVector("other", DIM))
			.build());
		client.createIndex(IndexParams.builder(name, "dense").indexType(IndexType.FLAT).metric(MetricType.L2).build());
		client.createIndex(IndexParams.builder(name, "other").indexType(IndexType.FLAT).metric(MetricType.L2).build());
		client.loadCollection(name);
		Random random = new Random(12);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (long id = 0; id < 20; id++) {
			rows.add(Map.of("id", id, "dense", vector(random), "other", vector(random)));
		}
		client.insert(name, rows);
		SearchResults results = client.hybridSearch(HybridSearch.in(name)
			.add(Search.in(name).annsField("dense").vector((float[]) rows.get(5).get("dense")).topK(5).build())
			.add(Search.in(name).annsField("other").vector((float[]) rows.get(5).get("other")).topK(5).build())
			.ranker(Ranker.rrf())
			.topK(3)
			.build());
		assertThat(results.first()).hasSize(3);
		assertThat(results.first().get(0).longId()).isEqualTo(5);
	}

	@Test
	void whenSparseVectorsAreInsertedThenTheyAreSearchableAndReadBackIntact() {
		assumeFeature("sparse vectors", "2.4");
		String name = names.collection("sparse");
		client.createCollection(CollectionSchema.builder(name)
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.builder("sparse", DataType.SPARSE_FLOAT_VECTOR).build())
			.build());
		client.createIndex(IndexParams.builder(name, "sparse")
			.indexType(IndexType.SPARSE_INVERTED_INDEX)
			.metric(MetricType.IP)
			.build());
		client.loadCollection(name);
		SparseVector first = new SparseVector(new int[] { 1, 50, 1000 }, new float[] { 0.5f, 0.25f, 1f });
		SparseVector second = new SparseVector(new int[] { 2, 60 }, new float[] { 0.75f, 0.5f });
		client.insert(name, List.of(Map.of("id", 1L, "sparse", first), Map.of("id", 2L, "sparse", second)));
		SearchResults results = client.search(Search.in(name).vector(second).topK(2).build());
		assertThat(results.first().get(0).longId()).isEqualTo(2L);
		assertThat(client.get(name, List.of(1L), "sparse").get(0).get("sparse")).isEqualTo(first);
	}

	@Test
	void whenANullableFieldIsLeftOutThenItReadsBackAsNullAndADefaultFillsIn() {
		assumeFeature("nullable fields and default values", "2.5");
		String name = names.collection("nullable");
		firstCallOf(NULLABLE_FIELDS, () -> client.createCollection(CollectionSchema.builder(name)
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.floatVector("vector", DIM))
			.field(FieldSchema.builder("note", DataType.VARCHAR).maxLength(20).nullable(true).build())
			.field(FieldSchema.builder("level", DataType.INT32).defaultValue(5).build())
			.build()));
		client.createIndex(IndexParams.builder(name, "vector").indexType(IndexType.FLAT).metric(MetricType.L2).build());
		client.loadCollection(name);
		Random random = new Random(13);
		Map<String, Object> withNull = new java.util.HashMap<>();
		withNull.put("id", 1L);
		withNull.put("vector", vector(random));
		withNull.put("note", null);
		client.insert(name, List.of(withNull, Map.of("id", 2L, "vector", vector(random), "note", "set", "level", 9)));
		List<Row> rows = client.get(name, List.of(1L, 2L), "note", "level");
		assertThat(rows.get(0).get("note")).isNull();
		assertThat(rows.get(0).getInt("level")).isEqualTo(5);
		assertThat(rows.get(1).getString("note")).isEqualTo("set");
		assertThat(rows.get(1).getInt("level")).isEqualTo(9);
	}

	@Test
	void whenACollectionIsRecreatedWithAnotherDimensionThenWritesFollowTheNewSchema() {
		String name = names.collection("recreated");
		client.createCollection(name, DIM, MetricType.L2, false);
		client.insert(name, List.of(Map.of("id", 1L, "vector", vector(new Random(15)))));
		client.dropCollection(name);
		client.createCollection(name, 3, MetricType.L2, false);
		MutationResult result = client.insert(name, List.of(Map.of("id", 2L, "vector", new float[] { 1, 2, 3 })));
		assertThat(result.insertCount()).isEqualTo(1);
		assertThat(client.get(name, List.of(2L), "vector").get(0).getFloatVector("vector")).containsExactly(1, 2, 3);
	}

	@Test
	void whenBareVectorsAreInsertedTheClassicWayThenIdsComeBackAndSearchFindsThem() {
		String auto = names.collection("classic_auto");
		client.createCollection(auto, DIM, MetricType.L2, true);
		Random random = new Random(16);
		List<float[]> vectors = List.of(vector(random), vector(random), vector(random));
		MutationResult generated = client.insertVectors(auto, vectors);
		assertThat(generated.ids()).hasSize(3).doesNotHaveDuplicates();
		assertThat(client.search(Search.in(auto).vector(vectors.get(1)).topK(1).build()).first().get(0).id())
			.isEqualTo(generated.ids().get(1));

		String withIds = names.collection("classic_ids");
		client.createCollection(withIds, DIM, MetricType.L2, false);
		assertThat(client.insertVectors(withIds, List.of(10L, 20L, 30L), vectors).longIds()).containsExactly(10, 20, 30);
		assertThat(client.get(withIds, List.of(20L), "vector").get(0).getFloatVector("vector"))
			.containsExactly(vectors.get(1));
	}

	@Test
	void whenSearchIsGroupedByAFieldThenEachValueAppearsOnceAndConsistencyLevelsAreAccepted() {
		assumeFeature("group-by search", "2.4");
		String name = names.collection("grouped");
		client.createCollection(CollectionSchema.builder(name)
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.floatVector("vector", DIM))
			.field(FieldSchema.varchar("category", 10))
			.build());
		client.createIndex(IndexParams.builder(name, "vector").indexType(IndexType.FLAT).metric(MetricType.L2).build());
		client.loadCollection(name);
		Random random = new Random(17);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (long id = 0; id < 60; id++) {
			rows.add(Map.of("id", id, "vector", vector(random), "category", "c" + (id % 4)));
		}
		client.insert(name, rows);
		for (dev.milvusboot.client.schema.ConsistencyLevel level : dev.milvusboot.client.schema.ConsistencyLevel.values()) {
			SearchResults results = client.search(Search.in(name)
				.vector(vector(random))
				.topK(10)
				.groupBy("category")
				.outputFields("category")
				.consistency(level)
				.build());
			List<Object> categories = results.first().stream().map((hit) -> hit.get("category")).toList();
			assertThat(categories).as(level.name()).hasSize(4).doesNotHaveDuplicates();
		}
	}

}
