package dev.milvusboot.benchmarks.cpu;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.milvusboot.benchmarks.Fixtures;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.api.sync.MilvusCommands;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.MilvusStandalone;

/**
 * Client CPU per search and per inserted row, ours against the official SDK: each client in a JVM of its own
 * ({@link CpuContenderMain}), taking turns in an order that rotates every round, against one Milvus 2.3 standalone
 * server (started here, or {@code --uri}). Searches: 1 vector, top 10, HNSW ef 64, bounded consistency, our search
 * coalescing off, at each thread count; inserts: batches of 1,000 rows × 768 dims on one thread. Each contender's
 * CPU time (all its threads, JIT and GC included) over a window ÷ the calls or rows in it. Prints and writes
 * {@code results/cpu.md}: medians over rounds, their spread (min–max), and the median of the per-round ratios to
 * the SDK.
 * <p>
 * Usage: {@code CpuMain [--rows 100000] [--threads 1,4,16] [--seconds 5] [--rounds 5] [--insert-batches 5]
 * [--warmup-seconds 10]
 * [--contenders ours,sdk,raw] [--baseline-jar JAR] [--jars NAME=JAR,...] [--jfr NAME] [--uri URI --collection NAME] [--serve-minutes M]
 * [--results DIR]}. {@code --baseline-jar} adds a contender {@code ours-base}: our client from another
 * milvus-client jar (for example main's), to measure a change in the same run ({@code --jars}: several, named); {@code --jfr NAME} records that
 * contender with Java Flight Recorder into {@code results/cpu-NAME.jfr} (settings {@code profile}, or the
 * {@code .jfc} file of system property {@code cpu.jfr.settings}; system property {@code cpu.jvm-options.NAME} adds
 * JVM options to that contender); {@code --serve-minutes} only starts the
 * server and fills the collection, prints the URI and keeps serving (for repeated runs with {@code --uri}).
 * Contender {@code raw} is the grpc-java floor ({@link RawCalls}: pre-encoded requests, answers not decoded,
 * searches only).
 */
public final class CpuMain {

	static final int SEARCH_DIM = 128;

	static final int INSERT_DIM = 768;

	static final int BATCH_ROWS = 1_000;

	private static final List<String> JVM_OPTIONS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC");

	private int rows = 100_000;

	private int[] threads = { 1, 4, 16 };

	private double seconds = 5;

	private int rounds = 5;

	private int insertBatches = 5;

	private double warmupSeconds = 10;

	private List<String> contenders = List.of("ours", "sdk");

	/** Other builds of our client, as contenders: name to milvus-client jar. */
	private final Map<String, String> jars = new LinkedHashMap<>();

	private String jfr;

	private String uri;

	private String collection;

	private int serveMinutes;

	private Path results = Paths.get("results");

	private CpuMain() {
	}

	public static void main(String[] args) throws Exception {
		CpuMain main = new CpuMain();
		if (args.length % 2 != 0) {
			throw new IllegalArgumentException("Option without a value: " + args[args.length - 1]);
		}
		for (int i = 0; i < args.length; i += 2) {
			String value = args[i + 1];
			switch (args[i]) {
				case "--rows" -> main.rows = Integer.parseInt(value);
				case "--threads" -> main.threads = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
				case "--seconds" -> main.seconds = Double.parseDouble(value);
				case "--rounds" -> main.rounds = Integer.parseInt(value);
				case "--insert-batches" -> main.insertBatches = Integer.parseInt(value);
				case "--warmup-seconds" -> main.warmupSeconds = Double.parseDouble(value);
				case "--contenders" -> main.contenders = List.of(value.split(","));
				case "--baseline-jar" -> main.jars.put("ours-base", value);
				case "--jars" -> {
					for (String pair : value.split(",")) {
						main.jars.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
					}
				}
				case "--jfr" -> main.jfr = value;
				case "--uri" -> main.uri = value;
				case "--collection" -> main.collection = value;
				case "--serve-minutes" -> main.serveMinutes = Integer.parseInt(value);
				case "--results" -> main.results = Paths.get(value);
				default -> throw new IllegalArgumentException("Unknown option " + args[i]);
			}
		}
		if (main.uri != null) {
			main.run(main.uri);
		}
		else {
			try (MilvusStandalone server = MilvusStandalone.builder().progress((m) -> log("  " + m)).build().start()) {
				log("Milvus standalone " + server.serverVersion() + " at " + server.uri());
				main.run(server.uri());
			}
		}
		System.exit(0);
	}

