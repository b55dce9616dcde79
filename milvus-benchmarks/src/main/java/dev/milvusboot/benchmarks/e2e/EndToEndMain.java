package dev.milvusboot.benchmarks.e2e;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.milvusboot.benchmarks.Fixtures;
import dev.milvusboot.benchmarks.Versions;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.api.sync.MilvusCommands;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.MilvusLocalServer;
import dev.milvusboot.local.MilvusStandalone;
import dev.milvusboot.local.PythonInstaller;
import dev.milvusboot.local.PythonRequirements;

/**
 * End-to-end comparison against one real server, which the harness starts itself: our client, the official Java
 * SDK and pymilvus (a Python process) take turns (A B C A B C ...) so that drift hits all alike.
 * <ol>
 * <li>Insert: each client fills its own collection (int64 id, 768-dim vector, no index) with the same rows, in
 * batches of 1,000, over several rounds; rows/s per round from the wall time of the insert calls.</li>
 * <li>Search: one shared, loaded collection of 100,000 × 128-dim vectors with an HNSW index (COSINE, M 16,
 * efConstruction 200) built beforehand; single-vector searches (top 10, ef 64, bounded consistency) for a fixed
 * window at each thread count; throughput per window, p50/p99 of all calls.</li>
 * <li>Get by id: one entity (id and vector) per call, one thread, a fixed window.</li>
 * </ol>
 * Usage: {@code EndToEndMain [--server standalone|lite|URI] [--rows 100000] [--insert-rounds 5]
 * [--search-rows 100000] [--rounds 3] [--threads 1,4,16] [--search-seconds 5] [--get-seconds 3]
 * [--budget-minutes 25] [--results DIR] [--chart PNG] [--worker-jvm-option OPTION]...}. Writes {@code e2e-<server>.md}
 * and {@code e2e-<server>.json} into the results directory, with the run's log (per-round numbers) in
 * {@code e2e-<server>.log} (and the search chart, when asked). Only loopback is targeted.
 */
public final class EndToEndMain {

	/** Rows per insert call. */
	static final int BATCH_ROWS = 1_000;

	/** The vector dimension of the insert collections. */
	static final int INSERT_DIM = Fixtures.DIM;

	/** The vector dimension of the search collection. */
	static final int SEARCH_DIM = 128;

	private static final int QUERY_VECTORS = 1_000;

	/** The options of each Java client's JVM (the same for both). */
	static final List<String> JVM_OPTIONS = List.of("-Xms2g", "-Xmx2g", "-XX:+UseG1GC");

	/** What {@link #log(String)} printed, written next to the results (the per-round numbers). */
	private static final StringBuilder LOG = new StringBuilder();

	/** The length of each warm-up window (not counted). */
	private static final double WARM_UP_SECONDS = 8;

	private final Settings settings;

	private final long deadline;

	private long serverPid = -1;

	private EndToEndMain(Settings settings) {
		this.settings = settings;
		this.deadline = System.nanoTime() + (long) (settings.budgetMinutes * 60e9);
	}

	public static void main(String[] args) throws Exception {
		new EndToEndMain(Settings.parse(args)).run();
	}

	/** The command-line settings. */
	record Settings(String server, int rows, int insertRounds, int searchRows, int rounds, int[] threads,
			double searchSeconds, double getSeconds, double budgetMinutes, Path results, Path chart,
			List<String> workerJvmOptions) {

		static Settings parse(String[] args) {
			String server = "standalone";
			int rows = 100_000;
			int insertRounds = 5;
			int searchRows = 100_000;
			int rounds = 3;
			int[] threads = { 1, 4, 16 };
			double searchSeconds = 5;
			double getSeconds = 3;
			double budget = 25;
			Path results = Paths.get("results");
			Path chart = null;
			List<String> workerJvmOptions = new ArrayList<>(JVM_OPTIONS);
			for (int i = 0; i + 1 < args.length; i += 2) {
				String value = args[i + 1];
				switch (args[i]) {
					case "--server" -> server = value;
					case "--rows" -> rows = Integer.parseInt(value);
					case "--insert-rounds" -> insertRounds = Integer.parseInt(value);
					case "--search-rows" -> searchRows = Integer.parseInt(value);
					case "--rounds" -> rounds = Integer.parseInt(value);
					case "--threads" -> threads = java.util.Arrays.stream(value.split(","))
						.mapToInt(Integer::parseInt)
						.toArray();
					case "--search-seconds" -> searchSeconds = Double.parseDouble(value);
					case "--get-seconds" -> getSeconds = Double.parseDouble(value);
					case "--budget-minutes" -> budget = Double.parseDouble(value);
					case "--results" -> results = Paths.get(value);
					case "--chart" -> chart = Paths.get(value);
					case "--worker-jvm-option" -> workerJvmOptions.add(value);
					default -> throw new IllegalArgumentException("Unknown option " + args[i]);
				}
			}
			if (rows % (BATCH_ROWS * insertRounds) != 0) {
				throw new IllegalArgumentException("--rows must be a multiple of 1,000 × --insert-rounds");
			}
			return new Settings(server, rows, insertRounds, searchRows, rounds, threads, searchSeconds, getSeconds,
					budget, results, chart, List.copyOf(workerJvmOptions));
		}

		/** {@code standalone}, {@code lite} or {@code uri} (a server started by someone else). */
		String label() {
			return (this.server.equals("standalone") || this.server.equals("lite")) ? this.server : "uri";
		}

	}

