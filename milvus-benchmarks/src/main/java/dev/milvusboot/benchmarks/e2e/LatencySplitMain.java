package dev.milvusboot.benchmarks.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.milvusboot.benchmarks.Fixtures;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.api.sync.MilvusCommands;
import dev.milvusboot.local.MilvusStandalone;

/**
 * Where the time of a search goes, client or server: our client, the official SDK and the floor of any grpc-java
 * client ({@link RawGrpcContender}: requests encoded in advance, answers not decoded), each in a JVM of its own as in
 * {@link EndToEndMain}, search the same loaded collection on Milvus 2.3 standalone, taking turns, while Milvus' own
 * latency histograms (its Prometheus {@code /metrics}) are read before and after each window. Writes
 * {@code results/latency-split.md}.
 * <p>
 * Usage: {@code LatencySplitMain [--rows 100000] [--threads 1] [--seconds 4] [--rounds 10] [--results DIR]}, from
 * the module directory ({@code run-latency-split.sh}).
 */
public final class LatencySplitMain {

	/** A series of a Milvus latency histogram ({@code _sum}/{@code _count}) about searches. */
	private static final Pattern SERIES = Pattern.compile(
			"^(milvus_[a-z_]*latency)_(sum|count)\\{([^}]*)\\}\\s+(\\S+)$");

	private int rows = 100_000;

	private int threads = 1;

	private double seconds = 4;

	private int rounds = 10;

	private Path results = Paths.get("results");

	private LatencySplitMain() {
	}

