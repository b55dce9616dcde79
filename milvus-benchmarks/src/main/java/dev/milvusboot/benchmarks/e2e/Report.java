package dev.milvusboot.benchmarks.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The Markdown report of one server's fair end-to-end results: per thread count and contender, the median of the
 * rounds, the median of the per-round ratios to the SDK with one shared client (and their spread over the rounds),
 * latencies, client and server CPU per search; inserts and gets likewise; the targets.
 */
public final class Report {

	private static final String OURS = "ours";

	private static final String OURS_OFF = "ours-off";

	private static final String SDK = EndToEndMain.REFERENCE;

	private Report() {
	}

	/**
	 * A ratio to the reference, per round, summarised.
	 * @param median the median over the rounds
	 * @param min the lowest round
	 * @param max the highest round
	 * @param rounds the rounds paired
	 */
	record Ratio(double median, double min, double max, int rounds) {

		static Ratio of(List<Double> ratios) {
			List<Double> finite = ratios.stream().filter((r) -> !r.isNaN() && !r.isInfinite()).toList();
			if (finite.isEmpty()) {
				return new Ratio(Double.NaN, Double.NaN, Double.NaN, 0);
			}
			return new Ratio(Report.median(finite), finite.stream().mapToDouble(Double::doubleValue).min().getAsDouble(),
					finite.stream().mapToDouble(Double::doubleValue).max().getAsDouble(), finite.size());
		}

		/** {@code 1.02 (0.97–1.08)}, or {@code 1.02} for one round. */
		String format() {
			if (this.rounds == 0) {
				return "–";
			}
			if (this.rounds == 1) {
				return String.format(Locale.ROOT, "%.2f", this.median);
			}
			return String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", this.median, this.min, this.max);
		}

	}

	/** The median (of an even number: the mean of the middle two), NaNs left out; NaN when none is left. */
	public static double median(List<Double> values) {
		if (values == null) {
			return Double.NaN;
		}
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).filter((v) -> !Double.isNaN(v)).sorted()
			.toArray();
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/** The {@code index}-th value of each row. */
	static List<Double> column(List<double[]> rows, int index) {
		return rows.stream().map((row) -> row[index]).toList();
	}

	/** The median over the windows (rounds) of each window's searches (or calls) per second. */
	public static double medianThroughput(List<Window> windows) {
		return median(windows.stream().map(Window::throughput).toList());
	}

	/** A percentile of the latencies of all windows' calls together. */
	public static double pooledPercentile(List<Window> windows, double percent) {
		if (windows == null) {
			return Double.NaN;
		}
		double[] all = new double[0];
		for (Window window : windows) {
			all = Window.concat(all, window.latenciesMs());
		}
		return Window.percentile(all, percent);
	}

	static int calls(List<Window> windows) {
		return windows.stream().mapToInt((window) -> window.latenciesMs().length).sum();
	}

	/** The client's CPU µs per search over all windows together, or NaN where not known. */
	static double clientCpuPerSearch(List<Window> windows) {
		return perSearch(windows, Window::cpuNanos);
	}

	/** The server's CPU µs per search over all windows together, or NaN where not known. */
	static double serverCpuPerSearch(List<Window> windows) {
		return perSearch(windows, Window::serverCpuNanos);
	}

	private static double perSearch(List<Window> windows, java.util.function.ToLongFunction<Window> nanos) {
		long cpu = 0;
		long searches = 0;
		for (Window window : windows) {
			if (nanos.applyAsLong(window) < 0) {
				return Double.NaN;
			}
			cpu += nanos.applyAsLong(window);
			searches += window.searches();
		}
		return (searches == 0) ? Double.NaN : cpu / 1e3 / searches;
	}

	/** Searches per request sent over all windows, or NaN where not known. */
	static double searchesPerRequest(List<Window> windows) {
		long searches = 0;
		long requests = 0;
		for (Window window : windows) {
			if (window.requests() <= 0) {
				return Double.NaN;
			}
			searches += window.searches();
			requests += window.requests();
		}
		return (requests == 0) ? Double.NaN : searches / (double) requests;
	}

	/** A search metric of {@code contender} over the SDK's in the same round, summarised over the rounds. */
	static Ratio searchRatio(EndToEndMain.Results results, String contender, int threads,
			ToDoubleFunction<Window> metric) {
		List<Window> ours = results.search(contender, threads);
		List<Window> sdk = results.search(SDK, threads);
		List<Double> ratios = new ArrayList<>();
		for (int r = 0; r < Math.min(ours.size(), sdk.size()); r++) {
			ratios.add(metric.applyAsDouble(ours.get(r)) / metric.applyAsDouble(sdk.get(r)));
		}
		return Ratio.of(ratios);
	}

	/** An insert metric (0: rows/s, 1: CPU µs per row) over the SDK's in the same round, over the rounds. */
	static Ratio insertRatio(EndToEndMain.Results results, String contender, int index) {
		List<double[]> ours = results.inserts.getOrDefault(contender, List.of());
		List<double[]> sdk = results.inserts.getOrDefault(SDK, List.of());
		List<Double> ratios = new ArrayList<>();
		for (int r = 0; r < Math.min(ours.size(), sdk.size()); r++) {
			ratios.add(ours.get(r)[index] / sdk.get(r)[index]);
		}
		return Ratio.of(ratios);
	}