	private void run(String uri) throws Exception {
		Files.createDirectories(this.results);
		MilvusClient owner = MilvusClient.create(uri);
		MilvusCommands admin = owner.withTimeout(Duration.ofMinutes(10));
		try (owner) {
			String search = this.collection;
			if (search == null || !admin.hasCollection(search)) {
				search = (search != null) ? search : "cpu_" + (System.currentTimeMillis() % 1_000_000);
				fill(admin, search);
			}
			if (this.serveMinutes > 0) {
				log("Serving " + uri + " with collection " + search + " for " + this.serveMinutes + " min");
				Thread.sleep(this.serveMinutes * 60_000L);
				return;
			}
			String insert = "cpu_insert_" + (System.currentTimeMillis() % 1_000_000);
			List<Process> processes = new ArrayList<>();
			Map<String, Client> clients = new LinkedHashMap<>();
			try {
				for (String name : names()) {
					clients.put(name, start(name, uri, processes));
				}
				measure(admin, search, insert, clients);
			}
			finally {
				for (Client client : clients.values()) {
					client.quit();
				}
				for (Process process : processes) {
					process.destroy();
				}
				if (admin.hasCollection(insert)) {
					admin.dropCollection(insert);
				}
			}
		}
	}

	private List<String> names() {
		List<String> names = new ArrayList<>(this.contenders);
		names.addAll(this.jars.keySet());
		return names;
	}

	private void measure(MilvusCommands admin, String search, String insert, Map<String, Client> clients)
			throws IOException {
		log("Warming up");
		createInsertCollection(admin, insert);
		for (int t : this.threads) {
			for (Client client : clients.values()) {
				client.call("search " + search + " " + t + " " + this.warmupSeconds + " 500");
			}
		}
		for (Map.Entry<String, Client> client : clients.entrySet()) {
			if (inserts(client.getKey())) {
				client.getValue().call("insert " + insert + " 5 0");
			}
		}
		// results.get(name).get(window) = per-round values; a window is "search N" or "insert"
		Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();
		List<String> order = new ArrayList<>(clients.keySet());
		long nextId = 1_000_000;
		for (int round = 0; round < this.rounds; round++) {
			List<String> rotated = new ArrayList<>(order);
			Collections.rotate(rotated, -(round % rotated.size()));
			admin.dropCollection(insert);
			createInsertCollection(admin, insert);
			for (int t : this.threads) {
				for (String name : rotated) {
					long[] r = clients.get(name).call("search " + search + " " + t + " " + this.seconds + " "
							+ (round * 977));
					double perCall = r[1] / 1e3 / r[0];
					double withoutJit = (r[1] - r[3]) / 1e3 / r[0];
					record(results, name, "search " + t, perCall);
					record(results, name, "search " + t + " without JIT", withoutJit);
					log(String.format(Locale.ROOT, "round %d, %2d threads, %-9s %7d searches, %6.1f µs CPU/search, "
							+ "%6.1f without the JIT compiler's", round + 1, t, name, r[0], perCall, withoutJit));
				}
			}
			for (String name : rotated) {
				if (!inserts(name)) {
					continue;
				}
				long[] r = clients.get(name).call("insert " + insert + " " + this.insertBatches + " " + nextId);
				nextId += (long) this.insertBatches * BATCH_ROWS;
				double perRow = r[1] / 1e3 / r[0];
				double withoutJit = (r[1] - r[3]) / 1e3 / r[0];
				record(results, name, "insert", perRow);
				record(results, name, "insert without JIT", withoutJit);
				log(String.format(Locale.ROOT, "round %d, insert,     %-9s %7d rows,     %6.2f µs CPU/row, "
						+ "%6.2f without the JIT compiler's", round + 1, name, r[0], perRow, withoutJit));
			}
		}
		String report = report(results);
		System.out.println(report);
		Files.writeString(this.results.resolve("cpu.md"), report);
	}

