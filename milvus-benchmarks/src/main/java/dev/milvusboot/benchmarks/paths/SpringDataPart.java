package dev.milvusboot.benchmarks.paths;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.gson.JsonObject;

import dev.milvusboot.benchmarks.e2e.ProcessContender;
import dev.milvusboot.benchmarks.e2e.Report;
import dev.milvusboot.benchmarks.e2e.Window;
import dev.milvusboot.local.MilvusLocalServer;

/**
 * The repository's overhead over the client, and reactive against blocking concurrency, in one worker JVM with our
 * client ({@link SpringDataDriver}) on a collection of 128-dim AUTOINDEX (COSINE) documents.
 */
final class SpringDataPart {

	private static final int CHECKED_QUERIES = 20;

	private final PathsMain main;

	private final MilvusLocalServer server;

	SpringDataPart(PathsMain main, MilvusLocalServer server) {
		this.main = main;
		this.server = server;
	}

	private ProcessContender start() throws Exception {
		PathsMain.Settings settings = this.main.settings;
		ProcessContender worker = this.main.worker("spring-data", PathsMain.Side.OURS, SpringDataDriver.class,
				this.server.uri(), Integer.toString(settings.rows()));
		JsonObject prepared = worker.call(PathsMain.command("prepare"));
		PathsMain.log("Spring Data collection: " + prepared.get("rows").getAsLong() + " rows");
		return worker;
	}

	/** {@code findTop10ByEmbeddingNear} against the same search through the client, one thread, alternating. */
	PathsResults repository() throws Exception {
		PathsMain.Settings settings = this.main.settings;
		PathsResults results = new PathsResults("repository",
				"Repository overhead: a derived vector search against the client on "
						+ this.server.getClass().getSimpleName() + " " + this.server.serverVersion());
		results.contenders.addAll(List.of("repository", "client"));
		ProcessContender worker = start();
		try {
			JsonObject check = PathsMain.command("check");
			check.addProperty("queries", CHECKED_QUERIES);
			int differing = worker.call(check).get("differing").getAsInt();
			results.notes.add("Same top ids checked before timing (first " + CHECKED_QUERIES + " queries): "
					+ (differing == 0 ? "same" : "DIFFER in " + differing) + ".");
			long serverPid = this.server.pid();
			for (String kind : results.contenders) {
				this.main.window(null, null, worker, kind, 1, settings.warmUp(), 250, serverPid);
			}
			for (int round = 0; round < settings.rounds() * 2; round++) {
				for (String kind : PathsMain.rotated(results.contenders, round)) {
					// one JVM for both, one window after the other: the CPU around a window is that window's
					this.main.window(results, "vector search, 1 thread", kind, worker, kind, 1, settings.seconds(),
							round * 97, serverPid);
				}
			}
		}
		finally {
			worker.close();
		}
		List<Double> ratios = new ArrayList<>();
		List<Window> repository = results.windows("vector search, 1 thread", "repository");
		List<Window> client = results.windows("vector search, 1 thread", "client");
		for (int r = 0; r < repository.size(); r++) {
			ratios.add(Window.percentile(repository.get(r).latenciesMs(), 50)
					/ Window.percentile(client.get(r).latenciesMs(), 50));
		}
		double ratio = Report.median(ratios);
		results.notes.add(String.format(Locale.ROOT, "`repository`: `findTop10ByEmbeddingNear(float[])` of a "
				+ "`MilvusRepository` (entities mapped); `client`: the search it sends (same field, top 10, output "
				+ "fields id, title, embedding), through `MilvusClient.search`, each hit's fields read. %,d rows, one "
				+ "thread, %d windows of %.0f s each, alternating. Target: the repository within 10%% of the client. "
				+ "p50 repository/client paired by window, median: %.3f (%s).", settings.rows(),
				settings.rounds() * 2, settings.seconds(), ratio, ratio <= 1.10 ? "met" : "missed"));
		return results;
	}

	/** Bursts of concurrent searches: reactive template from 2 event loops against blocking on 200 threads. */
	PathsResults reactive() throws Exception {
		PathsMain.Settings settings = this.main.settings;
		PathsResults results = new PathsResults("reactive", settings.searches()
				+ " concurrent searches: reactive against blocking on " + this.server.getClass().getSimpleName() + " "
				+ this.server.serverVersion());
		results.contenders.addAll(List.of("reactive, 2 event loops", "blocking, 200 threads"));
		List<String> modes = List.of("reactive", "blocking");
		ProcessContender worker = start();
		try {
			for (String mode : modes) {
				burst(worker, mode, 0);
			}
			for (int round = 0; round < settings.rounds() * 2; round++) {
				for (String mode : PathsMain.rotated(modes, round)) {
					JsonObject answer = burst(worker, mode, round * 997);
					int index = modes.indexOf(mode);
					String name = results.contenders.get(index);
					double elapsed = answer.get("elapsed").getAsDouble();
					int before = answer.get("threadsBefore").getAsInt();
					int peak = answer.get("peakThreads").getAsInt();
					results.rate("searches/s ↑", name, settings.searches() / elapsed);
					results.rate("peak live threads of the JVM", name, peak);
					results.rate("threads added during the burst", name, peak - before);
					PathsMain.log(String.format(Locale.ROOT, "  %s: %.2f s, %.0f searches/s, threads %d -> peak %d",
							name, elapsed, settings.searches() / elapsed, before, peak));
				}
			}
		}
		finally {
			worker.close();
		}
		double throughput = results.rateMedian("searches/s ↑", results.contenders.get(0))
				/ results.rateMedian("searches/s ↑", results.contenders.get(1));
		String peakThreads = "peak live threads of the JVM";
		double threads = results.rateMedian(peakThreads, results.contenders.get(0))
				/ results.rateMedian(peakThreads, results.contenders.get(1));
		results.notes.add(String.format(Locale.ROOT, "Each burst: %,d searches (top 10, 128 dims, AUTOINDEX, %,d rows) "
				+ "started at once and awaited. Reactive: `ReactiveMilvusTemplate.search(Search)` flat-mapped with "
				+ "concurrency %,d, subscribed on a Reactor parallel scheduler of 2 threads; blocking: "
				+ "`MilvusClient.search(Search)` on a fixed pool of 200 threads. One client (our defaults) for both, "
				+ "in one JVM; %d bursts each, alternating. Threads: the JVM's live threads at the peak "
				+ "(`ThreadMXBean`) and their growth over the count before the burst (the client's own threads "
				+ "exist before). Target: reactive ≥ 1.0× the blocking throughput with ≤ 1/10 of its threads: "
				+ "throughput ratio %.2f, peak threads ratio %.3f (%s).", settings.searches(), settings.rows(),
				settings.searches(), settings.rounds() * 2, throughput, threads,
				(throughput >= 1.0 && threads <= 0.1) ? "met" : "missed"));
		return results;
	}

	private JsonObject burst(ProcessContender worker, String mode, int offset) throws Exception {
		JsonObject command = PathsMain.command("burst");
		command.addProperty("mode", mode);
		command.addProperty("searches", this.main.settings.searches());
		command.addProperty("offset", offset);
		return worker.call(command);
	}

}