	private void run() throws Exception {
		long started = System.nanoTime();
		Path work = Paths.get("target", "e2e");
		Files.createDirectories(work);
		Files.createDirectories(this.settings.results);
		log("Installing (if needed) the Python environment with pymilvus");
		Path python = PythonInstaller.builder()
			.build()
			.install(PythonRequirements.milvusLite(MilvusLite.DEFAULT_VERSION))
			.python();
		String pymilvusVersion = ProcessContender.version(python);
		log("Writing the vectors");
		Path insertFile = work.resolve("insert-" + INSERT_DIM + ".f32");
		Path queryFile = work.resolve("query-" + SEARCH_DIM + ".f32");
		writeFloats(insertFile, Fixtures.vectors(this.settings.rows + BATCH_ROWS, INSERT_DIM, 42));
		writeFloats(queryFile, Fixtures.vectors(QUERY_VECTORS, SEARCH_DIM, 7));
		try (MilvusLocalServer server = startServer()) {
			String uri = (server != null) ? server.uri() : this.settings.server;
			this.serverPid = (server != null) ? server.pid() : -1;
			log("Server " + uri + ((server != null) ? " (" + server.serverVersion() + ")" : ""));
			Results results = new Results();
			results.server = this.settings.label();
			results.uri = uri;
			results.versions.put("ours", Versions.ours());
			results.versions.put("SDK", Versions.officialSdk());
			results.versions.put("pymilvus", pymilvusVersion);
			MilvusClient owner = MilvusClient.create(uri);
			MilvusCommands admin = owner.withTimeout(Duration.ofMinutes(10));
			try (owner;
					Contender ours = ProcessContender.java("ours", "ours", classpath(false), this.settings.workerJvmOptions, work, uri,
							insertFile, INSERT_DIM, queryFile, SEARCH_DIM);
					Contender sdk = ProcessContender.java("sdk", "SDK", classpath(true), this.settings.workerJvmOptions, work, uri,
							insertFile, INSERT_DIM, queryFile, SEARCH_DIM);
					Contender py = ProcessContender.pymilvus(python, work, uri, insertFile, INSERT_DIM, queryFile,
							SEARCH_DIM)) {
				results.versions.put("server", admin.serverVersion());
				List<Contender> contenders = List.of(ours, sdk, py);
				for (Contender contender : contenders) {
					results.contenders.add(contender.name());
				}
				String suffix = Long.toString(System.currentTimeMillis() % 1_000_000);
				results.loadBefore = loadAverage();
				insertPhase(admin, contenders, suffix, results);
				searchPhase(admin, contenders, suffix, results);
				results.loadAfter = loadAverage();
			}
			results.minutes = (System.nanoTime() - started) / 60e9;
			String label = this.settings.label();
			String markdown = Report.markdown(results, this.settings);
			System.out.println();
			System.out.println(markdown);
			Files.writeString(this.settings.results.resolve("e2e-" + label + ".md"), markdown);
			Files.writeString(this.settings.results.resolve("e2e-" + label + ".json"), results.toJson());
			Files.writeString(this.settings.results.resolve("e2e-" + label + ".log"), LOG);
			if (this.settings.chart != null) {
				SearchChart.write(results, this.settings.chart);
				log("Chart written to " + this.settings.chart);
			}
		}
	}

