package dev.milvusboot.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Measures the three local servers on this machine (run by {@code milvus-local/measure-local-servers.sh}, not by
 * the build): for each, the first start on an empty cache directory (install plus start), the size of what was
 * installed, then several starts with the install cached: seconds from process start to ready (as
 * {@link ServerProcess} reports them) and the resident memory of the server's process tree two seconds after it is
 * ready (idle); finally, with pymilvus from the Milvus Lite 3.x environment (when {@code PYTHON} was measured), the
 * resident memory after a collection of 1,000 rows of 128 dimensions was created, flushed and searched. Prints a
 * Markdown table.
 * <p>
 * Arguments: {@code [--cache DIR] [--starts N] [KIND...]} with kinds {@code PYTHON}, {@code NATIVE},
 * {@code STANDALONE} (default all three); the cache directory must be empty or missing for the first-start figures
 * to mean "first run".
 */
public final class LocalServersMeasurement {

	private static final Pattern STARTED_IN = Pattern.compile("\\(started in ([0-9.]+) s");

	private LocalServersMeasurement() {
	}

	public static void main(String[] args) throws Exception {
		Path cache = Files.createTempDirectory("milvus-boot-measure-cache-");
		int starts = 3;
		List<String> kinds = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--cache" -> cache = Path.of(args[++i]).toAbsolutePath();
				case "--starts" -> starts = Integer.parseInt(args[++i]);
				default -> kinds.add(args[i]);
			}
		}
		if (kinds.isEmpty()) {
			kinds.addAll(Arrays.asList("NATIVE", "PYTHON", "STANDALONE"));
		}
		System.out.println("Cache directory: " + cache + " (" + (isEmpty(cache) ? "empty" : "NOT empty") + ")");
		List<String> rows = new ArrayList<>();
		for (String kind : kinds) {
			rows.add(measure(kind, cache, starts));
		}
		Path python = kinds.contains("PYTHON") ? installDirectory("PYTHON", cache).resolve("bin").resolve("python")
				: null;
		for (int i = 0; i < kinds.size(); i++) {
			rows.set(i, rows.get(i) + ((python != null) ? withCollection(kinds.get(i), cache, python) : " - |"));
		}
		System.out.println();
		System.out.println("| server | first start, empty cache (install + start) | installed size | start-up, "
				+ "installed (process start to ready; median of " + starts + ") | resident memory, idle (median) "
				+ "| resident memory, 1,000 x 128-dim rows |");
		System.out.println("|---|---|---|---|---|---|");
		rows.forEach(System.out::println);
	}

	private static String measure(String kind, Path cache, int starts) throws IOException {
		List<String> progress = new CopyOnWriteArrayList<>();
		Consumer<String> sink = (line) -> {
			progress.add(line);
			System.out.println("  [" + kind + "] " + line);
		};
		long begin = System.nanoTime();
		try (MilvusLocalServer server = start(kind, cache, sink)) {
			// started
		}
		double first = (System.nanoTime() - begin) / 1e9;
		long bytes = size(installDirectory(kind, cache));
		List<Double> startup = new ArrayList<>();
		List<Long> resident = new ArrayList<>();
		for (int i = 0; i < starts; i++) {
			progress.clear();
			try (MilvusLocalServer server = start(kind, cache, sink)) {
				startup.add(startedIn(progress));
				sleep(2000);
				resident.add(server.residentMemoryBytes());
			}
		}
		String row = String.format(Locale.ROOT, "| %s | %.1f s | %d MB | %.2f s (%s) | %d MiB (%s) |", label(kind),
				first, bytes / 1_000_000, median(startup), join(startup, "%.2f"),
				Math.round(median(resident.stream().map((b) -> b / 1048576.0).toList())),
				join(resident.stream().map((b) -> b / 1048576.0).toList(), "%.0f"));
		System.out.println(row);
		return row;
	}

	private static final String COLLECTION_SCRIPT = "import random, sys\n"
			+ "from pymilvus import MilvusClient\n" + "c = MilvusClient(uri=sys.argv[1])\n"
			+ "c.create_collection('measure', dimension=128)\n"
			+ "rows = [{'id': i, 'vector': [random.random() for _ in range(128)]} for i in range(1000)]\n"
			+ "c.insert('measure', rows)\n" + "c.flush('measure')\n"
			+ "print('hits', len(c.search('measure', [rows[0]['vector']], limit=5)[0]))\n";

	/** Starts the server, makes and searches a small collection with pymilvus, and reads the memory. */
	private static String withCollection(String kind, Path cache, Path python) throws IOException {
		try (MilvusLocalServer server = start(kind, cache, (line) -> {
		})) {
			Process process = new ProcessBuilder(python.toString(), "-c", COLLECTION_SCRIPT, server.uri())
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes());
			if (!output.contains("hits 5")) {
				System.out.println("  [" + kind + "] collection script failed: " + output);
				return " failed |";
			}
			sleep(2000);
			String cell = String.format(Locale.ROOT, " %d MiB |", server.residentMemoryBytes() / 1048576);
			System.out.println("  [" + kind + "] with a collection:" + cell);
			return cell;
		}
	}

	private static MilvusLocalServer start(String kind, Path cache, Consumer<String> progress) {
		if (kind.equals("STANDALONE")) {
			return MilvusStandalone.builder().cacheDirectory(cache).progress(progress).build().start();
		}
		return MilvusLite.builder()
			.engine(MilvusLite.Engine.valueOf(kind))
			.cacheDirectory(cache)
			.progress(progress)
			.build()
			.start();
	}

	private static String label(String kind) {
		return switch (kind) {
			case "PYTHON" -> "Milvus Lite " + MilvusLite.DEFAULT_VERSION + " (PYTHON)";
			case "NATIVE" -> "Milvus Lite " + MilvusLite.DEFAULT_NATIVE_VERSION + " (NATIVE)";
			default -> "Milvus standalone " + MilvusStandalone.DEFAULT_VERSION;
		};
	}

	private static Path installDirectory(String kind, Path cache) throws IOException {
		if (kind.equals("NATIVE")) {
			return cache.resolve(NativeInstaller.DIRECTORY);
		}
		String prefix = kind.equals("PYTHON") ? "milvus-lite-" : "milvus-2";
		try (Stream<Path> venvs = Files.list(cache.resolve("venvs"))) {
			return venvs.filter(Files::isDirectory)
				.filter((dir) -> dir.getFileName().toString().startsWith(prefix))
				.findFirst()
				.orElseThrow();
		}
	}

	private static long size(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter((file) -> Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS))
				.mapToLong((file) -> file.toFile().length())
				.sum();
		}
	}

	private static double startedIn(List<String> progress) {
		for (String line : progress) {
			Matcher matcher = STARTED_IN.matcher(line);
			if (matcher.find()) {
				return Double.parseDouble(matcher.group(1));
			}
		}
		return Double.NaN;
	}

	private static double median(List<? extends Number> values) {
		double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
		return (sorted.length % 2 == 1) ? sorted[sorted.length / 2]
				: (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
	}

	private static String join(List<? extends Number> values, String format) {
		List<String> parts = new ArrayList<>();
		values.forEach((value) -> parts.add(String.format(Locale.ROOT, format, value.doubleValue())));
		return String.join(", ", parts);
	}

	private static boolean isEmpty(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return true;
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.findAny().isEmpty();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
