package dev.milvusboot.benchmarks.footprint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import dev.milvusboot.benchmarks.Versions;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.MilvusLocalServer;

/**
 * Footprint of our client against the official SDK, written to {@code footprint.md} in the results directory.
 * <ol>
 * <li>Our jars (milvus-client with its generated protocol classes, spring-data, autoconfigure, starter, local), built from the
 * working tree and installed into a private local repository ({@code target/footprint/repo}, with
 * {@code ~/.m2/repository} as a read-only tail), so the shared one is not touched.</li>
 * <li>Dependency closures, by {@code mvn dependency:copy-dependencies} (runtime scope) on throwaway poms: our
 * client alone, an application with our starter, the SDK alone, and spring-boot-starter + the SDK. All import
 * Boot's BOM (as our build and a Boot application do); the SDK's also pin what this module aligns, so that both
 * sides resolve the same versions of the jars they share.</li>
 * <li>Heap used after connecting (after a full GC), ours and the SDK's, each in fresh JVMs on its own closure.</li>
 * <li>The start-up time our auto-configuration adds to a minimal application ({@link StartupMain}): fresh JVMs
 * alternating with and without it, and repeated starts in one warm JVM.</li>
 * </ol>
 * Usage: {@code FootprintMain [--root DIR] [--results DIR] [--server lite|URI] [--heap-runs 5] [--cold-runs 15]
 * [--warm-runs 30]}, from the module directory; needs {@code target/classes} and {@code target/lib} of this
 * module (the run scripts build them).
 */
public final class FootprintMain {

	private static final String SDK_VERSION = Versions.officialSdk();

	private static final long MB = 1_000_000;

	/**
	 * Versions for the SDK's closures beyond Boot's BOM, the same as ours resolves for the jars both share:
	 * those this module aligns (the newest either side names) and error_prone_annotations as our parent pins it.
	 */
	private static final String SDK_PINS = pin("com.google.guava", "guava", "33.6.0-jre")
			+ pin("com.google.guava", "failureaccess", "1.0.3") + pin("com.google.j2objc", "j2objc-annotations", "3.1")
			+ pin("io.perfmark", "perfmark-api", "0.27.0")
			+ pin("com.google.api.grpc", "proto-google-common-protos", "2.64.1")
			+ pin("org.codehaus.mojo", "animal-sniffer-annotations", "1.27")
			+ pin("org.jetbrains", "annotations", "17.0.0")
			+ pin("com.google.errorprone", "error_prone_annotations", "2.50.0");

	private final Path root;

	private final Path module;

	private final Path work;

	private final Path repo;

	private final Path tail = Paths.get(System.getProperty("user.home"), ".m2", "repository");

	private final StringBuilder report = new StringBuilder();

	private boolean privateRepo = true;

	private FootprintMain(Path root) {
		this.root = root.toAbsolutePath().normalize();
		this.module = this.root.resolve("milvus-benchmarks");
		this.work = this.module.resolve("target/footprint");
		this.repo = this.work.resolve("repo");
	}

	public static void main(String[] args) throws Exception {
		Path root = Paths.get("..");
		Path results = Paths.get("results");
		String server = "lite";
		int heapRuns = 5;
		int coldRuns = 15;
		int warmRuns = 30;
		for (int i = 0; i + 1 < args.length; i += 2) {
			String value = args[i + 1];
			switch (args[i]) {
				case "--root" -> root = Paths.get(value);
				case "--results" -> results = Paths.get(value);
				case "--server" -> server = value;
				case "--heap-runs" -> heapRuns = Integer.parseInt(value);
				case "--cold-runs" -> coldRuns = Integer.parseInt(value);
				case "--warm-runs" -> warmRuns = Integer.parseInt(value);
				default -> throw new IllegalArgumentException("Unknown option " + args[i]);
			}
		}
		FootprintMain main = new FootprintMain(root);
		main.run(server, heapRuns, coldRuns, warmRuns);
		Files.createDirectories(results);
		Files.writeString(results.resolve("footprint.md"), main.report.toString());
		System.out.println();
		System.out.println(main.report);
	}

	private void run(String server, int heapRuns, int coldRuns, int warmRuns) throws Exception {
		Files.createDirectories(this.work);
		this.report.append(String.format(Locale.ROOT, "### Footprint%n%nJDK %s, %d cores; official SDK %s.%n%n",
				System.getProperty("java.runtime.version"), Runtime.getRuntime().availableProcessors(), SDK_VERSION));
		installOurs();
		ourJars();
		Map<String, Path> closures = closures();
		try (MilvusLocalServer lite = server.equals("lite") ? MilvusLite.builder().build().start() : null) {
			String uri = (lite != null) ? lite.uri() : server;
			heap(uri, closures, heapRuns);
			startup(uri, closures.get("starter"), coldRuns, warmRuns);
		}
	}