	private MilvusLocalServer startServer() {
		java.util.function.Consumer<String> progress = (message) -> log("  " + message);
		return switch (this.settings.server) {
			case "standalone" -> {
				log("Starting Milvus standalone " + MilvusStandalone.DEFAULT_VERSION);
				yield MilvusStandalone.builder().progress(progress).build().start();
			}
			case "lite" -> {
				log("Starting Milvus Lite " + MilvusLite.DEFAULT_VERSION);
				yield MilvusLite.builder().progress(progress).build().start();
			}
			default -> {
				if (!this.settings.server.matches("https?://(127\\.0\\.0\\.1|localhost)(:\\d+)?/?")) {
					throw new IllegalArgumentException("Only a server on 127.0.0.1 may be targeted: "
							+ this.settings.server);
				}
				yield null;
			}
		};
	}

	private void insertPhase(MilvusCommands admin, List<Contender> contenders, String suffix, Results results)
			throws Exception {
		List<String> collections = new ArrayList<>();
		for (Contender contender : contenders) {
			String collection = "e2e_insert_" + contender.name().toLowerCase(Locale.ROOT) + "_" + suffix;
			admin.createCollection(CollectionSchema.builder(collection)
				.field(FieldSchema.int64Id(Fixtures.ID, false))
				.field(FieldSchema.floatVector(Fixtures.VECTOR, INSERT_DIM))
				.dynamicField(false)
				.build());
			collections.add(collection);
		}
		try {
			log("Insert warm-up: one batch each (ids past the measured rows)");
			for (int c = 0; c < contenders.size(); c++) {
				contenders.get(c).insert(collections.get(c), this.settings.rows, BATCH_ROWS);
			}
			int batches = this.settings.rows / BATCH_ROWS / this.settings.insertRounds;
			int next = 0;
			for (int round = 0; round < this.settings.insertRounds; round++) {
				if (round > 0 && overBudget(0.4)) {
					log("Insert: time budget spent, rows reduced to " + next);
					break;
				}
				StringBuilder line = new StringBuilder("insert round " + (round + 1) + ":");
				for (int c = 0; c < contenders.size(); c++) {
					double seconds = 0;
					for (int b = 0; b < batches; b++) {
						seconds += contenders.get(c).insert(collections.get(c), next + b * BATCH_ROWS, BATCH_ROWS);
					}
					double rate = batches * BATCH_ROWS / seconds;
					results.insertRates.computeIfAbsent(contenders.get(c).name(), (k) -> new ArrayList<>()).add(rate);
					line.append(String.format(Locale.ROOT, " %s %.0f rows/s", contenders.get(c).name(), rate));
				}
				next += batches * BATCH_ROWS;
				log(line.toString());
			}
			results.insertedRows = next;
		}
		finally {
			for (String collection : collections) {
				admin.dropCollection(collection);
			}
		}
	}

	private void searchPhase(MilvusCommands admin, List<Contender> contenders, String suffix, Results results) throws Exception {
		String collection = "e2e_search_" + suffix;
		createSearchCollection(admin, collection);
		try {
			long begin = System.nanoTime();
			results.index = fillSearchCollection(admin, collection, this.settings.searchRows);
			results.searchRowsLoaded = admin.count(collection, "");
			log(String.format(Locale.ROOT, "Search collection: %d rows × %d dims, %s, loaded in %.1f s",
					results.searchRowsLoaded, SEARCH_DIM, results.index, (System.nanoTime() - begin) / 1e9));
			log("Search and get warm-up (JIT): " + WARM_UP_SECONDS + " s per client and thread count");
			for (Contender contender : contenders) {
				for (int threads : this.settings.threads) {
					contender.search(collection, threads, WARM_UP_SECONDS, 500);
				}
				contender.get(collection, 1, WARM_UP_SECONDS, 500, this.settings.searchRows);
			}
			for (int round = 0; round < this.settings.rounds; round++) {
				if (round > 0 && overBudget(1)) {
					log("Search: time budget spent after " + round + " rounds");
					break;
				}
				results.searchRounds = round + 1;
				for (int threads : this.settings.threads) {
					StringBuilder line = new StringBuilder(
							String.format(Locale.ROOT, "round %d, %2d threads:", round + 1, threads));
					for (Contender contender : contenders) {
						long client = CpuMeter.process(contender.pid());
						long server = CpuMeter.tree(this.serverPid);
						Window window = contender.search(collection, threads, this.settings.searchSeconds,
								round * 977);
						long[] cpu = results.searchCpu.computeIfAbsent(contender.name(), (k) -> new long[3]);
						cpu[0] += CpuMeter.process(contender.pid()) - client;
						cpu[1] += CpuMeter.tree(this.serverPid) - server;
						cpu[2] += window.latenciesMs().length;
						results.search(contender.name(), threads).add(window);
						line.append(String.format(Locale.ROOT, " %s %.0f/s p50 %.2f p99 %.2f ms", contender.name(),
								window.throughput(), Window.percentile(window.latenciesMs(), 50),
								Window.percentile(window.latenciesMs(), 99)));
						if (window.requests() > 0) {
							line.append(String.format(Locale.ROOT, " (%.2f searches per request)",
									window.latenciesMs().length / (double) window.requests()));
						}
					}
					log(line.toString());
				}
				StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d, get by id:", round + 1));
				// Gets follow the busiest window (16 threads): who goes first rotates, so no client always
				// meets the server still recovering from it.
				for (Contender contender : rotated(contenders, round)) {
					Window window = contender.get(collection, 1, this.settings.getSeconds, round * 10_007,
							this.settings.searchRows);
					results.gets.computeIfAbsent(contender.name(), (k) -> new ArrayList<>()).add(window);
					line.append(String.format(Locale.ROOT, " %s p50 %.2f p99 %.2f ms", contender.name(),
							Window.percentile(window.latenciesMs(), 50), Window.percentile(window.latenciesMs(), 99)));
				}
				log(line.toString());
			}
		}
		finally {
			admin.dropCollection(collection);
		}
	}

