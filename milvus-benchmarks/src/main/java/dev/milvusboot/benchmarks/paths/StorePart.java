package dev.milvusboot.benchmarks.paths;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.gson.JsonObject;

import dev.milvusboot.benchmarks.e2e.CpuMeter;
import dev.milvusboot.benchmarks.e2e.ProcessContender;
import dev.milvusboot.local.MilvusLocalServer;

/**
 * The framework stores, ours against the official integrations, each in a JVM of its own on one server: add
 * throughput (documents with pre-computed 768-dim embeddings, in batches, over rounds, order rotated every round)
 * and single-thread similarity-search latency (top 10, rounds of windows, order rotated) at each store's default
 * consistency and, like for like, ours at the official store's level. Spring AI and LangChain4j are two results,
 * each with its own pair of contenders, measured alternately. Each store is warmed up before measuring
 * ({@code --store-warm-up-adds} add calls, {@value #WARM_UP_BATCHES} by default, and {@code --store-warm-up} seconds of
 * searches, {@value #SEARCH_WARM_UP_SECONDS} by default), so that the figures are not the JIT's.
 */
final class StorePart {

	private static final int CHECKED_QUERIES = 10;

	/**
	 * Add calls of each store before the measured ones (documents past the measured ones), by default: the per-document
	 * code runs 100 times a call and reaches the C2 compiler only after some 10,000 runs; after 30 calls the JIT still
	 * compiled 12–17 ms per 100 documents during the measured calls (smoke run on a loaded machine).
	 */
	static final int WARM_UP_BATCHES = 150;

	/** Seconds of searches of each store before the measured ones, by default. */
	static final double SEARCH_WARM_UP_SECONDS = 10;

	/** The cell of searches at each store's default consistency. */
	static final String DEFAULT_CELL = "similarity search, 1 thread, each store's default consistency";

	private final PathsMain main;

	private final MilvusLocalServer server;

	StorePart(PathsMain main, MilvusLocalServer server) {
		this.main = main;
		this.server = server;
	}