	/** Builds and installs our modules into the private repository (falls back to the shared one). */
	private void installOurs() throws Exception {
		log("Installing our modules into " + this.repo);
		int exit = mvn(this.root, List.of("install", "-pl", "milvus-spring-boot-starter", "-am",
				"-Dmaven.test.skip=true"), this.work.resolve("install.log"));
		if (exit != 0) {
			log("The build failed (see target/footprint/install.log): using the snapshots in " + this.tail);
			this.privateRepo = false;
		}
	}

	private void ourJars() throws IOException {
		this.report.append("#### Our jars (target: under 2 MB together)\n\n");
		this.report.append("| jar | bytes | MB |\n|---|---:|---:|\n");
		long total = 0;
		Path client = null;
		for (String artifact : List.of("milvus-client", "milvus-spring-data", "milvus-spring-boot-autoconfigure",
				"milvus-spring-boot-starter", "milvus-local")) {
			Path jar = installedJar(artifact);
			long size = Files.size(jar);
			total += size;
			if (artifact.equals("milvus-client")) {
				client = jar;
			}
			this.report.append(String.format(Locale.ROOT, "| %s | %,d | %.2f |%n", jar.getFileName(), size,
					size / (double) MB));
		}
		this.report.append(String.format(Locale.ROOT, "| **together** | **%,d** | **%.2f** %s |%n%n", total,
				total / (double) MB, (total < 2 * MB) ? "✅" : "❌"));
		long[] proto = new long[4];
		try (ZipFile zip = new ZipFile(client.toFile())) {
			zip.stream().filter((entry) -> !entry.isDirectory()).forEach((entry) -> {
				int group = entry.getName().startsWith("dev/milvusboot/client/internal/proto/") ? 0 : 2;
				proto[group] += compressed(entry);
				proto[group + 1]++;
			});
		}
		this.report.append(String.format(Locale.ROOT,
				"Inside milvus-client: generated protocol classes (`internal.proto`) %,d bytes compressed in %,d "
						+ "entries; everything else %,d bytes in %,d entries.%n%n",
				proto[0], proto[1], proto[2], proto[3]));
	}

	private static long compressed(ZipEntry entry) {
		return Math.max(0, entry.getCompressedSize());
	}

	private Path installedJar(String artifact) {
		Path base = this.privateRepo ? this.repo : this.tail;
		return base.resolve("dev/milvusboot/" + artifact + "/0.1.0-SNAPSHOT/" + artifact + "-0.1.0-SNAPSHOT.jar");
	}

