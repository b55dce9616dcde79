package dev.milvusboot.benchmarks.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.milvusboot.benchmarks.Versions;
import dev.milvusboot.local.MilvusLocalServer;
import dev.milvusboot.local.MilvusStandalone;

/**
 * Fair start-up: the time from a fresh JVM's start to its first successful call ({@code listCollections}), our
 * client against the official SDK, each created with its defaults in a JVM of its own ({@link FirstCallMain}),
 * taking turns (who goes first rotates each round; the first round only warms the OS caches and is not counted),
 * against one
 * server. Optionally a Spring Boot application with our starter (start and first call through its bean), given the
 * starter application's jars ({@code --boot-lib}, e.g. {@code target/footprint/starter/lib} after
 * {@code run-footprint.sh}).
 * <p>
 * Three clocks per run: the JVM's uptime when the call returned (from the JVM's own start, as the JVM reports it),
 * the process's wall time from its launch by this harness until the call returned, and the time from {@code main}.
 * Usage: {@code StartupComparisonMain [--server standalone|URI] [--runs 10] [--boot-lib DIR] [--results DIR]}.
 * Writes {@code startup-first-call.md} and {@code .json} into the results directory.
 */
public final class StartupComparisonMain {

	private static final Pattern OUTPUT = Pattern
		.compile("uptime_ms=(\\d+) main_ms=([\\d.]+) epoch_ms=(\\d+) created_ms=([\\d.]+) cpu_ms=(\\d+)");

	private StartupComparisonMain() {
	}

	/**
	 * One fresh JVM's figures, in milliseconds: also {@code main} until the client was created ({@code created}; the
	 * rest of {@code main} is the first call) and the process's CPU time when the call returned ({@code cpu}).
	 */
	record Run(double uptime, double launchToCall, double main, double created, double cpu) {
	}