	private static Ratio getRatio(EndToEndMain.Results results, String contender, double percent) {
		List<Window> ours = results.gets.getOrDefault(contender, List.of());
		List<Window> sdk = results.gets.getOrDefault(SDK, List.of());
		List<Double> ratios = new ArrayList<>();
		for (int r = 0; r < Math.min(ours.size(), sdk.size()); r++) {
			ratios.add(Window.percentile(ours.get(r).latenciesMs(), percent)
					/ Window.percentile(sdk.get(r).latenciesMs(), percent));
		}
		return Ratio.of(ratios);
	}

	static String markdown(EndToEndMain.Results results, EndToEndMain.Settings settings) {
		StringBuilder out = new StringBuilder();
		String title = switch (results.server) {
			case "standalone" -> "Milvus 2.3 standalone";
			case "lite" -> "Milvus Lite";
			default -> "Milvus";
		};
		out.append(String.format(Locale.ROOT, "### Fair end to end on %s (%s)%n%n", title,
				results.versions.get("server")));
		out.append(String.format(Locale.ROOT,
				"ours %s, official SDK %s, pymilvus %s, JDK %s, %d cores, against %s; %.1f minutes; load average "
						+ "before / after: %s / %s. Each contender is a process of its own (Java: `%s`); the order "
						+ "of the contenders rotates in every insert round, every search window (per round and "
						+ "thread count) and every get round.%n%n",
				results.versions.get(OURS), results.versions.get(SDK), results.versions.get("pymilvus"),
				results.versions.get("java"), results.cores, results.uri, results.minutes, results.loadBefore,
				results.loadAfter, String.join(" ", settings.workerJvmOptions())));
		out.append("| contender | what it is |\n|---|---|\n");
		for (EndToEndMain.Spec spec : results.contenders) {
			out.append("| ").append(spec.name()).append(" | ").append(spec.description()).append(" |\n");
		}
		out.append('\n');
		out.append(String.format(Locale.ROOT,
				"Search: %,d × %d-dim loaded collection, %s, top %d, bounded consistency; %d round(s) × %.0f s per "
						+ "contender and thread count after %.0f s of warm-up each. Batching contenders send B query "
						+ "vectors per request on each thread (B by thread count: %s%s); a thread count where B is 1 is "
						+ "skipped for them, and their latency is that of a whole request. Throughput: searches (query "
						+ "vectors) per second, median of the rounds; ×SDK: the median over the rounds of the ratio "
						+ "to the SDK row in the same round (lowest–highest round); p50/p99 over all calls of all "
						+ "rounds. Client CPU: the contender process's own CPU time (user + system, all threads: "
						+ "JIT and GC included) over the window, read by the process itself, ÷ searches; server "
						+ "CPU: the server's process tree (`/proc`) over the window ÷ searches.%n%n",
				results.searchRowsLoaded, EndToEndMain.SEARCH_DIM, results.index, Contender.TOP_K, results.searchRounds,
				settings.searchSeconds(), settings.warmupSeconds(), results.batches,
				(settings.batch() == 0) ? ", what ours' coalescing achieved in its warm-up, rounded"
						: ", fixed by --batch"));
		summary(out, results, settings);
		out.append("| threads | contender | searches/s ↑ | ×SDK (rounds) | p50 ms | p99 ms | p99 ×SDK | client CPU µs "
				+ "per search | client CPU ×SDK | server CPU µs per search | searches per request |\n");
		out.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (int threads : settings.threads()) {
			for (String contender : results.names()) {
				List<Window> windows = results.search(contender, threads);
				if (windows.isEmpty()) {
					continue;
				}
				out.append(String.format(Locale.ROOT, "| %d | %s | %,.1f | %s | %.2f | %.2f | %s | %,.0f | %s | %,.0f | %s |%n",
						threads, contender, medianThroughput(windows),
						searchRatio(results, contender, threads, Window::throughput).format(),
						pooledPercentile(windows, 50), pooledPercentile(windows, 99),
						searchRatio(results, contender, threads, (w) -> Window.percentile(w.latenciesMs(), 99))
							.format(),
						clientCpuPerSearch(windows),
						searchRatio(results, contender, threads, Window::clientCpuMicrosPerSearch).format(),
						serverCpuPerSearch(windows), formatOrDash(searchesPerRequest(windows), "%.2f")));
			}
		}
		out.append('\n');
		if (!results.inserts.isEmpty()) {
			out.append(String.format(Locale.ROOT,
					"Insert: %,d rows × %d dims per contender in batches of %,d, %d round(s) after %d warm-up batches "
							+ "(rows built before each call, not timed). Client CPU: the process's CPU time over the "
							+ "insert calls ÷ rows.%n%n",
					results.insertedRows, EndToEndMain.INSERT_DIM, EndToEndMain.BATCH_ROWS,
					results.inserts.values().iterator().next().size(), Math.max(1, settings.insertWarmupBatches())));
			out.append("| contender | rows/s ↑ | ×SDK (rounds) | client CPU µs per row | client CPU ×SDK |\n");
			out.append("|---|---:|---:|---:|---:|\n");
			for (String contender : results.names()) {
				List<double[]> rounds = results.inserts.get(contender);
				if (rounds == null) {
					continue;
				}
				out.append(String.format(Locale.ROOT, "| %s | %,.0f | %s | %,.1f | %s |%n", contender,
						median(column(rounds, 0)), insertRatio(results, contender, 0).format(),
						median(column(rounds, 1)), insertRatio(results, contender, 1).format()));
			}
			out.append('\n');
		}
		if (!results.gets.isEmpty()) {
			out.append(String.format(Locale.ROOT, "Get by id (id and vector), 1 thread, %.0f s per round:%n%n",
					settings.getSeconds()));
			out.append("| contender | p50 ms | p99 ms | p50 ×SDK (rounds) | p99 ×SDK (rounds) |\n|---|---:|---:|---:|---:|\n");
			for (String contender : results.names()) {
				List<Window> windows = results.gets.get(contender);
				if (windows == null) {
					continue;
				}
				out.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %s | %s |%n", contender,
						pooledPercentile(windows, 50), pooledPercentile(windows, 99),
						getRatio(results, contender, 50).format(), getRatio(results, contender, 99).format()));
			}
			out.append('\n');
		}
		targets(out, results, settings);
		return out.toString();
	}

	/** One sentence per thread count saying what each headline ratio is. */
	private static void summary(StringBuilder out, EndToEndMain.Results results, EndToEndMain.Settings settings) {
		out.append("What the figures are (search/s ÷ the SDK with one shared client, median of the rounds):\n\n");
		for (int threads : settings.threads()) {
			List<String> parts = new ArrayList<>();
			List<Window> ours = results.search(OURS, threads);
			if (!ours.isEmpty()) {
				parts.add(String.format(Locale.ROOT, "ours %.2f× (search coalescing on: %.1f searches per request)",
						searchRatio(results, OURS, threads, Window::throughput).median(), searchesPerRequest(ours)));
			}
			describe(parts, results, threads, OURS_OFF, "with coalescing off");
			describe(parts, results, threads, "ours-off-1c", "off and one connection");
			describe(parts, results, threads, "SDK-per-thread", "the SDK with a client per thread");
			int batch = results.batches.getOrDefault(threads, 1);
			describe(parts, results, threads, "SDK-batch", "the SDK batching " + batch + " queries per request");
			describe(parts, results, threads, "pymilvus", "pymilvus");
			describe(parts, results, threads, "pymilvus-batch", "pymilvus batching " + batch);
			out.append("- **").append(threads).append(threads == 1 ? " thread" : " threads").append("**: ")
				.append(String.join("; ", parts)).append(".\n");
		}
		out.append('\n');
	}

	private static void describe(List<String> parts, EndToEndMain.Results results, int threads, String contender,
			String what) {
		if (!results.search(contender, threads).isEmpty()) {
			parts.add(String.format(Locale.ROOT, "%s %.2f×", what,
					searchRatio(results, contender, threads, Window::throughput).median()));
		}
	}

	private static String formatOrDash(double value, String format) {
		return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, format, value);
	}

	private static void targets(StringBuilder out, EndToEndMain.Results results, EndToEndMain.Settings settings) {
		boolean standalone = !results.server.equals("lite");
		double factor = standalone ? 1.2 : 1.0;
		out.append("Targets (medians of the per-round ratios to the SDK with one shared client; the fair row is ours "
				+ "with coalescing off):\n\n");
		if (!results.inserts.isEmpty() && results.inserts.containsKey(OURS)) {
			check(out, "insert rows/s, ours", insertRatio(results, OURS, 0).median(), factor, true);
			check(out, "client CPU per inserted row, ours", insertRatio(results, OURS, 1).median(), 0.3, false);
		}
		for (int threads : settings.threads()) {
			for (String contender : List.of(OURS, OURS_OFF)) {
				if (results.search(contender, threads).isEmpty()) {
					continue;
				}
				check(out, "search/s, " + threads + " thr., " + contender,
						searchRatio(results, contender, threads, Window::throughput).median(), factor, true);
				check(out, "search p99, " + threads + " thr., " + contender,
						searchRatio(results, contender, threads, (w) -> Window.percentile(w.latenciesMs(), 99))
							.median(), 1.0, false);
			}
			if (!results.search(OURS_OFF, threads).isEmpty()) {
				check(out, "client CPU per search, " + threads + " thr., " + OURS_OFF,
						searchRatio(results, OURS_OFF, threads, Window::clientCpuMicrosPerSearch).median(), 0.6, false);
			}
		}
		out.append('\n');
	}

	private static void check(StringBuilder out, String metric, double ratio, double target, boolean higherIsBetter) {
		boolean met = higherIsBetter ? ratio >= target : ratio <= target;
		out.append(String.format(Locale.ROOT, "- %s: ×SDK %.2f (%s %.1f) %s%n", metric, ratio,
				higherIsBetter ? "≥" : "≤", target, met ? "✅" : "❌"));
	}

}