	List<PathsResults> run() throws Exception {
		PathsMain.Settings settings = this.main.settings;
		String rows = Integer.toString(settings.storeRows() + settings.storeWarmUpAdds() * settings.batch());
		String suffix = Long.toString(System.currentTimeMillis() % 1_000_000);
		String serverName = this.server.getClass().getSimpleName() + " " + this.server.serverVersion();
		PathsResults springAi = new PathsResults("spring-ai", "Spring AI VectorStore on " + serverName);
		PathsResults langChain4j = new PathsResults("langchain4j", "LangChain4j EmbeddingStore on " + serverName);
		List<ProcessContender> all = new ArrayList<>();
		try {
			// one after the other, each preparing its collection before the next starts (a loaded server)
			ProcessContender ourSpringAi = start(all, "ours (Spring AI)", PathsMain.Side.OURS, OurSpringAiDriver.class,
					rows, "paths_sa_ours_" + suffix);
			ProcessContender officialSpringAi = start(all, "official (Spring AI)", PathsMain.Side.SDK,
					OfficialSpringAiDriver.class, rows, "paths_sa_official_" + suffix);
			ProcessContender ourLangChain4j = start(all, "ours (LangChain4j)", PathsMain.Side.OURS,
					OurLangChain4jDriver.class, rows, "paths_lc_ours_" + suffix);
			ProcessContender officialLangChain4j = start(all, "official (LangChain4j)", PathsMain.Side.SDK,
					OfficialLangChain4jDriver.class, rows, "paths_lc_official_" + suffix);
			springAi.contenders.addAll(List.of(ourSpringAi.name(), officialSpringAi.name()));
			langChain4j.contenders.addAll(List.of(ourLangChain4j.name(), officialLangChain4j.name()));
			add(all, settings, springAi, langChain4j);
			// bounded and eventual consistency: let every store see its own rows before checking and searching
			Thread.sleep(6_000);
			for (String kind : List.of(StoreDriver.SEARCH, StoreDriver.SEARCH_AT_OFFICIAL_CONSISTENCY)) {
				this.main.checkSameIds(springAi, List.of(ourSpringAi, officialSpringAi), kind, CHECKED_QUERIES);
				this.main.checkSameIds(langChain4j, List.of(ourLangChain4j, officialLangChain4j), kind,
						CHECKED_QUERIES);
			}
			search(all, settings, springAi, langChain4j);
		}
		finally {
			PathsMain.closeAll(all);
		}
		for (PathsResults results : List.of(springAi, langChain4j)) {
			results.notes.add(String.format(Locale.ROOT, "%,d documents per store (text of about 150 characters, two "
					+ "metadata entries, a pre-computed 768-dim embedding), added %d per call over %d rounds after %d "
					+ "warm-up calls (docs/s from the add calls' wall time; documents built before each call; the "
					+ "collection searched holds the warm-up's documents too, %,d in all). Both "
					+ "stores of a framework on FLAT (COSINE), other settings their defaults. Reads: the official Spring "
					+ "AI store searches with Strong consistency (its latency includes the server's wait for the next "
					+ "time tick), the official LangChain4j store with Eventually; ours by default with the client's "
					+ "read-your-writes (session consistency at its last write: no wait when it wrote nothing "
					+ "recently). Row `%s`: each store as configured by default. Row `%s`: ours through a second store "
					+ "on the same collection configured with the official store's level (Spring AI: Strong, "
					+ "LangChain4j: Eventually and, as the official store's default, matches without their embeddings; "
					+ "ours returns them by default), the official store as always (measured again in that row's "
					+ "windows). "
					+ "Spring AI stores embed through the same lookup `EmbeddingModel` with one batch per add (no token "
					+ "counting). Search: one thread, top %d, a pre-computed query embedding, %.0f s windows after %.0f s "
					+ "of warm-up per store, order rotated every round. Each store in its own JVM (ours without the SDK "
					+ "on the class path, the official one without our modules and grpc-java). Add CPU: the client's is "
					+ "the whole worker process during the round (documents built before each call, the calling "
					+ "thread, gRPC's threads, GC, JIT); of that, the calling thread's is what the store and its client "
					+ "spend turning documents into the request; JIT compilation is the compilers' time during the "
					+ "calls (what a short warm-up leaves in the client figure).",
					settings.storeRows(), settings.batch(), settings.rounds(), settings.storeWarmUpAdds(),
					settings.storeRows() + settings.storeWarmUpAdds() * settings.batch(), DEFAULT_CELL,
					officialCell(results), StoreDriver.TOP_K, settings.seconds(), searchWarmUp(settings)));
		}
		return List.of(springAi, langChain4j);
	}