	/** Resolves the closures; returns their lib directories by name. */
	private Map<String, Path> closures() throws Exception {
		String boot = "<dependency><groupId>org.springframework.boot</groupId>"
				+ "<artifactId>spring-boot-dependencies</artifactId><version>" + bootVersion()
				+ "</version><type>pom</type><scope>import</scope></dependency>";
		String ours = "<dependency><groupId>dev.milvusboot</groupId><artifactId>%s</artifactId>"
				+ "<version>0.1.0-SNAPSHOT</version></dependency>";
		String sdk = "<dependency><groupId>io.milvus</groupId><artifactId>milvus-sdk-java</artifactId><version>"
				+ SDK_VERSION + "</version></dependency>";
		String bootStarter = "<dependency><groupId>org.springframework.boot</groupId>"
				+ "<artifactId>spring-boot-starter</artifactId></dependency>";
		Map<String, String[]> cases = new LinkedHashMap<>();
		cases.put("client", new String[] { "our milvus-client alone", boot, String.format(ours, "milvus-client") });
		cases.put("sdk", new String[] { "official SDK " + SDK_VERSION + " alone", boot + SDK_PINS, sdk });
		cases.put("starter", new String[] { "application with our milvus-spring-boot-starter", boot,
				String.format(ours, "milvus-spring-boot-starter") });
		cases.put("boot-sdk", new String[] { "application with spring-boot-starter + official SDK " + SDK_VERSION,
				boot + SDK_PINS, bootStarter + sdk });
		Map<String, Path> libs = new LinkedHashMap<>();
		Map<String, List<Path>> jars = new LinkedHashMap<>();
		for (Map.Entry<String, String[]> entry : cases.entrySet()) {
			Path directory = this.work.resolve(entry.getKey());
			Path lib = directory.resolve("lib");
			deleteRecursively(lib);
			Files.createDirectories(directory);
			Files.writeString(directory.resolve("pom.xml"), pom(entry.getKey(), entry.getValue()[1],
					entry.getValue()[2]));
			log("Resolving the closure of: " + entry.getValue()[0]);
			int exit = mvn(directory, List.of("dependency:copy-dependencies", "-DincludeScope=runtime",
					"-DoutputDirectory=" + lib), directory.resolve("mvn.log"));
			if (exit != 0) {
				throw new IllegalStateException("Resolving " + directory + " failed, see its mvn.log");
			}
			libs.put(entry.getKey(), lib);
			try (Stream<Path> files = Files.list(lib)) {
				jars.put(entry.getKey(), files.sorted().toList());
			}
		}
		this.report.append("#### Dependency closures (runtime scope, `mvn dependency:copy-dependencies`)\n\n");
		this.report.append("| application | jars | bytes | MB | vs the SDK's |\n|---|---:|---:|---:|---:|\n");
		closureRow(cases.get("client")[0], jars.get("client"), jars.get("sdk"));
		closureRow(cases.get("sdk")[0], jars.get("sdk"), null);
		closureRow(cases.get("starter")[0], jars.get("starter"), jars.get("boot-sdk"));
		closureRow(cases.get("boot-sdk")[0], jars.get("boot-sdk"), null);
		this.report.append("\nTarget: ours at most 75% of the SDK's (client vs SDK alone; starter application vs "
				+ "spring-boot-starter + SDK). All resolved with Spring Boot's BOM; the SDK's closures also "
				+ "pin guava 33.6.0-jre, failureaccess, j2objc-annotations, perfmark-api, proto-google-common-protos, "
				+ "animal-sniffer-annotations, jetbrains annotations and error_prone_annotations to the versions "
				+ "this module aligns them to. The SDK declares slf4j-api `provided`: an application"
				+ " must add it (not counted). Largest jars:\n\n");
		for (String name : List.of("client", "sdk", "starter", "boot-sdk")) {
			List<Path> largest = new ArrayList<>(jars.get(name));
			largest.sort(Comparator.comparingLong(FootprintMain::size).reversed());
			List<String> parts = new ArrayList<>();
			for (Path jar : largest.subList(0, Math.min(6, largest.size()))) {
				parts.add(String.format(Locale.ROOT, "%s %.2f MB", jar.getFileName(), size(jar) / (double) MB));
			}
			this.report.append("- ").append(cases.get(name)[0]).append(": ").append(String.join(", ", parts))
				.append('\n');
		}
		List<String> onlyOurs = names(jars.get("starter"));
		onlyOurs.removeAll(names(jars.get("boot-sdk")));
		List<String> onlyTheirs = names(jars.get("boot-sdk"));
		onlyTheirs.removeAll(names(jars.get("starter")));
		this.report.append("\nOnly in the starter application: ").append(String.join(", ", onlyOurs))
			.append(".\nOnly in spring-boot-starter + SDK: ").append(String.join(", ", onlyTheirs)).append(".\n\n");
		return libs;
	}

	private void closureRow(String name, List<Path> jars, List<Path> theirs) {
		long bytes = jars.stream().mapToLong(FootprintMain::size).sum();
		String ratio = "";
		if (theirs != null) {
			long theirBytes = theirs.stream().mapToLong(FootprintMain::size).sum();
			double r = bytes / (double) theirBytes;
			ratio = String.format(Locale.ROOT, "%.0f%% of the bytes, %d vs %d jars %s", r * 100, jars.size(),
					theirs.size(), (r <= 0.75) ? "✅" : "❌");
		}
		this.report.append(String.format(Locale.ROOT, "| %s | %d | %,d | %.1f | %s |%n", name, jars.size(), bytes,
				bytes / (double) MB, ratio));
	}