	/** Whether the contender inserts: the raw gRPC floor only searches. */
	private static boolean inserts(String name) {
		return !name.equals("raw");
	}

	private static void record(Map<String, Map<String, List<Double>>> results, String name, String window,
			double value) {
		results.computeIfAbsent(name, (k) -> new LinkedHashMap<>())
			.computeIfAbsent(window, (k) -> new ArrayList<>())
			.add(value);
	}

	private String report(Map<String, Map<String, List<Double>>> results) {
		StringBuilder out = new StringBuilder();
		out.append("### Client CPU per search and per inserted row (").append(Instant.now()).append(")\n\n");
		out.append(String.format(Locale.ROOT, "%d rows × %d dims, HNSW (M 16, efConstruction 200), ef %d, top %d, "
				+ "bounded consistency, our search coalescing off; inserts of %d × %d-dim rows (%d batches per window,"
				+ " one thread). Each client in its own JVM (%s), order rotated each of %d rounds, %.0f s per search "
				+ "window, after a warm-up of %.0f s per thread count and 5 insert batches. Process CPU time (all threads) "
				+ "per call or row, and the same without the JIT compiler threads' (a start-up cost that a busy machine "
				+ "spreads over minutes): median over rounds [min–max]; ratio: median of the per-round ratios to the "
				+ "SDK. Load average at the end: %s.%n%n", this.rows,
				SEARCH_DIM, Calls.EF, Calls.TOP_K, BATCH_ROWS, INSERT_DIM, this.insertBatches,
				String.join(" ", JVM_OPTIONS), this.rounds, this.seconds, this.warmupSeconds, loadAverage()));
		List<String> names = new ArrayList<>(results.keySet());
		out.append("| window |");
		names.forEach((n) -> out.append(' ').append(n).append(" |"));
		names.stream().filter((n) -> !n.equals("sdk")).forEach((n) -> out.append(' ').append(n).append(" ÷ sdk |"));
		out.append("\n|---|");
		names.forEach((n) -> out.append("---:|"));
		names.stream().filter((n) -> !n.equals("sdk")).forEach((n) -> out.append("---:|"));
		out.append('\n');
		for (String window : results.get(names.get(0)).keySet()) {
			boolean insert = window.startsWith("insert");
			String label = insert ? window : window.replaceFirst("search (\\d+)", "search, $1 threads");
			out.append("| ").append(label).append(", ").append(insert ? "µs CPU per row" : "µs CPU per search")
				.append(" |");
			for (String name : names) {
				List<Double> values = results.get(name).get(window);
				if (values == null) {
					out.append(" – |");
					continue;
				}
				out.append(String.format(Locale.ROOT, " %.1f [%.1f–%.1f] |", median(values),
						Collections.min(values), Collections.max(values)));
			}
			List<Double> sdk = results.containsKey("sdk") ? results.get("sdk").get(window) : null;
			for (String name : names) {
				if (name.equals("sdk")) {
					continue;
				}
				List<Double> values = results.get(name).get(window);
				if (sdk == null || values == null) {
					out.append(" – |");
					continue;
				}
				List<Double> ratios = new ArrayList<>();
				for (int i = 0; i < Math.min(values.size(), sdk.size()); i++) {
					ratios.add(values.get(i) / sdk.get(i));
				}
				out.append(String.format(Locale.ROOT, " %.2f [%.2f–%.2f] |", median(ratios),
						Collections.min(ratios), Collections.max(ratios)));
			}
			out.append('\n');
		}
		return out.toString();
	}