	private void add(List<ProcessContender> all, PathsMain.Settings settings, PathsResults springAi,
			PathsResults langChain4j) throws Exception {
		int perRound = settings.storeRows() / settings.rounds();
		PathsMain.log("Add warm-up: " + settings.storeWarmUpAdds() + " calls per store");
		for (ProcessContender contender : all) {
			for (int b = 0; b < settings.storeWarmUpAdds(); b++) {
				add(contender, settings.storeRows() + b * settings.batch(), settings.batch());
			}
		}
		for (int round = 0; round < settings.rounds(); round++) {
			StringBuilder line = new StringBuilder("add round " + (round + 1) + ":");
			for (ProcessContender contender : PathsMain.rotated(all, round)) {
				double seconds = 0;
				long callerCpu = 0;
				long jitMillis = 0;
				long client = CpuMeter.process(contender.pid());
				long server = CpuMeter.tree(this.server.pid());
				for (int first = round * perRound; first < (round + 1) * perRound; first += settings.batch()) {
					JsonObject answer = add(contender, first, settings.batch());
					seconds += answer.get("seconds").getAsDouble();
					callerCpu += answer.get("callerCpuNanos").getAsLong();
					jitMillis += answer.get("jitMillis").getAsLong();
				}
				double rate = perRound / seconds;
				PathsResults results = results(contender, springAi, langChain4j);
				results.rate("add docs/s ↑", contender.name(), rate);
				results.rate("add: client CPU ms per 100 docs", contender.name(),
						(CpuMeter.process(contender.pid()) - client) / 1e6 / perRound * 100);
				results.rate("add: of that, the calling thread's CPU ms per 100 docs",
						contender.name(), callerCpu / 1e6 / perRound * 100);
				results.rate("add: JIT compilation ms per 100 docs", contender.name(),
						(double) jitMillis / perRound * 100);
				results.rate("add: server CPU ms per 100 docs", contender.name(),
						(CpuMeter.tree(this.server.pid()) - server) / 1e6 / perRound * 100);
				line.append(String.format(Locale.ROOT, " %s %.0f docs/s", contender.name(), rate));
			}
			PathsMain.log(line.toString());
		}
	}

	/** Starts a store's worker, adds it to {@code all} and has it create its collection. */
	private ProcessContender start(List<ProcessContender> all, String name, PathsMain.Side side,
			Class<? extends StoreDriver> driver, String rows, String collection) throws Exception {
		ProcessContender worker = this.main.worker(name, side, driver, this.server.uri(), rows, collection);
		all.add(worker);
		worker.call(PathsMain.command("prepare"));
		return worker;
	}

	/**
	 * One add call of documents {@code first ...}; its answer: wall time ({@code seconds}), the calling thread's CPU
	 * ({@code callerCpuNanos}) and the JIT's compilation time during it ({@code jitMillis}).
	 */
	private static JsonObject add(ProcessContender contender, int first, int count) throws Exception {
		JsonObject command = PathsMain.command("add");
		command.addProperty("first", first);
		command.addProperty("count", count);
		return contender.call(command);
	}

	private void search(List<ProcessContender> all, PathsMain.Settings settings, PathsResults springAi,
			PathsResults langChain4j) throws Exception {
		long serverPid = this.server.pid();
		PathsMain.log(String.format(Locale.ROOT, "Search warm-up: %.0f s per store, then %.0f s at the official "
				+ "consistency", searchWarmUp(settings), settings.warmUp()));
		for (ProcessContender contender : all) {
			this.main.window(null, null, contender, StoreDriver.SEARCH, 1, searchWarmUp(settings), 250, serverPid);
			this.main.window(null, null, contender, StoreDriver.SEARCH_AT_OFFICIAL_CONSISTENCY, 1, settings.warmUp(),
					250, serverPid);
		}
		for (int round = 0; round < settings.rounds(); round++) {
			for (ProcessContender contender : PathsMain.rotated(all, round)) {
				PathsResults results = results(contender, springAi, langChain4j);
				this.main.window(results, DEFAULT_CELL, contender, StoreDriver.SEARCH, 1, settings.seconds(),
						round * 97, serverPid);
				this.main.window(results, officialCell(results), contender, StoreDriver.SEARCH_AT_OFFICIAL_CONSISTENCY,
						1, settings.seconds(), round * 97, serverPid);
			}
		}
	}

	private static double searchWarmUp(PathsMain.Settings settings) {
		return settings.storeWarmUpSeconds();
	}

	/** The cell of searches at the official store's consistency level. */
	private static String officialCell(PathsResults results) {
		return "similarity search, 1 thread, ours at the official store's consistency ("
				+ (results.part.equals("spring-ai") ? "Strong" : "Eventually, no embeddings returned") + ")";
	}

	private static PathsResults results(ProcessContender contender, PathsResults springAi, PathsResults langChain4j) {
		return springAi.contenders.contains(contender.name()) ? springAi : langChain4j;
	}

}
