package dev.milvusboot.benchmarks.paths;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.milvusboot.benchmarks.Versions;
import dev.milvusboot.benchmarks.e2e.CpuMeter;
import dev.milvusboot.benchmarks.e2e.EndToEndMain;
import dev.milvusboot.benchmarks.e2e.ProcessContender;
import dev.milvusboot.benchmarks.e2e.Window;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.MilvusLocalServer;
import dev.milvusboot.local.MilvusStandalone;

/**
 * The new paths against their rivals, each contender in a process of its own, the order rotated every round:
 * <ul>
 * <li>{@code text}: full-text (BM25) and hybrid (dense + BM25, RRF) search at each thread count, ours (defaults and
 * coalescing off), the official SDK and pymilvus, on Milvus Lite 3.2 ({@link TextPart});</li>
 * <li>{@code stores}: add throughput and similarity-search latency of the Spring AI and LangChain4j stores, ours
 * and the official integrations ({@link StorePart});</li>
 * <li>{@code repository}: a derived vector search through {@code MilvusRepository} against the same search
 * through the client; {@code reactive}: concurrent searches through {@code ReactiveMilvusTemplate} from 2 event
 * loops against the blocking client on 200 threads ({@link SpringDataPart}).</li>
 * </ul>
 * Usage: {@code PathsMain [--parts text,stores,repository,reactive] [--server lite|standalone] [--text-rows 20000]
 * [--store-rows 4500] [--rows 20000] [--rounds 3] [--seconds 4] [--warm-up 3] [--threads 1,4,16] [--batch 100]
 * [--searches 1000] [--results results] [--store-warm-up-adds 150] [--store-warm-up 10]
 * [--worker-jvm-option OPTION]...}, e.g.
 * {@code --worker-jvm-option -XX:StartFlightRecording=filename=target/paths/} for a flight recording per worker. {@code --server} is where the stores, repository and reactive parts run;
 * the text part always runs on Milvus Lite 3.2 (Milvus 2.3 has no BM25). Writes {@code paths-<part>.md} and
 * {@code .json} into the results directory, and {@code paths.log}.
 */
public final class PathsMain {

	/** Options of every worker JVM. */
	static final List<String> JVM_OPTIONS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC");

	private static final StringBuilder LOG = new StringBuilder();

	final Settings settings;

	final Path work = Paths.get("target", "paths");

	private PathsMain(Settings settings) {
		this.settings = settings;
	}

	public static void main(String[] args) throws Exception {
		new PathsMain(Settings.parse(args)).run();
	}

	/** The command-line settings. */
	record Settings(List<String> parts, String server, int textRows, int storeRows, int rows, int rounds,
			double seconds, double warmUp, int[] threads, int batch, int searches, Path results,
			List<String> workerJvmOptions, int storeWarmUpAdds, double storeWarmUpSeconds) {

		static Settings parse(String[] args) {
			List<String> parts = List.of("text", "stores", "repository", "reactive");
			String server = "lite";
			int textRows = 20_000;
			int storeRows = 4_500;
			int rows = 20_000;
			int rounds = 3;
			double seconds = 4;
			double warmUp = 3;
			int[] threads = { 1, 4, 16 };
			int batch = 100;
			int searches = 1_000;
			Path results = Paths.get("results");
			List<String> workerJvmOptions = new ArrayList<>(JVM_OPTIONS);
			int storeWarmUpAdds = StorePart.WARM_UP_BATCHES;
			double storeWarmUpSeconds = StorePart.SEARCH_WARM_UP_SECONDS;
			for (int i = 0; i + 1 < args.length; i += 2) {
				String value = args[i + 1];
				switch (args[i]) {
					case "--parts" -> parts = List.of(value.split(","));
					case "--server" -> server = value;
					case "--text-rows" -> textRows = Integer.parseInt(value);
					case "--store-rows" -> storeRows = Integer.parseInt(value);
					case "--rows" -> rows = Integer.parseInt(value);
					case "--rounds" -> rounds = Integer.parseInt(value);
					case "--seconds" -> seconds = Double.parseDouble(value);
					case "--warm-up" -> warmUp = Double.parseDouble(value);
					case "--threads" -> threads = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
					case "--batch" -> batch = Integer.parseInt(value);
					case "--searches" -> searches = Integer.parseInt(value);
					case "--results" -> results = Paths.get(value);
					case "--worker-jvm-option" -> workerJvmOptions.add(value);
					case "--store-warm-up-adds" -> storeWarmUpAdds = Integer.parseInt(value);
					case "--store-warm-up" -> storeWarmUpSeconds = Double.parseDouble(value);
					default -> throw new IllegalArgumentException("Unknown option " + args[i]);
				}
			}
			if (!server.equals("lite") && !server.equals("standalone")) {
				throw new IllegalArgumentException("--server is lite or standalone: " + server);
			}
			if (parts.contains("stores") && storeRows % (batch * rounds) != 0) {
				throw new IllegalArgumentException("--store-rows must be a multiple of --batch × --rounds ("
						+ batch * rounds + ")");
			}
			return new Settings(parts, server, textRows, storeRows, rows, rounds, seconds, warmUp, threads, batch,
					searches, results, List.copyOf(workerJvmOptions), storeWarmUpAdds, storeWarmUpSeconds);
		}

	}

