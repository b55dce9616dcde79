package dev.milvusboot.benchmarks.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import dev.milvusboot.benchmarks.Versions;

/**
 * Runs all microbenchmarks of this package with the GC profiler in one JMH run, writes the raw JSON and a
 * markdown table of ours against each of the SDK's paths to the results folder ({@code -Dbenchmarks.results},
 * default {@code results}). JMH command-line options given as arguments override the benchmarks' defaults (3 forks,
 * 4 × 1 s warm-up, 6 × 1 s measurement), e.g. {@code -f 1 -wi 1 -i 1 Search} for a quick look.
 */
public final class BenchmarkMain {

	/** Ours must take at most this share of theirs' time (4 times faster). */
	static final double TIME_TARGET = 0.25;

	/** Ours must allocate at most this share of theirs' bytes. */
	static final double ALLOCATION_TARGET = 0.30;

	private static final String ALLOCATION = "gc.alloc.rate.norm";

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws RunnerException, CommandLineOptionException, IOException {
		Path results = Path.of(System.getProperty("benchmarks.results", "results")).toAbsolutePath();
		Files.createDirectories(results);
		Path json = results.resolve("jmh-result.json");
		CommandLineOptions commandLine = new CommandLineOptions(args);
		OptionsBuilder builder = new OptionsBuilder();
		if (commandLine.getIncludes().isEmpty()) {
			builder.include(BenchmarkMain.class.getPackageName() + "\\..*Benchmark\\.");
		}
		Options options = builder.parent(commandLine)
			.addProfiler(GCProfiler.class)
			.shouldFailOnError(true)
			.resultFormat(ResultFormatType.JSON)
			.result(json.toString())
			.build();
		Collection<RunResult> runs = new Runner(options).run();
		String table = markdown(runs);
		Path markdown = results.resolve("jmh-result.md");
		Files.writeString(markdown, table);
		System.out.println();
		System.out.println(table);
		System.out.println("Results: " + json + " and " + markdown);
	}

	/** An error (99.9% confidence half-width) above this share of the mean is flagged in the table. */
	static final double ERROR_FLAG = 0.10;

	/** What each of the SDK's benchmark methods measures. */
	private static final Map<String, String> SDK_PATHS = Map.of("theirs", "v2 API (`MilvusClientV2`)",
			"theirsColumns", "v1 columns (`InsertParam.Field`)");

	static String markdown(Collection<RunResult> runs) {
		// per case (a class and its parameters): each method's run
		Map<String, Map<String, RunResult>> cases = new TreeMap<>();
		String settings = "";
		for (RunResult run : runs) {
			String benchmark = run.getParams().getBenchmark();
			int dot = benchmark.lastIndexOf('.');
			String method = benchmark.substring(dot + 1);
			String name = benchmark.substring(benchmark.lastIndexOf('.', dot - 1) + 1, dot).replace("Benchmark", "");
			List<String> params = new ArrayList<>();
			for (String key : run.getParams().getParamsKeys()) {
				params.add(key + "=" + run.getParams().getParam(key));
			}
			String key = name + (params.isEmpty() ? "" : " " + String.join(",", params));
			cases.computeIfAbsent(key, (k) -> new TreeMap<>()).put(method, run);
			settings = format("%d forks × (%d × %s warm-up, %d × %s measurement)", run.getParams().getForks(),
					run.getParams().getWarmup().getCount(), run.getParams().getWarmup().getTime(),
					run.getParams().getMeasurement().getCount(), run.getParams().getMeasurement().getTime());
		}
		StringBuilder out = new StringBuilder();
		out.append("# Client-side microbenchmarks: milvus-client vs io.milvus:milvus-sdk-java ")
			.append(Versions.officialSdk())
			.append("\n\n");
		out.append("JDK ").append(System.getProperty("java.vm.version")).append(", ")
			.append(Runtime.getRuntime().availableProcessors()).append(" cores, JMH ").append(Versions.jmh())
			.append(", protobuf-java ").append(Versions.protobuf()).append(", grpc-java (ours) ").append(Versions.grpc())
			.append(", ").append(settings)
			.append(". Mode avgt (lower is better), ± the 99.9% confidence half-width; bytes/op from `-prof gc` "
					+ "(gc.alloc.rate.norm). Error/mean: the larger of both sides' ± ÷ score (⚠ above ")
			.append(format("%.0f%%", ERROR_FLAG * 100))
			.append("). Each trial first checks that both sides build the same request (field by field) or see the "
					+ "same hits and rows. Targets: ours/SDK time ≤ ")
			.append(TIME_TARGET).append(" (≥ 4× faster), bytes ≤ ").append(ALLOCATION_TARGET).append(".\n\n");
		out.append("| benchmark | SDK path | ours time | SDK time | ours/SDK time | speed-up | error/mean | ours bytes/op "
				+ "| SDK bytes/op | ours/SDK bytes | targets |\n");
		out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
		cases.forEach((key, methods) -> {
			RunResult ours = methods.get("ours");
			if (ours == null) {
				return;
			}
			methods.forEach((method, theirs) -> {
				if (!method.startsWith("theirs")) {
					return;
				}
				Result<?> ourTime = ours.getPrimaryResult();
				Result<?> theirTime = theirs.getPrimaryResult();
				double timeRatio = ourTime.getScore() / theirTime.getScore();
				double error = Math.max(relativeError(ourTime), relativeError(theirTime));
				double ourBytes = allocation(ours);
				double theirBytes = allocation(theirs);
				double bytesRatio = ourBytes / theirBytes;
				out.append("| ").append(key)
					.append(" | ").append(SDK_PATHS.getOrDefault(method, method))
					.append(" | ").append(time(ourTime))
					.append(" | ").append(time(theirTime))
					.append(" | ").append(format("%.3f", timeRatio))
					.append(" | ").append(format("%.1f×", 1 / timeRatio))
					.append(" | ").append(Double.isNaN(error) ? "–" : format("%.1f%%", error * 100))
					.append((error > ERROR_FLAG) ? " ⚠" : "")
					.append(" | ").append(bytes(ourBytes))
					.append(" | ").append(bytes(theirBytes))
					.append(" | ").append(format("%.3f", bytesRatio))
					.append(" | ").append((timeRatio <= TIME_TARGET) ? "time ✅" : "time ❌").append(", ")
					.append((bytesRatio <= ALLOCATION_TARGET) ? "bytes ✅" : "bytes ❌")
					.append(" |\n");
			});
		});
		return out.toString();
	}

	private static double relativeError(Result<?> result) {
		double error = result.getScoreError();
		return Double.isNaN(error) ? Double.NaN : error / result.getScore();
	}

	private static double allocation(RunResult run) {
		for (var entry : run.getSecondaryResults().entrySet()) {
			if (entry.getKey().endsWith(ALLOCATION)) {
				return entry.getValue().getScore();
			}
		}
		return Double.NaN;
	}

	private static String time(Result<?> result) {
		return format("%.3f ± %.3f %s", result.getScore(), result.getScoreError(), result.getScoreUnit());
	}

	private static String bytes(double bytes) {
		if (Double.isNaN(bytes)) {
			return "?";
		}
		if (bytes >= 1024 * 1024) {
			return format("%.1f MiB", bytes / (1024 * 1024));
		}
		if (bytes >= 1024) {
			return format("%.1f KiB", bytes / 1024);
		}
		return format("%.0f B", bytes);
	}

	private static String format(String pattern, Object... values) {
		return String.format(Locale.ROOT, pattern, values);
	}

}