	private static List<String> names(List<Path> jars) {
		List<String> names = new ArrayList<>();
		for (Path jar : jars) {
			names.add(jar.getFileName().toString().replaceAll("-\\d[\\w.\\-]*\\.jar$", ""));
		}
		return names;
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static String pin(String group, String artifact, String version) {
		return "<dependency><groupId>" + group + "</groupId><artifactId>" + artifact + "</artifactId><version>"
				+ version + "</version></dependency>";
	}

	private String pom(String name, String managed, String dependencies) {
		String management = "<dependencyManagement><dependencies>" + managed
				+ "</dependencies></dependencyManagement>";
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\">"
				+ "<modelVersion>4.0.0</modelVersion><groupId>footprint</groupId><artifactId>" + name
				+ "</artifactId><version>1</version><packaging>pom</packaging>" + management + "<dependencies>"
				+ dependencies + "</dependencies></project>\n";
	}

	private String bootVersion() throws IOException {
		Matcher matcher = Pattern.compile("<spring-boot.version>([^<]+)</spring-boot.version>")
			.matcher(Files.readString(this.root.resolve("pom.xml")));
		if (!matcher.find()) {
			throw new IllegalStateException("No spring-boot.version in the root pom");
		}
		return matcher.group(1);
	}

	private void heap(String uri, Map<String, Path> closures, int runs) throws Exception {
		log("Heap after connecting: " + runs + " fresh JVMs each");
		String classes = this.module.resolve("target/classes").toString();
		// the SDK needs slf4j-api, which it leaves to the application
		String slf4j = jarsIn(this.module.resolve("target/lib"), "slf4j-");
		Map<String, String> classpaths = new LinkedHashMap<>();
		classpaths.put("ours", classes + ":" + closures.get("client") + "/*");
		classpaths.put("sdk", classes + ":" + closures.get("sdk") + "/*:" + slf4j);
		Map<String, List<long[]>> samples = new LinkedHashMap<>();
		for (int i = 0; i < runs; i++) {
			for (Map.Entry<String, String> client : classpaths.entrySet()) {
				String out = java(List.of("-Xmx512m", "-XX:+UseSerialGC", "-cp", client.getValue(),
						HeapMain.class.getName(), client.getKey(), uri));
				Matcher m = Pattern.compile("baseline=(\\d+) after=(\\d+) classes=(\\d+)").matcher(out);
				if (!m.find()) {
					throw new IllegalStateException("HeapMain " + client.getKey() + " printed: " + out);
				}
				samples.computeIfAbsent(client.getKey(), (k) -> new ArrayList<>())
					.add(new long[] { Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
							Long.parseLong(m.group(3)) });
			}
		}
		this.report.append("#### Heap used after connecting (fresh JVM, after a full GC; median of ").append(runs)
			.append(" runs each)\n\n");
		this.report.append("JVM `-Xmx512m -XX:+UseSerialGC`, each client on its own closure; the client created with"
				+ " its defaults and one call (list collections) answered.\n\n");
		this.report.append("| client | heap before | heap after | added by the client | classes loaded |\n");
		this.report.append("|---|---:|---:|---:|---:|\n");
		double[] added = new double[2];
		int c = 0;
		for (Map.Entry<String, List<long[]>> entry : samples.entrySet()) {
			double before = medianOf(entry.getValue(), 0);
			double after = medianOf(entry.getValue(), 1);
			double delta = median(entry.getValue().stream().mapToDouble((s) -> s[1] - s[0]).toArray());
			added[c++] = delta;
			this.report.append(String.format(Locale.ROOT, "| %s | %.2f MB | %.2f MB | %.2f MB | %,.0f |%n",
					entry.getKey().equals("ours") ? "ours" : "official SDK " + SDK_VERSION, before / MB, after / MB,
					delta / MB, medianOf(entry.getValue(), 2)));
		}
		this.report.append(String.format(Locale.ROOT, "%nOurs/SDK, heap added: %.2f.%n%n", added[0] / added[1]));
	}

	private void startup(String uri, Path starterLib, int coldRuns, int warmRuns) throws Exception {
		String classpath = this.module.resolve("target/classes") + ":" + starterLib + "/*";
		log("Start-up: " + coldRuns + " fresh JVMs with, without and lazily with our auto-configuration, in turn");
		List<Double> coldWith = new ArrayList<>();
		List<Double> coldWithout = new ArrayList<>();
		List<Double> coldLazy = new ArrayList<>();
		List<Double> jvmWith = new ArrayList<>();
		List<Double> jvmWithout = new ArrayList<>();
		for (int i = 0; i < coldRuns + 1; i++) {
			for (String mode : List.of("with", "without", "lazy")) {
				long begin = System.nanoTime();
				String out = java(List.of("-cp", classpath, StartupMain.class.getName(), "cold", mode, uri));
				double wall = (System.nanoTime() - begin) / 1e6;
				Matcher m = Pattern.compile("ms=([\\d.]+)").matcher(out);
				if (!m.find()) {
					throw new IllegalStateException("StartupMain printed: " + out);
				}
				if (i == 0) {
					continue; // the first pair warms the OS caches
				}
				double ms = Double.parseDouble(m.group(1));
				switch (mode) {
					case "with" -> {
						coldWith.add(ms);
						jvmWith.add(wall);
					}
					case "without" -> {
						coldWithout.add(ms);
						jvmWithout.add(wall);
					}
					default -> coldLazy.add(ms);
				}
			}
		}
		log("Start-up: " + warmRuns + " starts each in one warm JVM");
		String warm = java(List.of("-cp", classpath, StartupMain.class.getName(), "warm", Integer.toString(warmRuns),
				uri));
		Matcher m = Pattern.compile("with=([\\d.]+) without=([\\d.]+)").matcher(warm);
		if (!m.find()) {
			throw new IllegalStateException("StartupMain printed: " + warm);
		}
		double warmWith = Double.parseDouble(m.group(1));
		double warmWithout = Double.parseDouble(m.group(2));
		double coldAdded = median(coldWith) - median(coldWithout);
		double jvmAdded = median(jvmWith) - median(jvmWithout);
		this.report.append("#### Start-up time our auto-configuration adds (target: under 50 ms)\n\n");
		this.report.append("A minimal Spring Boot application (`@SpringBootConfiguration @EnableAutoConfiguration`, no "
				+ "web server) on the closure of an application using our starter, with `milvus.uri` set; \"without\""
				+ " excludes our auto-configurations (`spring.autoconfigure.exclude`). Time of `SpringApplication.run`"
				+ " (the client is created, its connection is lazy); medians. Fresh JVMs take turns: with, without, "
				+ "lazy (with, but the `milvusClient` and `milvusTemplate` beans made lazy: our auto-configuration is "
				+ "processed, no client is created).\n\n");
		this.report.append("| measurement | with ours | without | added |\n|---|---:|---:|---:|\n");
		this.report.append(String.format(Locale.ROOT, "| fresh JVM, `SpringApplication.run` (%d runs each) | %.1f ms "
				+ "| %.1f ms | **%.1f ms** %s |%n", coldWith.size(), median(coldWith), median(coldWithout), coldAdded,
				(coldAdded < 50) ? "✅" : "❌"));
		this.report.append(String.format(Locale.ROOT, "| fresh JVM, process start to exit | %.0f ms | %.0f ms | %.0f "
				+ "ms |%n", median(jvmWith), median(jvmWithout), jvmAdded));
		this.report.append(String.format(Locale.ROOT, "| fresh JVM, client bean lazy: auto-configuration processed, no "
				+ "client created | %.1f ms | %.1f ms | %.1f ms |%n", median(coldLazy), median(coldWithout),
				median(coldLazy) - median(coldWithout)));
		this.report.append(String.format(Locale.ROOT, "| warm JVM, `SpringApplication.run` (%d runs each) | %.1f ms |"
				+ " %.1f ms | **%.1f ms** %s |%n%n", warmRuns, warmWith, warmWithout, warmWith - warmWithout,
				(warmWith - warmWithout < 50) ? "✅" : "❌"));
	}

	private String java(List<String> arguments) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException("Failed: " + command + "\n" + out);
		}
		return out;
	}

	private int mvn(Path directory, List<String> goals, Path log) throws Exception {
		List<String> command = new ArrayList<>(List.of(this.root.resolve("mvnw").toString(), "-B", "-q"));
		if (!directory.equals(this.root)) {
			command.addAll(List.of("-f", directory.resolve("pom.xml").toString()));
		}
		command.addAll(goals);
		if (this.privateRepo) {
			command.add("-Dmaven.repo.local=" + this.repo);
			command.add("-Dmaven.repo.local.tail=" + this.tail);
		}
		Process process = new ProcessBuilder(command).directory(this.root.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		if (!process.waitFor(15, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			return -1;
		}
		return process.exitValue();
	}

	private static String jarsIn(Path directory, String prefix) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return String.join(":", files.filter((file) -> file.getFileName().toString().startsWith(prefix)
					&& !file.getFileName().toString().startsWith("slf4j-nop"))
				.map(Path::toString)
				.toList());
		}
	}

	private static double medianOf(List<long[]> samples, int index) {
		return median(samples.stream().mapToDouble((s) -> s[index]).toArray());
	}

	private static double median(List<Double> values) {
		return median(values.stream().mapToDouble(Double::doubleValue).toArray());
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

	private static void log(String message) {
		System.out.printf(Locale.ROOT, "%tT %s%n", System.currentTimeMillis(), message);
	}

}
