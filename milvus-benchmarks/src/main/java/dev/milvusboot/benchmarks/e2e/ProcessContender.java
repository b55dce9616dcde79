package dev.milvusboot.benchmarks.e2e;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A contender in a process of its own, driven over stdin/stdout by one JSON line per command: pymilvus'
 * {@code MilvusClient} in Python (the script {@code e2e/pymilvus_contender.py} of this module's resources, Python
 * threads for concurrency) or a Java client in a JVM of its own ({@link ContenderMain}). Each times its calls
 * itself, with wall time around each call.
 */
public final class ProcessContender implements Contender {

	private static final String SCRIPT = "e2e/pymilvus_contender.py";

	private final String name;

	private final Process process;

	private final BufferedWriter commands;

	private final BufferedReader answers;

	/** Starts the process and waits until its client is created (its first line), so contenders start one by one. */
	private ProcessContender(String name, List<String> command, Path log) throws IOException {
		this.name = name;
		this.process = new ProcessBuilder(command).redirectError(log.toFile()).start();
		this.commands = new BufferedWriter(new OutputStreamWriter(this.process.getOutputStream(), StandardCharsets.UTF_8));
		this.answers = new BufferedReader(new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
		try {
			answer();
		}
		catch (IOException | RuntimeException ex) {
			this.process.destroyForcibly();
			throw ex;
		}
	}

	/**
	 * Starts a contender process that speaks this line protocol (used by {@code benchmarks.paths}).
	 * @param name the name in tables and messages
	 * @param command the process's command line
	 * @param log where its stderr goes
	 */
	public static ProcessContender start(String name, List<String> command, Path log) throws IOException {
		return new ProcessContender(name, command, log);
	}

	/**
	 * Starts pymilvus' contender script.
	 * @param python the Python with pymilvus
	 * @param workDirectory where the script is written and its stderr logged
	 * @param uri the server
	 * @param insertFile the insert vectors (float32 rows of {@code insertDim})
	 * @param queryFile the query vectors (float32 rows of {@code queryDim})
	 */
	static ProcessContender pymilvus(Path python, Path workDirectory, String uri, Path insertFile, int insertDim,
			Path queryFile, int queryDim) throws IOException {
		return pymilvus("pymilvus", python, workDirectory, uri, insertFile, insertDim, queryFile, queryDim);
	}

	/** Starts pymilvus' contender script under the given name in tables (and for its log). */
	static ProcessContender pymilvus(String name, Path python, Path workDirectory, String uri, Path insertFile,
			int insertDim, Path queryFile, int queryDim) throws IOException {
		Path script = workDirectory.resolve("pymilvus_contender.py");
		try (InputStream in = ProcessContender.class.getClassLoader().getResourceAsStream(SCRIPT)) {
			if (in == null) {
				throw new IOException("Missing resource " + SCRIPT);
			}
			Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
		}
		return new ProcessContender(name, List.of(python.toString(), script.toString(), uri, insertFile.toString(),
				Integer.toString(insertDim), queryFile.toString(), Integer.toString(queryDim)),
				workDirectory.resolve(name.replaceAll("[^A-Za-z0-9_.-]", "-") + ".log"));
	}

	/**
	 * Starts a Java client's contender JVM ({@link ContenderMain}).
	 * @param client the kind of {@link ContenderMain}, e.g. {@code ours} or {@code sdk}
	 * @param name the name in tables
	 * @param classpath the JVM's classpath: the harness and that client only
	 * @param jvmOptions options of the JVM, e.g. its heap
	 */
	static ProcessContender java(String client, String name, String classpath, List<String> jvmOptions,
			Path workDirectory, String uri, Path insertFile, int insertDim, Path queryFile, int queryDim)
			throws IOException {
		List<String> command = new java.util.ArrayList<>();
		command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", classpath, ContenderMain.class.getName(), client, uri, insertFile.toString(),
				Integer.toString(insertDim), queryFile.toString(), Integer.toString(queryDim)));
		return new ProcessContender(name, command, workDirectory.resolve(name.replaceAll("[^A-Za-z0-9_.-]", "-") + ".log"));
	}

	/** The version of pymilvus the given Python imports. */
	static String version(Path python) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(python.toString(), "-c", "import pymilvus; print(pymilvus.__version__)")
			.redirectErrorStream(true)
			.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		process.waitFor(30, TimeUnit.SECONDS);
		return out;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public long pid() {
		return this.process.pid();
	}

	@Override
	public Timing insert(String collection, int first, int count) throws IOException {
		JsonObject command = command("insert", collection);
		command.addProperty("first", first);
		command.addProperty("count", count);
		JsonObject answer = call(command);
		return new Timing(answer.get("seconds").getAsDouble(), answer.has("cpu") ? answer.get("cpu").getAsLong() : -1);
	}

	@Override
	public Window search(String collection, int threads, double seconds, int offset, int batch) throws IOException {
		JsonObject command = command("search", collection);
		command.addProperty("threads", threads);
		command.addProperty("seconds", seconds);
		command.addProperty("offset", offset);
		command.addProperty("batch", batch);
		command.addProperty("topK", TOP_K);
		command.addProperty("ef", EF);
		return window(call(command));
	}

	@Override
	public Window get(String collection, int threads, double seconds, int offset, int rows) throws IOException {
		JsonObject command = command("get", collection);
		command.addProperty("threads", threads);
		command.addProperty("seconds", seconds);
		command.addProperty("offset", offset);
		command.addProperty("rows", rows);
		return window(call(command));
	}

	private static JsonObject command(String op, String collection) {
		JsonObject command = new JsonObject();
		command.addProperty("op", op);
		command.addProperty("collection", collection);
		return command;
	}

	/** The window of an answer ({@link ContenderMain#window(JsonObject, Window)} wrote it). */
	public static Window window(JsonObject answer) {
		JsonArray latencies = answer.getAsJsonArray("latencies");
		double[] values = new double[latencies.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = latencies.get(i).getAsDouble();
		}
		int perCall = answer.has("perCall") ? answer.get("perCall").getAsInt() : 1;
		return new Window(values, answer.get("elapsed").getAsDouble(),
				answer.has("requests") ? answer.get("requests").getAsLong() : ((perCall > 1) ? values.length : -1),
				perCall, answer.has("cpu") ? answer.get("cpu").getAsLong() : -1, -1);
	}

	/** Sends one command and returns its answer; an answer with {@code error} fails. */
	public JsonObject call(JsonObject command) throws IOException {
		this.commands.write(command.toString());
		this.commands.newLine();
		this.commands.flush();
		return answer();
	}

	/** The next answer line; fails if the process exited or answered with an error. */
	private JsonObject answer() throws IOException {
		String line = this.answers.readLine();
		while (line != null && !line.startsWith("{")) {
			// not an answer (e.g. the JVM announcing a flight recording)
			line = this.answers.readLine();
		}
		if (line == null) {
			throw new IOException(this.name + " contender exited (exit code " + exitCode() + "), see its log in "
					+ "target/e2e");
		}
		JsonObject answer = JsonParser.parseString(line).getAsJsonObject();
		if (answer.has("error")) {
			throw new IOException(this.name + " contender: " + answer.get("error").getAsString());
		}
		return answer;
	}

	private String exitCode() {
		try {
			return this.process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(this.process.exitValue()) : "running";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "?";
		}
	}

	@Override
	public void close() {
		try {
			call(command("close", ""));
		}
		catch (IOException ex) {
			// it is stopped below in any case
		}
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