	private void fill(MilvusCommands admin, String collection) {
		log("Filling " + collection + " with " + this.rows + " × " + SEARCH_DIM);
		admin.createCollection(CollectionSchema.builder(collection)
			.field(FieldSchema.int64Id(Fixtures.ID, false))
			.field(FieldSchema.floatVector(Fixtures.VECTOR, SEARCH_DIM))
			.dynamicField(false)
			.build());
		float[][] vectors = Fixtures.vectors(this.rows, SEARCH_DIM, 99);
		for (int first = 0; first < vectors.length; first += 10_000) {
			List<Long> ids = new ArrayList<>();
			List<float[]> batch = new ArrayList<>();
			for (int i = first; i < Math.min(vectors.length, first + 10_000); i++) {
				ids.add((long) i);
				batch.add(vectors[i]);
			}
			admin.insertVectors(collection, ids, batch);
		}
		admin.flush(collection);
		admin.createIndex(IndexParams.builder(collection, Fixtures.VECTOR)
			.indexType(IndexType.HNSW)
			.metric(MetricType.COSINE)
			.param("M", 16)
			.param("efConstruction", 200)
			.build(), true);
		admin.loadCollection(collection);
	}

	private static void createInsertCollection(MilvusCommands admin, String collection) {
		admin.createCollection(CollectionSchema.builder(collection)
			.field(FieldSchema.int64Id(Fixtures.ID, false))
			.field(FieldSchema.floatVector(Fixtures.VECTOR, INSERT_DIM))
			.dynamicField(false)
			.build());
	}

	private Client start(String name, String uri, List<Process> processes) throws IOException {
		String kind = this.jars.containsKey(name) ? "ours" : name;
		List<String> command = new ArrayList<>();
		command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(JVM_OPTIONS);
		String extra = System.getProperty("cpu.jvm-options." + name, "").trim();
		if (!extra.isEmpty()) {
			command.addAll(List.of(extra.split("\\s+")));
		}
		if (name.equals(this.jfr)) {
			command.add("-XX:StartFlightRecording=filename=" + this.results.resolve("cpu-" + name + ".jfr")
					+ ",settings=" + System.getProperty("cpu.jfr.settings", "profile"));
		}
		command.add("-cp");
		command.add(classpath(name));
		command.add(CpuContenderMain.class.getName());
		command.addAll(List.of(kind, uri, Integer.toString(SEARCH_DIM), Integer.toString(INSERT_DIM),
				Integer.toString(BATCH_ROWS)));
		Process process = new ProcessBuilder(command).redirectError(
				ProcessBuilder.Redirect.appendTo(this.results.resolve("cpu-" + name + ".log").toFile()))
			.start();
		processes.add(process);
		return new Client(name, process);
	}

	/**
	 * This JVM's classpath without the other client (the SDK's jar carries Netty's native library under the
	 * name our shaded gRPC uses); a contender of {@code --jars} gets its own milvus-client jar instead of this one.
	 */
	private String classpath(String name) {
		boolean sdk = name.equals("sdk");
		List<String> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			String file = Paths.get(entry).getFileName().toString();
			boolean ourClient = file.startsWith("milvus-client-") || entry.contains("milvus-client" + File.separator);
			boolean keep = sdk ? !ourClient && !file.startsWith("grpc-") && !file.startsWith("milvus-local-")
					: !file.startsWith("milvus-sdk-java-");
			if (keep && ourClient && this.jars.containsKey(name)) {
				entries.add(this.jars.get(name));
			}
			else if (keep) {
				entries.add(entry);
			}
		}
		return String.join(File.pathSeparator, entries);
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	private static String loadAverage() {
		try {
			return Files.readString(Paths.get("/proc/loadavg")).trim();
		}
		catch (IOException ex) {
			return "?";
		}
	}

	static void log(String message) {
		System.err.println(Instant.now() + " " + message);
	}

	/** A contender process and its command line. */
	private static final class Client {

		private final String name;

		private final Process process;

		private final PrintStream in;

		private final BufferedReader out;

		Client(String name, Process process) {
			this.name = name;
			this.process = process;
			this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
			this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		}

		long[] call(String command) throws IOException {
			this.in.println(command);
			String answer = this.out.readLine();
			while (answer != null && !answer.startsWith("ok ") && !answer.startsWith("error ")) {
				answer = this.out.readLine(); // what the JVM itself prints (JFR's start message)
			}
			if (answer == null || !answer.startsWith("ok ")) {
				throw new IOException(this.name + " answered " + answer + " to " + command);
			}
			String[] parts = answer.split(" ");
			return new long[] { Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]),
					Long.parseLong(parts[4]) };
		}

		void quit() {
			this.in.println("quit");
			try {
				this.process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