	public static void main(String[] args) throws Exception {
		String server = "standalone";
		int runs = 10;
		Path bootLib = null;
		Path results = Paths.get("results");
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--server" -> server = args[i + 1];
				case "--runs" -> runs = Integer.parseInt(args[i + 1]);
				case "--boot-lib" -> bootLib = Paths.get(args[i + 1]);
				case "--results" -> results = Paths.get(args[i + 1]);
				default -> throw new IllegalArgumentException("Unknown option " + args[i]);
			}
		}
		if (bootLib != null && !Files.isDirectory(bootLib)) {
			System.out.println("No " + bootLib + " (run run-footprint.sh first): the Boot application is left out");
			bootLib = null;
		}
		Files.createDirectories(results);
		MilvusLocalServer local = server.equals("standalone")
				? MilvusStandalone.builder().progress(System.out::println).build().start() : null;
		try {
			String uri = (local != null) ? local.uri() : checkedLoopback(server);
			String serverVersion = (local != null) ? local.serverVersion() : "?";
			String module = Paths.get("target", "classes").toAbsolutePath().toString();
			Map<String, String> classpaths = new LinkedHashMap<>();
			classpaths.put("ours", classpath(false));
			classpaths.put("SDK", classpath(true));
			if (bootLib != null) {
				classpaths.put("Boot + starter", module + ":" + bootLib.toAbsolutePath() + "/*");
			}
			Map<String, List<Run>> measured = new LinkedHashMap<>();
			classpaths.keySet().forEach((name) -> measured.put(name, new ArrayList<>()));
			for (int i = 0; i <= runs; i++) {
				// who goes first rotates with every round
				List<Map.Entry<String, String>> order = new ArrayList<>(classpaths.entrySet());
				java.util.Collections.rotate(order, -(i % order.size()));
				for (Map.Entry<String, String> entry : order) {
					String kind = switch (entry.getKey()) {
						case "ours" -> "ours";
						case "SDK" -> "sdk";
						default -> "boot";
					};
					Run run = launch(entry.getValue(), kind, uri);
					System.out.printf(Locale.ROOT,
							"%s run %d: JVM uptime %.0f ms, launch to call %.0f ms, main %.1f ms (client created %.1f, "
									+ "first call %.1f), CPU %.0f ms%s%n",
							entry.getKey(), i, run.uptime(), run.launchToCall(), run.main(), run.created(),
							run.main() - run.created(), run.cpu(),
							(i == 0) ? " (warms the OS caches, not counted)" : "");
					if (i > 0) {
						measured.get(entry.getKey()).add(run);
					}
				}
			}
			String markdown = markdown(measured, runs, uri, serverVersion);
			System.out.println(markdown);
			Files.writeString(results.resolve("startup-first-call.md"), markdown);
			Files.writeString(results.resolve("startup-first-call.json"), json(measured, serverVersion));
		}
		finally {
			if (local != null) {
				local.close();
			}
		}
	}

	private static String checkedLoopback(String uri) {
		if (!uri.matches("https?://(127\\.0\\.0\\.1|localhost)(:\\d+)?/?")) {
			throw new IllegalArgumentException("Only a server on 127.0.0.1 may be targeted: " + uri);
		}
		return uri;
	}

	/** The classpath of this JVM without the other client (as the end-to-end harness's contenders have it). */
	static String classpath(boolean sdk) {
		return dev.milvusboot.benchmarks.e2e.EndToEndMain.classpath(sdk);
	}

	private static Run launch(String classpath, String kind, String uri) throws IOException, InterruptedException {
		List<String> command = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				classpath, FirstCallMain.class.getName(), kind, uri);
		long launched = System.currentTimeMillis();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException("Failed: " + command + "\n" + out);
		}
		Matcher m = OUTPUT.matcher(out);
		if (!m.find()) {
			throw new IllegalStateException("FirstCallMain printed: " + out);
		}
		return new Run(Double.parseDouble(m.group(1)), Long.parseLong(m.group(3)) - launched,
				Double.parseDouble(m.group(2)), Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)));
	}

	static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static List<Double> column(List<Run> runs, java.util.function.ToDoubleFunction<Run> value) {
		return runs.stream().map(value::applyAsDouble).toList();
	}

	static String markdown(Map<String, List<Run>> measured, int runs, String uri, String serverVersion) {
		StringBuilder out = new StringBuilder();
		out.append("### Start-up to the first call: ours vs the official SDK\n\n");
		out.append(String.format(Locale.ROOT,
				"ours %s, official SDK %s, JDK %s, %d cores; Milvus %s at %s; %s UTC. Fresh JVMs (no options), "
						+ "taking turns (who goes first rotating), %d counted runs each after one unmeasured round; medians "
						+ "(lowest–highest). "
						+ "Each creates its client with its defaults and calls `listCollections()` once: ours "
						+ "(`MilvusClient.create(uri)`) connects on that call, the SDK (`new MilvusClientV2(ConnectConfig"
						+ ".builder().uri(uri).build())`) in its constructor, so the figures include connecting "
						+ "and loading gRPC and Netty for both.%n%n",
				Versions.ours(), Versions.officialSdk(), System.getProperty("java.vm.version"),
				Runtime.getRuntime().availableProcessors(), serverVersion, uri,
				java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).withNano(0), runs));
		out.append("| contender | JVM start → first call returned (ms) | process launch → first call returned (ms) | "
				+ "`main` → first call returned (ms) | ×SDK (JVM start) |\n|---|---:|---:|---:|---:|\n");
		double sdk = median(column(measured.get("SDK"), Run::uptime));
		measured.forEach((name, list) -> out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f |%n", name,
				spread(column(list, Run::uptime)), spread(column(list, Run::launchToCall)),
				spread(column(list, Run::main)), median(column(list, Run::uptime)) / sdk)));
		if (measured.containsKey("Boot + starter")) {
			out.append("\nBoot + starter: a minimal Spring Boot application (auto-configuration only, no web server) on "
					+ "the jars of an application using our starter, `SpringApplication.run` and the first call through "
					+ "its `MilvusClient` bean.\n");
		}
		out.append("\nJVM start: the JVM's uptime (`RuntimeMXBean.getUptime()`) when the call returned; process launch: "
				+ "wall clock from just before the harness started the process; `main`: from the first line of "
				+ "`main` (class loading, client creation, connecting, the call).\n");
		out.append("\nPhases of `main` (medians, ms; the SDK connects while its client is created, ours on the first "
				+ "call) and the process's CPU time (all threads, the JVM's own included) when the call returned:\n\n| contender | `main` → client created | client created → first call "
				+ "returned | CPU time (ms) |\n|---|---:|---:|---:|\n");
		measured.forEach((name, list) -> out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", name,
				spread(column(list, Run::created)), spread(column(list, (run) -> run.main() - run.created())),
				spread(column(list, Run::cpu)))));
		return out.toString();
	}

	private static String spread(List<Double> values) {
		return String.format(Locale.ROOT, "%.0f (%.0f–%.0f)", median(values),
				values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
				values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
	}

	private static String json(Map<String, List<Run>> measured, String serverVersion) {
		com.google.gson.JsonObject json = new com.google.gson.JsonObject();
		json.addProperty("server", serverVersion);
		json.addProperty("ours", Versions.ours());
		json.addProperty("sdk", Versions.officialSdk());
		json.addProperty("java", System.getProperty("java.vm.version"));
		com.google.gson.JsonObject contenders = new com.google.gson.JsonObject();
		measured.forEach((name, runs) -> {
			com.google.gson.JsonObject contender = new com.google.gson.JsonObject();
			contender.addProperty("uptimeMedianMs", median(column(runs, Run::uptime)));
			contender.addProperty("launchToCallMedianMs", median(column(runs, Run::launchToCall)));
			contender.addProperty("mainMedianMs", median(column(runs, Run::main)));
			contender.addProperty("createdMedianMs", median(column(runs, Run::created)));
			contender.addProperty("cpuMedianMs", median(column(runs, Run::cpu)));
			contender.add("runs", new com.google.gson.Gson().toJsonTree(runs));
			contenders.add(name, contender);
		});
		json.add("contenders", contenders);
		return new com.google.gson.GsonBuilder().setPrettyPrinting().create().toJson(json);
	}

}
