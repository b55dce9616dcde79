package dev.milvusboot.benchmarks.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The Markdown report of one server's end-to-end results: medians, ratios to the SDK, and the targets. */
public final class Report {

	private static final String OURS = "ours";

	private static final String SDK = "SDK";

	private Report() {
	}

	public static double median(List<Double> values) {
		if (values == null || values.isEmpty()) {
			return Double.NaN;
		}
		return Window.percentile(values.stream().mapToDouble(Double::doubleValue).toArray(), 50);
	}

	/** The median over the windows (rounds) of each window's calls per second. */
	public static double medianThroughput(List<Window> windows) {
		return median(windows.stream().map(Window::throughput).toList());
	}

	/** A percentile of the latencies of all windows' calls together. */
	public static double pooledPercentile(List<Window> windows, double percent) {
		double[] all = new double[0];
		for (Window window : windows) {
			all = Window.concat(all, window.latenciesMs());
		}
		return Window.percentile(all, percent);
	}

	static int calls(List<Window> windows) {
		return windows.stream().mapToInt((window) -> window.latenciesMs().length).sum();
	}

	static String markdown(EndToEndMain.Results results, EndToEndMain.Settings settings) {
		StringBuilder out = new StringBuilder();
		List<String> clients = results.contenders;
		String title = switch (results.server) {
			case "standalone" -> "Milvus 2.3 standalone";
			case "lite" -> "Milvus Lite";
			default -> "Milvus";
		};
		out.append(String.format(Locale.ROOT, "### End to end on %s (%s)%n%n", title, results.versions.get("server")));
		out.append(String.format(Locale.ROOT,
				"ours %s, official SDK %s, pymilvus %s, alternating A B C against %s; %.1f minutes.%n",
				results.versions.get(OURS), results.versions.get(SDK), results.versions.get("pymilvus"), results.uri,
				results.minutes));
		out.append(String.format(Locale.ROOT,
				"Insert: %,d rows × %d dims per client in batches of %,d, %d rounds (rows/s: median of the rounds). "
						+ "Search: %,d × %d-dim loaded collection, %s, top %d, bounded consistency, %d rounds × "
						+ "%.0f s per client and thread count (throughput: median of the rounds; p50/p99: all calls). "
						+ "Get by id (id and vector): 1 thread, %.0f s per round.%n%n",
				results.insertedRows, EndToEndMain.INSERT_DIM, EndToEndMain.BATCH_ROWS,
				results.insertRates.getOrDefault(OURS, List.of()).size(), results.searchRowsLoaded,
				EndToEndMain.SEARCH_DIM, results.index, Contender.TOP_K, results.searchRounds,
				settings.searchSeconds(), settings.getSeconds()));
		out.append("| metric | ").append(String.join(" | ", clients)).append(" | ours/SDK | pymilvus/SDK |\n");
		out.append("|---|").append("---:|".repeat(clients.size() + 2)).append('\n');
		row(out, clients, "insert rows/s ↑", (c) -> median(results.insertRates.get(c)), "%,.0f");
		for (int threads : settings.threads()) {
			String suffix = (threads == 1) ? " thread" : " threads";
			row(out, clients, "search/s, " + threads + suffix + " ↑",
					(c) -> medianThroughput(results.search(c, threads)), "%,.1f");
			row(out, clients, "search p50 ms, " + threads + suffix,
					(c) -> pooledPercentile(results.search(c, threads), 50), "%.2f");
			row(out, clients, "search p99 ms, " + threads + suffix,
					(c) -> pooledPercentile(results.search(c, threads), 99), "%.2f");
		}
		row(out, clients, "get by id p50 ms", (c) -> pooledPercentile(results.gets.get(c), 50), "%.2f");
		row(out, clients, "get by id p99 ms", (c) -> pooledPercentile(results.gets.get(c), 99), "%.2f");
		row(out, clients, "client CPU µs per search", results::clientCpuPerSearch, "%,.0f");
		row(out, clients, "server CPU µs per search", results::serverCpuPerSearch, "%,.0f");
		out.append('\n');
		List<String> perRequest = new ArrayList<>();
		for (int threads : settings.threads()) {
			long calls = 0;
			long requests = 0;
			for (Window window : results.search(OURS, threads)) {
				calls += window.latenciesMs().length;
				requests += Math.max(0, window.requests());
			}
			if (requests > 0) {
				perRequest.add(String.format(Locale.ROOT, "%d thr. %.2f", threads, calls / (double) requests));
			}
		}
		if (!perRequest.isEmpty()) {
			out.append("Searches per request sent by ours (concurrent searches of one shape are combined): ")
				.append(String.join(", ", perRequest))
				.append(".\n\n");
		}
		out.append("Insert rows/s per round: ");
		List<String> perRound = new ArrayList<>();
		for (String client : clients) {
			perRound.add(client + " " + String.join(", ", results.insertRates.getOrDefault(client, List.of())
				.stream()
				.map((rate) -> String.format(Locale.ROOT, "%,.0f", rate))
				.toList()));
		}
		out.append(String.join("; ", perRound)).append(". Calls measured (search, all thread counts / get): ");
		List<String> counts = new ArrayList<>();
		for (String client : clients) {
			int searches = results.searches.getOrDefault(client, Map.of())
				.values()
				.stream()
				.mapToInt(Report::calls)
				.sum();
			counts.add(String.format(Locale.ROOT, "%s %,d / %,d", client, searches,
					calls(results.gets.getOrDefault(client, List.of()))));
		}
		out.append(String.join("; ", counts))
			.append(".\n\nPaired by round (ours/SDK within each round, then the median over the rounds; less exposed "
					+ "to drift between rounds): ");
		List<String> paired = new ArrayList<>();
		for (int threads : settings.threads()) {
			List<Window> ours = results.search(OURS, threads);
			List<Window> sdk = results.search(SDK, threads);
			List<Double> throughput = new ArrayList<>();
			List<Double> p99 = new ArrayList<>();
			for (int r = 0; r < Math.min(ours.size(), sdk.size()); r++) {
				throughput.add(ours.get(r).throughput() / sdk.get(r).throughput());
				p99.add(Window.percentile(ours.get(r).latenciesMs(), 99)
						/ Window.percentile(sdk.get(r).latenciesMs(), 99));
			}
			paired.add(String.format(Locale.ROOT, "%d thr. search/s %.2f, p99 %.2f", threads, median(throughput),
					median(p99)));
		}
		List<Window> ourGets = results.gets.getOrDefault(OURS, List.of());
		List<Window> sdkGets = results.gets.getOrDefault(SDK, List.of());
		List<Double> getP50 = new ArrayList<>();
		for (int r = 0; r < Math.min(ourGets.size(), sdkGets.size()); r++) {
			getP50.add(Window.percentile(ourGets.get(r).latenciesMs(), 50)
					/ Window.percentile(sdkGets.get(r).latenciesMs(), 50));
		}
		paired.add(String.format(Locale.ROOT, "get p50 %.2f", median(getP50)));
		out.append(String.join("; ", paired)).append(". CPU per search: the client's own process (a JVM of its own for each Java client, JIT and GC ")
			.append("included; the Python process) and the server's process tree, over the search windows. ")
			.append("Load average (other work on the machine) before / after: ")
			.append(results.loadBefore)
			.append(" / ")
			.append(results.loadAfter)
			.append(".\n\n");
		targets(out, results, settings);
		return out.toString();
	}