	public static void main(String[] args) throws Exception {
		LatencySplitMain main = new LatencySplitMain();
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--rows" -> main.rows = Integer.parseInt(args[i + 1]);
				case "--threads" -> main.threads = Integer.parseInt(args[i + 1]);
				case "--seconds" -> main.seconds = Double.parseDouble(args[i + 1]);
				case "--rounds" -> main.rounds = Integer.parseInt(args[i + 1]);
				case "--results" -> main.results = Paths.get(args[i + 1]);
				default -> throw new IllegalArgumentException("Unknown option " + args[i]);
			}
		}
		if (args.length % 2 != 0) {
			throw new IllegalArgumentException("Option without a value: " + args[args.length - 1]);
		}
		main.run();
		System.exit(0);
	}

	private void run() throws Exception {
		Path work = Paths.get("target", "e2e");
		Files.createDirectories(work);
		Files.createDirectories(this.results);
		Path insertFile = work.resolve("split-insert-" + EndToEndMain.INSERT_DIM + ".f32");
		Path queryFile = work.resolve("split-query-" + EndToEndMain.SEARCH_DIM + ".f32");
		EndToEndMain.writeFloats(insertFile, Fixtures.vectors(EndToEndMain.BATCH_ROWS, EndToEndMain.INSERT_DIM, 42));
		EndToEndMain.writeFloats(queryFile, Fixtures.vectors(1_000, EndToEndMain.SEARCH_DIM, 7));
		EndToEndMain.log("Starting Milvus standalone " + MilvusStandalone.DEFAULT_VERSION);
		try (MilvusStandalone server = MilvusStandalone.builder()
			.progress((message) -> EndToEndMain.log("  " + message))
			.build()
			.start()) {
			String metrics = "http://127.0.0.1:" + server.metricsPort() + "/metrics";
			String collection = "split_" + (System.currentTimeMillis() % 1_000_000);
			MilvusClient owner = MilvusClient.create(server.uri());
			MilvusCommands admin = owner.withTimeout(Duration.ofMinutes(10));
			try (owner;
					Contender ours = ProcessContender.java("ours", "ours", EndToEndMain.classpath(false),
							EndToEndMain.JVM_OPTIONS, work, server.uri(), insertFile, EndToEndMain.INSERT_DIM,
							queryFile, EndToEndMain.SEARCH_DIM);
					Contender sdk = ProcessContender.java("sdk", "SDK", EndToEndMain.classpath(true),
							EndToEndMain.JVM_OPTIONS, work, server.uri(), insertFile, EndToEndMain.INSERT_DIM,
							queryFile, EndToEndMain.SEARCH_DIM);
					Contender raw = ProcessContender.java("raw", "raw gRPC", EndToEndMain.classpath(false),
							EndToEndMain.JVM_OPTIONS, work, server.uri(), insertFile, EndToEndMain.INSERT_DIM,
							queryFile, EndToEndMain.SEARCH_DIM)) {
				EndToEndMain.createSearchCollection(admin, collection);
				String index = EndToEndMain.fillSearchCollection(admin, collection, this.rows);
				EndToEndMain.log(String.format(Locale.ROOT, "Loaded %d rows × %d dims, %s", this.rows,
						EndToEndMain.SEARCH_DIM, index));
				List<Contender> contenders = List.of(ours, sdk, raw);
				for (Contender contender : contenders) {
					contender.search(collection, this.threads, 8, 500);
				}
				Map<String, Split> splits = new LinkedHashMap<>();
				for (int round = 0; round < this.rounds; round++) {
					for (Contender contender : EndToEndMain.rotated(contenders, round)) {
						Map<String, double[]> before = scrape(metrics);
						long cpu = CpuMeter.process(contender.pid());
						Window window = contender.search(collection, this.threads, this.seconds, round * 977);
						cpu = CpuMeter.process(contender.pid()) - cpu;
						Map<String, double[]> after = scrape(metrics);
						Split split = splits.computeIfAbsent(contender.name(), (k) -> new Split());
						split.add(window, before, after);
						split.clientCpuNanos += cpu;
						EndToEndMain.log(String.format(Locale.ROOT, "round %d: %s %d searches, mean %.3f ms",
								round + 1, contender.name(), window.latenciesMs().length,
								mean(window.latenciesMs())));
					}
				}
				String report = report(server.serverVersion(), index, splits);
				System.out.println(report);
				Files.writeString(this.results.resolve("latency-split.md"), report);
			}
		}
	}

	private String report(String version, String index, Map<String, Split> splits) {
		StringBuilder out = new StringBuilder();
		out.append("### Where a search's time goes: client or server (Milvus 2.3 standalone, ").append(version)
			.append(")\n\n");
		out.append(String.format(Locale.ROOT, "%d rows × %d dims, %s; top %d, bounded consistency; %d thread(s), "
				+ "%d rounds × %.0f s per client, taking turns (who goes first rotates each round; raw gRPC: the request bytes our client "
				+ "sends, encoded in advance, on a plain grpc-java channel, answers not decoded). Server figures: "
				+ "Milvus' own latency histograms (`/metrics`), mean per observation over the same windows (Milvus "
				+ "records some of them in whole milliseconds: approximate).%n%n", this.rows,
				EndToEndMain.SEARCH_DIM, index, Contender.TOP_K, this.threads, this.rounds, this.seconds));
		List<String> names = new ArrayList<>(splits.keySet());
		out.append("| mean per search, ms |");
		names.forEach((name) -> out.append(' ').append(name).append(" |"));
		out.append("\n|---|");
		names.forEach((name) -> out.append("---:|"));
		out.append('\n');
		row(out, "seen by the client (wall time of the call)", names, splits, (s) -> s.clientMean());
		out.append("| client process CPU per search, µs (JIT and GC included) |");
		names.forEach((name) -> out.append(String.format(Locale.ROOT, " %.0f |",
				splits.get(name).clientCpuNanos / 1e3 / splits.get(name).searches)));
		out.append('\n');
		Split reference = splits.get("SDK");
		if (reference != null) {
			row(out, "seen by the client, ÷ the SDK's in the same round (median over rounds)", names, splits,
					(s) -> pairedMedian(s.roundMeans, reference.roundMeans));
		}
		TreeMap<String, Boolean> series = new TreeMap<>();
		splits.values().forEach((s) -> s.series.keySet().forEach((k) -> series.put(k, true)));
		for (String key : series.keySet()) {
			if (names.stream().allMatch((name) -> !(splits.get(name).serverMean(key) >= 0.01))) {
				continue; // a stage that takes no measurable time (or saw too few searches)
			}
			row(out, "server: `" + key + "`", names, splits, (s) -> s.serverMean(key));
		}
		String proxy = series.keySet()
			.stream()
			.filter((k) -> k.startsWith("milvus_proxy_sq_latency"))
			.findFirst()
			.orElse(null);
		if (proxy != null) {
			row(out, "outside the proxy's search span: both gRPC ends, loopback, client (client − proxy)", names,
					splits,
					(s) -> s.clientMean() - s.serverMean(proxy));
		}
		out.append(String.format(Locale.ROOT, "%nSearches measured: %s.%n", String.join(", ",
				names.stream().map((n) -> n + " " + splits.get(n).searches).toList())));
		return out.toString();
	}

	private static void row(StringBuilder out, String label, List<String> names, Map<String, Split> splits,
			java.util.function.ToDoubleFunction<Split> value) {
		out.append("| ").append(label).append(" |");
		for (String name : names) {
			double v = value.applyAsDouble(splits.get(name));
			out.append(Double.isNaN(v) ? " – |" : String.format(Locale.ROOT, " %.3f |", v));
		}
		out.append('\n');
	}

	/** The sums and counts of Milvus' latency histograms whose labels name searches, by series. */
	static Map<String, double[]> scrape(String url) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		return parse(response.body());
	}

	static Map<String, double[]> parse(String text) {
		Map<String, double[]> series = new TreeMap<>();
		for (String line : text.split("\n")) {
			Matcher matcher = SERIES.matcher(line.trim());
			if (!matcher.matches()) {
				continue;
			}
			String labels = matcher.group(3).replaceAll("node_id=\"[^\"]*\",?", "").replaceAll(",$", "");
			if (!labels.toLowerCase(Locale.ROOT).contains("search")) {
				continue;
			}
			String key = matcher.group(1) + "{" + labels + "}";
			double[] sumAndCount = series.computeIfAbsent(key, (k) -> new double[2]);
			sumAndCount[matcher.group(2).equals("sum") ? 0 : 1] += Double.parseDouble(matcher.group(4));
		}
		return series;
	}

	/** The median over rounds of {@code values[i] / reference[i]}. */
	static double pairedMedian(List<Double> values, List<Double> reference) {
		double[] ratios = new double[Math.min(values.size(), reference.size())];
		for (int i = 0; i < ratios.length; i++) {
			ratios[i] = values.get(i) / reference.get(i);
		}
		return Window.percentile(ratios, 50);
	}

	private static double mean(double[] values) {
		double sum = 0;
		for (double value : values) {
			sum += value;
		}
		return values.length == 0 ? Double.NaN : sum / values.length;
	}

	/** One client's windows: its own latencies and the server's histogram deltas over them. */
	private static final class Split {

		private double clientSum;

		private long searches;

		private final Map<String, double[]> series = new TreeMap<>();

		private final List<Double> roundMeans = new ArrayList<>();

		private long clientCpuNanos;

		void add(Window window, Map<String, double[]> before, Map<String, double[]> after) {
			this.roundMeans.add(mean(window.latenciesMs()));
			for (double latency : window.latenciesMs()) {
				this.clientSum += latency;
			}
			this.searches += window.latenciesMs().length;
			after.forEach((key, value) -> {
				double[] start = before.getOrDefault(key, new double[2]);
				double[] total = this.series.computeIfAbsent(key, (k) -> new double[2]);
				total[0] += value[0] - start[0];
				total[1] += value[1] - start[1];
			});
		}

		double clientMean() {
			return this.clientSum / this.searches;
		}

		/** The mean of the series per observation, or NaN when it saw fewer observations than half the searches. */
		double serverMean(String key) {
			double[] total = this.series.get(key);
			if (total == null || total[1] < this.searches / 2.0) {
				return Double.NaN;
			}
			return total[0] / total[1];
		}

	}

}