	private void run() throws Exception {
		long started = System.nanoTime();
		Files.createDirectories(this.work);
		Files.createDirectories(this.settings.results);
		log("Settings: " + this.settings.toString().replaceFirst("threads=\\[I@\\w+", "threads="
				+ Arrays.toString(this.settings.threads)));
		MilvusLite lite = null;
		MilvusLocalServer other = null;
		try {
			boolean needsLite = this.settings.parts.contains("text") || this.settings.server.equals("lite");
			if (needsLite) {
				log("Starting Milvus Lite " + MilvusLite.DEFAULT_VERSION);
				lite = MilvusLite.builder().progress((message) -> log("  " + message)).build().start();
			}
			MilvusLocalServer server = lite;
			if (this.settings.server.equals("standalone") && !this.settings.parts.stream()
				.allMatch("text"::equals)) {
				log("Starting Milvus standalone " + MilvusStandalone.DEFAULT_VERSION);
				other = MilvusStandalone.builder().progress((message) -> log("  " + message)).build().start();
				server = other;
			}
			String header = String.format(Locale.ROOT,
					"ours %s, official SDK %s; load average before: %s; %s, %d rounds, %.0f s windows after %.0f s of "
							+ "warm-up. Smoke figures unless run on a quiet machine with the defaults.",
					Versions.ours(), Versions.officialSdk(), EndToEndMain.loadAverage(), this.settings.server,
					this.settings.rounds, this.settings.seconds, this.settings.warmUp);
			for (String part : this.settings.parts) {
				List<PathsResults> results = switch (part) {
					case "text" -> List.of(new TextPart(this, lite).run());
					case "stores" -> new StorePart(this, server).run();
					case "repository" -> List.of(new SpringDataPart(this, server).repository());
					case "reactive" -> List.of(new SpringDataPart(this, server).reactive());
					default -> throw new IllegalArgumentException("Unknown part " + part);
				};
				for (PathsResults result : results) {
					result.notes.add(0, header);
					String markdown = result.markdown(result.contenders.get(result.contenders.size() > 1 ? 1 : 0));
					System.out.println(markdown);
					Files.writeString(this.settings.results.resolve("paths-" + result.part + ".md"), markdown);
					Files.writeString(this.settings.results.resolve("paths-" + result.part + ".json"), result.json());
				}
			}
		}
		finally {
			if (other != null) {
				other.close();
			}
			if (lite != null) {
				lite.close();
			}
			log(String.format(Locale.ROOT, "Done in %.1f minutes", (System.nanoTime() - started) / 60e9));
			Files.writeString(this.settings.results.resolve("paths.log"), LOG);
		}
	}

	/** Which jars a worker JVM gets: this JVM's class path without those of the other side. */
	enum Side {

		/** Our modules only: no SDK, no official integration. */
		OURS((jar) -> !jar.startsWith("milvus-sdk-java-") && !jar.startsWith("spring-ai-milvus-store-")
				&& !jar.startsWith("langchain4j-milvus-")),

		/** The SDK and the official integrations: none of our modules, no grpc-java of ours. */
		SDK((jar) -> !jar.startsWith("milvus-client-") && !jar.startsWith("grpc-") && !jar.startsWith("milvus-local-")
				&& !jar.startsWith("milvus-spring-") && !jar.startsWith("milvus-langchain4j-"));

		private final Predicate<String> keep;

		Side(Predicate<String> keep) {
			this.keep = keep;
		}