	private static void row(StringBuilder out, List<String> clients, String metric, ToDoubleFunction<String> value,
			String format) {
		out.append("| ").append(metric).append(" | ");
		for (String client : clients) {
			out.append(String.format(Locale.ROOT, format, value.applyAsDouble(client))).append(" | ");
		}
		double sdk = value.applyAsDouble(SDK);
		out.append(String.format(Locale.ROOT, "%.2f | %.2f |%n", value.applyAsDouble(OURS) / sdk,
				value.applyAsDouble("pymilvus") / sdk));
	}

	private static void targets(StringBuilder out, EndToEndMain.Results results, EndToEndMain.Settings settings) {
		boolean standalone = !results.server.equals("lite");
		double factor = standalone ? 1.2 : 1.0;
		out.append(standalone
				? "Targets (Milvus 2.3): insert and search throughput ≥ 1.2× the SDK's, p99 below the SDK's at every "
						+ "thread count.\n\n"
				: "Targets (Milvus Lite): never behind the SDK (throughput ≥ 1.0×, latency ≤ 1.0×).\n\n");
		check(out, "insert rows/s", median(results.insertRates.get(OURS)) / median(results.insertRates.get(SDK)),
				factor, true);
		for (int threads : settings.threads()) {
			check(out, "search/s, " + threads + " thr.",
					medianThroughput(results.search(OURS, threads)) / medianThroughput(results.search(SDK, threads)),
					factor, true);
			if (!standalone) {
				check(out, "search p50, " + threads + " thr.", pooledPercentile(results.search(OURS, threads), 50)
						/ pooledPercentile(results.search(SDK, threads), 50), 1.0, false);
			}
			check(out, "search p99, " + threads + " thr.", pooledPercentile(results.search(OURS, threads), 99)
					/ pooledPercentile(results.search(SDK, threads), 99), 1.0, false);
		}
		if (!standalone) {
			check(out, "get p50", pooledPercentile(results.gets.get(OURS), 50)
					/ pooledPercentile(results.gets.get(SDK), 50), 1.0, false);
			check(out, "get p99", pooledPercentile(results.gets.get(OURS), 99)
					/ pooledPercentile(results.gets.get(SDK), 99), 1.0, false);
		}
		out.append('\n');
	}

	private static void check(StringBuilder out, String metric, double ratio, double target, boolean higherIsBetter) {
		boolean met = higherIsBetter ? ratio >= target : ratio <= target;
		out.append(String.format(Locale.ROOT, "- %s: ours/SDK %.2f (%s %.1f) %s%n", metric, ratio,
				higherIsBetter ? "≥" : "≤", target, met ? "✅" : "❌"));
	}

}
