package dev.milvusboot.benchmarks.paths;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.Gson;

import dev.milvusboot.benchmarks.e2e.ProcessContender;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.api.sync.MilvusCommands;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.client.schema.SchemaFunction;
import dev.milvusboot.local.MilvusLite;

/**
 * Full-text (BM25) and hybrid (dense + BM25, RRF) search on Milvus Lite 3.2: one collection (id, analyzed text,
 * its BM25 sparse output, a 128-dim dense vector with an HNSW index), searched by ours (defaults, and with search
 * coalescing off), the official SDK and pymilvus, each in its own process, at each thread count. The same top ids
 * are checked before timing.
 */
final class TextPart {

	private static final int CHECKED_QUERIES = 20;

	private final PathsMain main;

	private final MilvusLite lite;

	TextPart(PathsMain main, MilvusLite lite) {
		this.main = main;
		this.lite = lite;
	}

	PathsResults run() throws Exception {
		PathsMain.Settings settings = this.main.settings;
		String uri = this.lite.uri();
		String collection = "paths_text_" + (System.currentTimeMillis() % 1_000_000);
		PathsResults results = new PathsResults("text", "Full-text (BM25) and hybrid search on Milvus Lite "
				+ this.lite.serverVersion());
		try (MilvusClient owner = MilvusClient.create(uri)) {
			MilvusCommands admin = owner.withTimeout(Duration.ofMinutes(10));
			long begin = System.nanoTime();
			create(admin, collection, settings.textRows());
			PathsMain.log(String.format(Locale.ROOT, "Text collection %s: %d documents, loaded in %.1f s", collection,
					admin.count(collection, ""), (System.nanoTime() - begin) / 1e9));
			Path queries = this.main.work.resolve("text-queries.json");
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("texts", PathsData.textQueries());
			json.put("dense", PathsData.denseQueries());
			Files.writeString(queries, new Gson().toJson(json));
			this.main.resource("e2e/pymilvus_contender.py", "pymilvus_contender.py");
			Path script = this.main.resource("paths/pymilvus_paths.py", "pymilvus_paths.py");
			List<ProcessContender> contenders = new ArrayList<>();
			try {
				contenders.add(this.main.worker("ours", PathsMain.Side.OURS, OurTextDriver.class, uri, collection));
				contenders.add(this.main.worker("SDK", PathsMain.Side.SDK, SdkTextDriver.class, uri, collection));
				contenders.add(this.main.worker("ours, coalescing off", PathsMain.Side.OURS, OurTextDriver.class, uri,
						collection, "coalescing-off"));
				contenders.add(ProcessContender.start("pymilvus", List.of(this.lite.pythonExecutable().toString(),
						script.toString(), uri, collection, queries.toString()), this.main.work.resolve("pymilvus.log")));
				contenders.forEach((c) -> results.contenders.add(c.name()));
				for (String kind : List.of("text", "hybrid")) {
					this.main.checkSameIds(results, contenders, kind, CHECKED_QUERIES);
				}
				measure(results, contenders, settings);
			}
			finally {
				PathsMain.closeAll(contenders);
				admin.dropCollection(collection);
			}
		}
		results.notes.add(String.format(Locale.ROOT, "%,d documents of 16 words (a skewed vocabulary of 3,000 made-up "
				+ "words; standard tokenizer, lowercase), BM25 into a sparse field (SPARSE_INVERTED_INDEX); dense 128 "
				+ "dims, HNSW (COSINE, M 16, efConstruction 200). `text`: a 2- or 3-word query, top %d. `hybrid`: dense "
				+ "(ef %d, top %d) + text (top %d), RRF k %d, top %d. Bounded consistency, ids only. Each contender in "
				+ "its own process (Java: `%s`), order rotated every cell and round. Throughput: median of the rounds; "
				+ "p50/p99: all calls; client CPU: the process's CPU time over its windows / calls.",
				settings.textRows(), TextSearches.TOP_K, TextSearches.EF, TextSearches.TOP_K, TextSearches.TOP_K,
				TextSearches.RRF_K, TextSearches.TOP_K, String.join(" ", settings.workerJvmOptions())));
		return results;
	}

	private void measure(PathsResults results, List<ProcessContender> contenders, PathsMain.Settings settings)
			throws Exception {
		long serverPid = this.lite.pid();
		PathsMain.log("Text warm-up: " + settings.warmUp() + " s per contender, kind and thread count");
		for (ProcessContender contender : contenders) {
			for (String kind : List.of("text", "hybrid")) {
				for (int threads : settings.threads()) {
					this.main.window(null, null, contender, kind, threads, settings.warmUp(), 250, serverPid);
				}
			}
		}
		int cellIndex = 0;
		for (int round = 0; round < settings.rounds(); round++) {
			for (String kind : List.of("text", "hybrid")) {
				for (int threads : settings.threads()) {
					String cell = kind + ", " + threads + (threads == 1 ? " thread" : " threads");
					for (ProcessContender contender : PathsMain.rotated(contenders, round + cellIndex++)) {
						this.main.window(results, cell, contender, kind, threads, settings.seconds(), round * 97,
								serverPid);
					}
				}
			}
		}
	}

	/** Creates, fills, indexes and loads the collection. */
	static void create(MilvusCommands admin, String collection, int rows) {
		admin.createCollection(CollectionSchema.builder(collection)
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.analyzedText(TextSearches.TEXT, 1000,
					Map.of("tokenizer", "standard", "filter", List.of("lowercase"))))
			.field(FieldSchema.sparseVector(TextSearches.SPARSE))
			.field(FieldSchema.floatVector(TextSearches.DENSE, PathsData.TEXT_DENSE_DIM))
			.function(SchemaFunction.bm25("bm25", TextSearches.TEXT, TextSearches.SPARSE))
			.dynamicField(false)
			.build());
		float[][] dense = PathsData.documentVectors(rows);
		List<Map<String, Object>> batch = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", (long) i);
			row.put(TextSearches.TEXT, PathsData.documentText(i));
			row.put(TextSearches.DENSE, dense[i]);
			batch.add(row);
			if (batch.size() == 2_000 || i == rows - 1) {
				admin.insert(collection, batch);
				batch = new ArrayList<>();
			}
		}
		admin.flush(collection);
		admin.createIndex(IndexParams.builder(collection, TextSearches.SPARSE)
			.indexType(IndexType.SPARSE_INVERTED_INDEX)
			.metric(MetricType.BM25)
			.build(), true);
		admin.createIndex(IndexParams.builder(collection, TextSearches.DENSE)
			.indexType(IndexType.HNSW)
			.metric(MetricType.COSINE)
			.param("M", 16)
			.param("efConstruction", 200)
			.build(), true);
		admin.loadCollection(collection);
	}

}