		String classpath() {
			List<String> entries = new ArrayList<>();
			for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
				if (this.keep.test(Paths.get(entry).getFileName().toString())) {
					entries.add(entry);
				}
			}
			return String.join(java.io.File.pathSeparator, entries);
		}

	}

	/** Starts a worker JVM ({@link PathsWorkerMain}) holding a driver. */
	ProcessContender worker(String name, Side side, Class<? extends PathsDriver> driver, String uri, String... args)
			throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(this.settings.workerJvmOptions);
		command.addAll(List.of("-cp", side.classpath(), PathsWorkerMain.class.getName(), driver.getName(), uri));
		command.addAll(List.of(args));
		return ProcessContender.start(name, command, this.work.resolve(name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "") + ".log"));
	}

	/** Copies a resource of this module into the work directory. */
	Path resource(String resource, String fileName) throws IOException {
		Path target = this.work.resolve(fileName);
		try (InputStream in = PathsMain.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IOException("Missing resource " + resource);
			}
			Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
		}
		return target;
	}

	static JsonObject command(String op) {
		JsonObject command = new JsonObject();
		command.addProperty("op", op);
		return command;
	}

	/** A timed window of {@code kind} calls on {@code threads} threads, with the client's and server's CPU. */
	void window(PathsResults results, String cell, ProcessContender contender, String kind, int threads,
			double seconds, int offset, long serverPid) throws IOException {
		window(results, cell, contender.name(), contender, kind, threads, seconds, offset, serverPid);
	}

	/** The same, recorded under {@code name} (several kinds measured in one process). */
	void window(PathsResults results, String cell, String name, ProcessContender contender, String kind, int threads,
			double seconds, int offset, long serverPid) throws IOException {
		JsonObject command = command("window");
		command.addProperty("kind", kind);
		command.addProperty("threads", threads);
		command.addProperty("seconds", seconds);
		command.addProperty("offset", offset);
		long client = CpuMeter.process(contender.pid());
		long server = CpuMeter.tree(serverPid);
		Window window = ProcessContender.window(contender.call(command));
		long clientCpu = CpuMeter.process(contender.pid()) - client;
		long serverCpu = CpuMeter.tree(serverPid) - server;
		if (results != null) {
			results.window(cell, name, window, clientCpu, serverCpu);
			log(String.format(Locale.ROOT, "  %s %s: %.1f/s p50 %.2f p99 %.2f ms", cell, name,
					window.throughput(), Window.percentile(window.latenciesMs(), 50),
					Window.percentile(window.latenciesMs(), 99)));
		}
	}

	/**
	 * Asks every contender for the ids of the first {@code queries} queries ({@code check}) and notes how many
	 * differ from the first contender's.
	 */
	void checkSameIds(PathsResults results, List<ProcessContender> contenders, String kind, int queries)
			throws IOException {
		JsonObject command = command("check");
		command.addProperty("kind", kind);
		command.addProperty("queries", queries);
		JsonArray reference = null;
		List<String> verdicts = new ArrayList<>();
		for (ProcessContender contender : contenders) {
			JsonArray ids = contender.call(command).getAsJsonArray("ids");
			if (reference == null) {
				reference = ids;
				int empty = 0;
				for (int q = 0; q < ids.size(); q++) {
					empty += ids.get(q).getAsJsonArray().isEmpty() ? 1 : 0;
				}
				verdicts.add(contender.name() + " (reference; " + empty + " without hits)");
				continue;
			}
			int differing = 0;
			for (int q = 0; q < queries; q++) {
				if (!ids.get(q).equals(reference.get(q))) {
					differing++;
				}
			}
			verdicts.add(contender.name() + (differing == 0 ? " same" : " DIFFERS in " + differing));
		}
		String line = String.format(Locale.ROOT, "Same top ids checked before timing (%s, first %d queries): %s.", kind,
				queries, String.join(", ", verdicts));
		log(line);
		results.notes.add(line);
	}

	/** The contenders in turn, starting with the {@code round}-th. */
	static <T> List<T> rotated(List<T> contenders, int round) {
		List<T> order = new ArrayList<>(contenders);
		Collections.rotate(order, -(round % order.size()));
		return order;
	}

	static void closeAll(List<ProcessContender> contenders) {
		for (ProcessContender contender : contenders) {
			contender.close();
		}
	}

	static String names(List<ProcessContender> contenders) {
		return String.join(" ", contenders.stream().map(ProcessContender::name).toList());
	}

	static void log(String message) {
		String line = String.format(Locale.ROOT, "%tT %s%n", System.currentTimeMillis(), message);
		System.out.print(line);
		LOG.append(line);
	}

}