	/** Creates the search collection: int64 id and a {@value #SEARCH_DIM}-dim vector, no dynamic field. */
	static void createSearchCollection(MilvusCommands admin, String collection) {
		admin.createCollection(CollectionSchema.builder(collection)
			.field(FieldSchema.int64Id(Fixtures.ID, false))
			.field(FieldSchema.floatVector(Fixtures.VECTOR, SEARCH_DIM))
			.dynamicField(false)
			.build());
	}

	/**
	 * Fills the search collection with {@code rows} vectors (ids 0..rows-1), flushes, builds the HNSW index and loads
	 * it.
	 * @return the index, described
	 */
	static String fillSearchCollection(MilvusCommands admin, String collection, int rows) {
		float[][] vectors = Fixtures.vectors(rows, SEARCH_DIM, 99);
		int step = 10_000;
		for (int first = 0; first < vectors.length; first += step) {
			List<Long> ids = new ArrayList<>();
			List<float[]> batch = new ArrayList<>();
			for (int i = first; i < Math.min(vectors.length, first + step); i++) {
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
		return "HNSW (COSINE, M 16, efConstruction 200; search ef " + Contender.EF + ")";
	}

	/** The contenders in turn, starting with the {@code round}-th (modulo their number). */
	static List<Contender> rotated(List<Contender> contenders, int round) {
		List<Contender> order = new ArrayList<>(contenders);
		java.util.Collections.rotate(order, -(round % order.size()));
		return order;
	}

	/**
	 * The classpath of a Java client's JVM: this JVM's, without the other client. The SDK's jar carries Netty's
	 * native epoll library under the same resource name as our grpc-netty-shaded, with different content, so
	 * Netty refuses both (falling back to NIO) when they share a classpath; applications have one client.
	 */
	static String classpath(boolean sdk) {
		List<String> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
			String jar = Paths.get(entry).getFileName().toString();
			boolean keep = sdk ? !jar.startsWith("milvus-client-") && !jar.startsWith("grpc-")
					&& !jar.startsWith("milvus-local-") : !jar.startsWith("milvus-sdk-java-");
			if (keep) {
				entries.add(entry);
			}
		}
		return String.join(java.io.File.pathSeparator, entries);
	}

	/** Whether more than {@code share} of the time budget is spent. */
	private boolean overBudget(double share) {
		long budget = (long) (this.settings.budgetMinutes * 60e9);
		return System.nanoTime() > this.deadline - budget + (long) (share * budget);
	}

	static void writeFloats(Path file, float[][] vectors) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
			for (float[] vector : vectors) {
				if (buffer.remaining() < vector.length * 4) {
					buffer.flip();
					while (buffer.hasRemaining()) {
						channel.write(buffer);
					}
					buffer.clear();
				}
				buffer.asFloatBuffer().put(vector);
				buffer.position(buffer.position() + vector.length * 4);
			}
			buffer.flip();
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
		}
	}

	/** The 1, 5 and 15 minute load averages ({@code /proc/loadavg}), or "?". */
	public static String loadAverage() {
		try {
			String[] fields = Files.readString(Paths.get("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException | RuntimeException ex) {
			return "?";
		}
	}

	static void log(String message) {
		String line = String.format(Locale.ROOT, "%tT %s%n", System.currentTimeMillis(), message);
		System.out.print(line);
		LOG.append(line);
	}

	/** Everything measured on one server. */
	static final class Results {

		String server;

		String uri;

		String index;

		double minutes;

		int insertedRows;

		long searchRowsLoaded;

		int searchRounds;

		final Map<String, String> versions = new LinkedHashMap<>();

		final List<String> contenders = new ArrayList<>();

		final Map<String, List<Double>> insertRates = new LinkedHashMap<>();

		/** Per contender, per thread count, the windows of each round. */
		final Map<String, Map<Integer, List<Window>>> searches = new LinkedHashMap<>();

		final Map<String, List<Window>> gets = new LinkedHashMap<>();

		/** Per contender, over all search windows: client process CPU ns, server CPU ns, calls. */
		final Map<String, long[]> searchCpu = new LinkedHashMap<>();

		String loadBefore;

		String loadAfter;

		/** Client CPU microseconds per search, over all search windows. */
		double clientCpuPerSearch(String contender) {
			long[] cpu = this.searchCpu.get(contender);
			return (cpu == null || cpu[2] == 0) ? Double.NaN : cpu[0] / 1e3 / cpu[2];
		}

		/** Server CPU microseconds per search, over the contender's search windows. */
		double serverCpuPerSearch(String contender) {
			long[] cpu = this.searchCpu.get(contender);
			return (cpu == null || cpu[2] == 0) ? Double.NaN : cpu[1] / 1e3 / cpu[2];
		}

		List<Window> search(String contender, int threads) {
			return this.searches.computeIfAbsent(contender, (k) -> new LinkedHashMap<>())
				.computeIfAbsent(threads, (k) -> new ArrayList<>());
		}

		String toJson() {
			com.google.gson.JsonObject json = new com.google.gson.JsonObject();
			json.addProperty("server", this.server);
			json.addProperty("uri", this.uri);
			json.addProperty("index", this.index);
			json.addProperty("minutes", this.minutes);
			json.addProperty("insertedRows", this.insertedRows);
			json.addProperty("searchRows", this.searchRowsLoaded);
			json.addProperty("searchRounds", this.searchRounds);
			json.addProperty("loadBefore", this.loadBefore);
			json.addProperty("loadAfter", this.loadAfter);
			com.google.gson.JsonObject versionsJson = new com.google.gson.JsonObject();
			this.versions.forEach(versionsJson::addProperty);
			json.add("versions", versionsJson);
			com.google.gson.JsonObject clients = new com.google.gson.JsonObject();
			for (String contender : this.contenders) {
				com.google.gson.JsonObject client = new com.google.gson.JsonObject();
				client.addProperty("insertRowsPerSecond", Report.median(this.insertRates.get(contender)));
				com.google.gson.JsonObject search = new com.google.gson.JsonObject();
				this.searches.getOrDefault(contender, Map.of()).forEach((threads, windows) -> {
					com.google.gson.JsonObject cell = new com.google.gson.JsonObject();
					cell.addProperty("throughput", Report.medianThroughput(windows));
					cell.addProperty("p50", Report.pooledPercentile(windows, 50));
					cell.addProperty("p99", Report.pooledPercentile(windows, 99));
					cell.addProperty("calls", Report.calls(windows));
					search.add(Integer.toString(threads), cell);
				});
				client.add("search", search);
				List<Window> getWindows = this.gets.getOrDefault(contender, List.of());
				com.google.gson.JsonObject get = new com.google.gson.JsonObject();
				get.addProperty("p50", Report.pooledPercentile(getWindows, 50));
				get.addProperty("p99", Report.pooledPercentile(getWindows, 99));
				get.addProperty("throughput", Report.medianThroughput(getWindows));
				client.add("get", get);
				client.addProperty("clientCpuMicrosPerSearch", clientCpuPerSearch(contender));
				client.addProperty("serverCpuMicrosPerSearch", serverCpuPerSearch(contender));
				clients.add(contender, client);
			}
			json.add("clients", clients);
			return new com.google.gson.GsonBuilder().setPrettyPrinting().create().toJson(json);
		}

	}

}
