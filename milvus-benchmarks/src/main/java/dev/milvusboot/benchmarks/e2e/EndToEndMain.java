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
import dev.milvusboot.client.MilvusClientOptions;
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
 * The fair end-to-end comparison against one real server, which the harness starts itself. Each contender is a
 * process of its own (a JVM per Java client configuration, a Python process per pymilvus one):
 * <ul>
 * <li>{@code ours}: our client with its defaults (search coalescing on, {@code DEFAULT_POOL_SIZE} connections);</li>
 * <li>{@code ours-off}: search coalescing off; {@code ours-off-1c}: coalescing off and one connection;</li>
 * <li>{@code SDK}: the official SDK's {@code MilvusClientV2}, one client shared by all threads (the reference
 * row of every ratio); {@code SDK-per-thread}: a client per search thread;</li>
 * <li>{@code SDK-batch} and {@code pymilvus-batch}: the caller batches its own queries, {@code B} query vectors per
 * search request on each thread ({@code B} per thread count: what ours' coalescing achieved in its warm-up window,
 * rounded, or a fixed {@code --batch}); a thread count where {@code B} is 1 is skipped for them;</li>
 * <li>{@code pymilvus}: pymilvus' {@code MilvusClient}, Python threads.</li>
 * </ul>
 * Phases, the contenders' order rotated in every round of every phase (and per thread count), so that each also
 * follows the others:
 * <ol>
 * <li>Insert (ours, SDK, pymilvus): each fills its own collection (int64 id, 768-dim vector, no index) with the
 * same rows in batches of 1,000, after a warm-up of several batches (ids past the measured rows, discarded), over
 * several rounds; rows/s and the client's CPU per row per round.</li>
 * <li>Search: one shared, loaded collection of 100,000 × 128-dim vectors with an HNSW index (COSINE, M 16,
 * efConstruction 200) built beforehand; searches (top 10, ef 64, bounded consistency) for a fixed window at each
 * thread count; per window: searches/s, latencies, the client process's CPU (measured by the process itself) and the
 * server's process-tree CPU.</li>
 * <li>Get by id (ours, SDK, pymilvus): one entity (id and vector) per call, one thread, a fixed window.</li>
 * </ol>
 * Ratios are taken to {@code SDK} within each round, then the median (and the spread) over the rounds.
 * <p>
 * Usage: {@code EndToEndMain [--server standalone|lite|URI] [--contenders ours,ours-off,...] [--rows 100000]
 * [--insert-rounds 5] [--insert-warmup-batches 5] [--search-rows 100000] [--rounds 5] [--threads 1,4,16]
 * [--batch auto|N] [--warmup-seconds 5] [--search-seconds 6] [--get-seconds 3] [--budget-minutes 30]
 * [--results DIR] [--chart PNG] [--worker-jvm-option OPTION]...}. Writes {@code e2e-<server>.md} and
 * {@code e2e-<server>.json} into the results directory, with the run's log (per-round numbers) in
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

	/** The options of each Java client's JVM (the same for all). */
	static final List<String> JVM_OPTIONS = List.of("-Xms2g", "-Xmx2g", "-XX:+UseG1GC");

	/** The reference contender of every ratio. */
	static final String REFERENCE = "SDK";

	/** Every contender the harness knows, in table order. */
	static final List<Spec> SPECS = List.of(
			new Spec("ours", "ours", true, true, false,
					"our client, defaults: search coalescing on, " + MilvusClientOptions.DEFAULT_POOL_SIZE
							+ " connections (one per core, 2 to 8)"),
			new Spec("ours-off", "ours-off", false, false, false, "our client, search coalescing off"),
			new Spec("ours-off-1c", "ours-off-1c", false, false, false,
					"our client, search coalescing off, one connection"),
			new Spec(REFERENCE, "sdk", true, true, false, "official SDK, one `MilvusClientV2` shared by all threads"),
			new Spec("SDK-per-thread", "sdk-per-thread", false, false, false,
					"official SDK, a `MilvusClientV2` (a connection) per thread"),
			new Spec("SDK-batch", "sdk", false, false, true,
					"official SDK, one client, the caller batching B query vectors per request"),
			new Spec("pymilvus", "pymilvus", true, true, false, "pymilvus `MilvusClient`, Python threads"),
			new Spec("pymilvus-batch", "pymilvus", false, false, true,
					"pymilvus, the caller batching B query vectors per request"));

	/** What {@link #log(String)} printed, written next to the results (the per-round numbers). */
	private static final StringBuilder LOG = new StringBuilder();

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

	/**
	 * One contender.
	 * @param name the name in tables
	 * @param kind {@code pymilvus}, or the kind of {@link ContenderMain}
	 * @param inserts whether it takes part in the insert phase
	 * @param gets whether it takes part in the get phase
	 * @param batches whether it batches its own queries (B query vectors per search call)
	 * @param description what it is, for the report
	 */
	record Spec(String name, String kind, boolean inserts, boolean gets, boolean batches, String description) {

		static Spec named(String name) {
			return SPECS.stream()
				.filter((spec) -> spec.name.equals(name))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("Unknown contender " + name + "; known: "
						+ SPECS.stream().map(Spec::name).toList()));
		}

	}

	/** The command-line settings; {@code batch} 0 means "what ours' coalescing achieved in its warm-up". */
	record Settings(String server, List<Spec> contenders, int rows, int insertRounds, int insertWarmupBatches,
			int searchRows, int rounds, int[] threads, int batch, double warmupSeconds, double searchSeconds,
			double getSeconds, double budgetMinutes, Path results, Path chart, List<String> workerJvmOptions) {

		static Settings parse(String[] args) {
			String server = "standalone";
			List<Spec> contenders = SPECS;
			int rows = 100_000;
			int insertRounds = 5;
			int insertWarmupBatches = 5;
			int searchRows = 100_000;
			int rounds = 5;
			int[] threads = { 1, 4, 16 };
			int batch = 0;
			double warmupSeconds = 5;
			double searchSeconds = 6;
			double getSeconds = 3;
			double budget = 30;
			Path results = Paths.get("results");
			Path chart = null;
			List<String> workerJvmOptions = new ArrayList<>(JVM_OPTIONS);
			for (int i = 0; i < args.length; i += 2) {
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("Option " + args[i] + " needs a value");
				}
				String value = args[i + 1];
				switch (args[i]) {
					case "--server" -> server = value;
					case "--contenders" -> contenders = java.util.Arrays.stream(value.split(","))
						.map(String::trim)
						.map(Spec::named)
						.sorted(java.util.Comparator.comparingInt(SPECS::indexOf))
						.toList();
					case "--rows" -> rows = Integer.parseInt(value);
					case "--insert-rounds" -> insertRounds = Integer.parseInt(value);
					case "--insert-warmup-batches" -> insertWarmupBatches = Integer.parseInt(value);
					case "--search-rows" -> searchRows = Integer.parseInt(value);
					case "--rounds" -> rounds = Integer.parseInt(value);
					case "--threads" -> threads = java.util.Arrays.stream(value.split(","))
						.mapToInt(Integer::parseInt)
						.toArray();
					case "--batch" -> batch = value.equals("auto") ? 0 : Integer.parseInt(value);
					case "--warmup-seconds" -> warmupSeconds = Double.parseDouble(value);
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
			if (contenders.stream().noneMatch((spec) -> spec.name.equals(REFERENCE))) {
				throw new IllegalArgumentException("--contenders must include " + REFERENCE
						+ ", the reference of every ratio");
			}
			if (batch == 0 && contenders.stream().anyMatch(Spec::batches)
					&& contenders.stream().noneMatch((spec) -> spec.name.equals("ours"))) {
				throw new IllegalArgumentException("--batch auto takes ours' searches per request: include ours or "
						+ "give --batch N");
			}
			if (batch < 0) {
				throw new IllegalArgumentException("--batch must be auto or a positive number: " + batch);
			}
			return new Settings(server, contenders, rows, insertRounds, insertWarmupBatches, searchRows, rounds,
					threads, batch, warmupSeconds, searchSeconds, getSeconds, budget, results, chart,
					List.copyOf(workerJvmOptions));
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
		int warmupRows = Math.max(1, this.settings.insertWarmupBatches) * BATCH_ROWS;
		writeFloats(insertFile, Fixtures.vectors(this.settings.rows + warmupRows, INSERT_DIM, 42));
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
			results.versions.put("java", System.getProperty("java.vm.version"));
			results.cores = Runtime.getRuntime().availableProcessors();
			MilvusClient owner = MilvusClient.create(uri);
			MilvusCommands admin = owner.withTimeout(Duration.ofMinutes(10));
			List<Contender> contenders = new ArrayList<>();
			try (owner) {
				for (Spec spec : this.settings.contenders) {
					log("Starting contender " + spec.name);
					contenders.add(spec.kind.equals("pymilvus")
							? ProcessContender.pymilvus(spec.name, python, work, uri, insertFile, INSERT_DIM, queryFile,
									SEARCH_DIM)
							: ProcessContender.java(spec.kind, spec.name, classpath(spec.kind.startsWith("sdk")),
									this.settings.workerJvmOptions, work, uri, insertFile, INSERT_DIM, queryFile,
									SEARCH_DIM));
					results.contenders.add(spec);
				}
				results.versions.put("server", admin.serverVersion());
				String suffix = Long.toString(System.currentTimeMillis() % 1_000_000);
				results.loadBefore = loadAverage();
				insertPhase(admin, select(contenders, Spec::inserts), suffix, results);
				searchPhase(admin, contenders, suffix, results);
				results.loadAfter = loadAverage();
			}
			finally {
				for (Contender contender : contenders) {
					contender.close();
				}
			}
			results.minutes = (System.nanoTime() - started) / 60e9;
			String label = this.settings.label();
			String markdown = Report.markdown(results, this.settings);
			System.out.println();
			System.out.println(markdown);
			Files.writeString(this.settings.results.resolve("e2e-" + label + ".md"), markdown);
			Files.writeString(this.settings.results.resolve("e2e-" + label + ".json"), results.toJson(this.settings));
			Files.writeString(this.settings.results.resolve("e2e-" + label + ".log"), LOG);
			if (this.settings.chart != null) {
				SearchChart.write(results, this.settings.chart);
				log("Chart written to " + this.settings.chart);
			}
		}
	}

	/** The contenders whose spec matches. */
	private List<Contender> select(List<Contender> contenders, java.util.function.Predicate<Spec> filter) {
		List<Contender> selected = new ArrayList<>();
		for (Contender contender : contenders) {
			if (filter.test(Spec.named(contender.name()))) {
				selected.add(contender);
			}
		}
		return selected;
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
		if (contenders.isEmpty()) {
			return;
		}
		List<String> collections = new ArrayList<>();
		for (Contender contender : contenders) {
			String collection = "e2e_insert_" + contender.name().toLowerCase(Locale.ROOT).replace('-', '_') + "_"
					+ suffix;
			admin.createCollection(CollectionSchema.builder(collection)
				.field(FieldSchema.int64Id(Fixtures.ID, false))
				.field(FieldSchema.floatVector(Fixtures.VECTOR, INSERT_DIM))
				.dynamicField(false)
				.build());
			collections.add(collection);
		}
		try {
			int warmup = Math.max(1, this.settings.insertWarmupBatches);
			log("Insert warm-up: " + warmup + " batches each (ids past the measured rows, not counted)");
			for (int c = 0; c < contenders.size(); c++) {
				for (int b = 0; b < warmup; b++) {
					contenders.get(c).insert(collections.get(c), this.settings.rows + b * BATCH_ROWS, BATCH_ROWS);
				}
			}
			int batches = this.settings.rows / BATCH_ROWS / this.settings.insertRounds;
			int next = 0;
			for (int round = 0; round < this.settings.insertRounds; round++) {
				if (round > 0 && overBudget(0.3)) {
					log("Insert: time budget spent, rows reduced to " + next);
					break;
				}
				StringBuilder line = new StringBuilder("insert round " + (round + 1) + ":");
				// who goes first rotates each round (and each follows every other in some round)
				for (Contender contender : rotated(contenders, round)) {
					int c = contenders.indexOf(contender);
					double seconds = 0;
					long cpu = 0;
					for (int b = 0; b < batches; b++) {
						Contender.Timing timing = contender.insert(collections.get(c), next + b * BATCH_ROWS,
								BATCH_ROWS);
						seconds += timing.seconds();
						cpu = (cpu < 0 || timing.cpuNanos() < 0) ? -1 : cpu + timing.cpuNanos();
					}
					double rate = batches * BATCH_ROWS / seconds;
					double cpuPerRow = (cpu < 0) ? Double.NaN : cpu / 1e3 / (batches * BATCH_ROWS);
					results.insert(contender.name()).add(new double[] { rate, cpuPerRow });
					line.append(String.format(Locale.ROOT, " %s %.0f rows/s (%.1f µs CPU per row)", contender.name(),
							rate, cpuPerRow));
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

	private void searchPhase(MilvusCommands admin, List<Contender> contenders, String suffix, Results results)
			throws Exception {
		String collection = "e2e_search_" + suffix;
		createSearchCollection(admin, collection);
		try {
			long begin = System.nanoTime();
			results.index = fillSearchCollection(admin, collection, this.settings.searchRows);
			results.searchRowsLoaded = admin.count(collection, "");
			log(String.format(Locale.ROOT, "Search collection: %d rows × %d dims, %s, loaded in %.1f s",
					results.searchRowsLoaded, SEARCH_DIM, results.index, (System.nanoTime() - begin) / 1e9));
			warmUp(contenders, collection, results);
			List<Contender> getters = select(contenders, Spec::gets);
			for (int round = 0; round < this.settings.rounds; round++) {
				if (round > 0 && overBudget(1)) {
					log("Search: time budget spent after " + round + " rounds");
					break;
				}
				results.searchRounds = round + 1;
				for (int ti = 0; ti < this.settings.threads.length; ti++) {
					int threads = this.settings.threads[ti];
					int batch = results.batches.get(threads);
					StringBuilder line = new StringBuilder(
							String.format(Locale.ROOT, "round %d, %2d threads:", round + 1, threads));
					// the order rotates with every round and thread count
					for (Contender contender : rotated(contenders, round * this.settings.threads.length + ti)) {
						boolean batches = Spec.named(contender.name()).batches();
						if (batches && batch <= 1) {
							continue;
						}
						long server = CpuMeter.tree(this.serverPid);
						Window window = contender.search(collection, threads, this.settings.searchSeconds,
								round * 977, batches ? batch : 1);
						window = window.withServerCpu((this.serverPid > 0) ? CpuMeter.tree(this.serverPid) - server : -1);
						results.search(contender.name(), threads).add(window);
						line.append(String.format(Locale.ROOT, " %s %.0f/s p50 %.2f p99 %.2f ms cpu %.0f µs",
								contender.name(), window.throughput(), Window.percentile(window.latenciesMs(), 50),
								Window.percentile(window.latenciesMs(), 99), window.clientCpuMicrosPerSearch()));
						if (window.requests() > 0) {
							line.append(String.format(Locale.ROOT, " (%.2f per request)", window.searchesPerRequest()));
						}
						line.append(';');
					}
					log(line.toString());
				}
				StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d, get by id:", round + 1));
				// gets follow the busiest window (16 threads): who goes first rotates
				for (Contender contender : rotated(getters, round)) {
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

	/**
	 * Warms every contender up (JIT) at every thread count, ours first, and settles each thread count's batch for
	 * the contenders batching their own queries: {@code --batch}, or what ours' coalescing achieved here.
	 */
	private void warmUp(List<Contender> contenders, String collection, Results results) throws Exception {
		log("Search and get warm-up (JIT): " + this.settings.warmupSeconds + " s per contender and thread count");
		if (this.settings.batch > 0) {
			for (int threads : this.settings.threads) {
				results.batches.put(threads, this.settings.batch);
			}
		}
		for (Contender contender : contenders) {
			Spec spec = Spec.named(contender.name());
			for (int threads : this.settings.threads) {
				int batch = 1;
				if (spec.batches()) {
					batch = results.batches.getOrDefault(threads, 1);
					if (batch <= 1) {
						continue;
					}
				}
				Window window = contender.search(collection, threads, this.settings.warmupSeconds, 500, batch);
				if (spec.name().equals("ours") && this.settings.batch == 0) {
					double perRequest = window.searchesPerRequest();
					results.batches.put(threads, Double.isNaN(perRequest) ? 1 : Math.max(1, (int) Math.round(perRequest)));
					log(String.format(Locale.ROOT, "  ours, %d threads: %.2f searches per request in the warm-up: "
							+ "batching contenders send %d per request", threads, perRequest,
							results.batches.get(threads)));
				}
			}
			if (spec.gets()) {
				contender.get(collection, 1, this.settings.warmupSeconds, 500, this.settings.searchRows);
			}
		}
		for (int threads : this.settings.threads) {
			results.batches.putIfAbsent(threads, Math.max(1, this.settings.batch));
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
	public static String classpath(boolean sdk) {
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

		int cores;

		double minutes;

		int insertedRows;

		long searchRowsLoaded;

		int searchRounds;

		final Map<String, String> versions = new LinkedHashMap<>();

		final List<Spec> contenders = new ArrayList<>();

		/** Per contender, per insert round: rows/s and client CPU µs per row. */
		final Map<String, List<double[]>> inserts = new LinkedHashMap<>();

		/** Per contender, per thread count, the windows of each round. */
		final Map<String, Map<Integer, List<Window>>> searches = new LinkedHashMap<>();

		final Map<String, List<Window>> gets = new LinkedHashMap<>();

		/** Per thread count, the query vectors per request of the contenders batching their own queries. */
		final Map<Integer, Integer> batches = new java.util.TreeMap<>();

		String loadBefore;

		String loadAfter;

		List<Window> search(String contender, int threads) {
			return this.searches.computeIfAbsent(contender, (k) -> new LinkedHashMap<>())
				.computeIfAbsent(threads, (k) -> new ArrayList<>());
		}

		List<double[]> insert(String contender) {
			return this.inserts.computeIfAbsent(contender, (k) -> new ArrayList<>());
		}

		List<String> names() {
			return this.contenders.stream().map(Spec::name).toList();
		}

		String toJson(Settings settings) {
			com.google.gson.JsonObject json = new com.google.gson.JsonObject();
			json.addProperty("server", this.server);
			json.addProperty("uri", this.uri);
			json.addProperty("index", this.index);
			json.addProperty("cores", this.cores);
			json.addProperty("minutes", this.minutes);
			json.addProperty("insertedRows", this.insertedRows);
			json.addProperty("searchRows", this.searchRowsLoaded);
			json.addProperty("searchRounds", this.searchRounds);
			json.addProperty("searchSeconds", settings.searchSeconds());
			json.addProperty("reference", REFERENCE);
			json.addProperty("loadBefore", this.loadBefore);
			json.addProperty("loadAfter", this.loadAfter);
			com.google.gson.JsonObject versionsJson = new com.google.gson.JsonObject();
			this.versions.forEach(versionsJson::addProperty);
			json.add("versions", versionsJson);
			com.google.gson.JsonObject batchesJson = new com.google.gson.JsonObject();
			this.batches.forEach((threads, batch) -> batchesJson.addProperty(Integer.toString(threads), batch));
			json.add("batches", batchesJson);
			com.google.gson.JsonObject clients = new com.google.gson.JsonObject();
			for (Spec spec : this.contenders) {
				String contender = spec.name();
				com.google.gson.JsonObject client = new com.google.gson.JsonObject();
				client.addProperty("description", spec.description());
				List<double[]> insertRounds = this.inserts.getOrDefault(contender, List.of());
				if (!insertRounds.isEmpty()) {
					com.google.gson.JsonObject insert = new com.google.gson.JsonObject();
					insert.addProperty("rowsPerSecond", Report.median(Report.column(insertRounds, 0)));
					insert.addProperty("clientCpuMicrosPerRow", Report.median(Report.column(insertRounds, 1)));
					insert.add("rounds", new com.google.gson.Gson().toJsonTree(insertRounds));
					Report.Ratio ratio = Report.insertRatio(this, contender, 0);
					insert.addProperty("ratioToSdk", ratio.median());
					insert.addProperty("cpuRatioToSdk", Report.insertRatio(this, contender, 1).median());
					client.add("insert", insert);
				}
				com.google.gson.JsonObject search = new com.google.gson.JsonObject();
				this.searches.getOrDefault(contender, Map.of()).forEach((threads, windows) -> {
					if (windows.isEmpty()) {
						return;
					}
					com.google.gson.JsonObject cell = new com.google.gson.JsonObject();
					cell.addProperty("throughput", Report.medianThroughput(windows));
					cell.addProperty("p50", Report.pooledPercentile(windows, 50));
					cell.addProperty("p99", Report.pooledPercentile(windows, 99));
					cell.addProperty("calls", Report.calls(windows));
					cell.addProperty("perCall", windows.get(0).perCall());
					cell.addProperty("searchesPerRequest", Report.searchesPerRequest(windows));
					cell.addProperty("clientCpuMicrosPerSearch", Report.clientCpuPerSearch(windows));
					cell.addProperty("serverCpuMicrosPerSearch", Report.serverCpuPerSearch(windows));
					Report.Ratio ratio = Report.searchRatio(this, contender, threads, Window::throughput);
					cell.addProperty("ratioToSdk", ratio.median());
					cell.addProperty("ratioToSdkMin", ratio.min());
					cell.addProperty("ratioToSdkMax", ratio.max());
					cell.addProperty("cpuRatioToSdk",
							Report.searchRatio(this, contender, threads, Window::clientCpuMicrosPerSearch).median());
					com.google.gson.JsonArray rounds = new com.google.gson.JsonArray();
					for (Window window : windows) {
						com.google.gson.JsonObject w = new com.google.gson.JsonObject();
						w.addProperty("throughput", window.throughput());
						w.addProperty("p50", Window.percentile(window.latenciesMs(), 50));
						w.addProperty("p99", Window.percentile(window.latenciesMs(), 99));
						w.addProperty("clientCpuMicrosPerSearch", window.clientCpuMicrosPerSearch());
						w.addProperty("serverCpuMicrosPerSearch", window.serverCpuMicrosPerSearch());
						w.addProperty("searchesPerRequest", window.searchesPerRequest());
						rounds.add(w);
					}
					cell.add("rounds", rounds);
					search.add(Integer.toString(threads), cell);
				});
				client.add("search", search);
				List<Window> getWindows = this.gets.getOrDefault(contender, List.of());
				if (!getWindows.isEmpty()) {
					com.google.gson.JsonObject get = new com.google.gson.JsonObject();
					get.addProperty("p50", Report.pooledPercentile(getWindows, 50));
					get.addProperty("p99", Report.pooledPercentile(getWindows, 99));
					get.addProperty("throughput", Report.medianThroughput(getWindows));
					client.add("get", get);
				}
				clients.add(contender, client);
			}
			json.add("clients", clients);
			return new com.google.gson.GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
				.create()
				.toJson(json);
		}

	}

}
