package dev.milvusboot.benchmarks.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A Java client as a contender process, driven by {@link EndToEndMain} with the same line protocol as
 * {@code pymilvus_contender.py}: each Java client runs in a JVM of its own, with only its own client on the
 * classpath (as in an application), so neither shares JIT, GC or native transport libraries with the other.
 * <p>
 * Usage: {@code ContenderMain KIND URI INSERT_VECTORS INSERT_DIM QUERY_VECTORS QUERY_DIM}, the kind one of
 * {@code ours} (defaults), {@code ours-off} (search coalescing off), {@code ours-off-1c} (coalescing off, one
 * connection), {@code sdk} (one shared {@code MilvusClientV2}), {@code sdk-per-thread} (a client per search thread)
 * or {@code raw} (the raw grpc-java floor of {@link LatencySplitMain}).
 */
public final class ContenderMain {

	private ContenderMain() {
	}

	public static void main(String[] args) throws Exception {
		float[][] insertVectors = readFloats(Paths.get(args[2]), Integer.parseInt(args[3]));
		float[][] queries = readFloats(Paths.get(args[4]), Integer.parseInt(args[5]));
		// by reflection, so that the other client's classes are never loaded: the class and its factory method
		String[] type = switch (args[0]) {
			case "ours" -> new String[] { "OurContender", null };
			case "ours-off" -> new String[] { "OurContender", "coalescingOff" };
			case "ours-off-1c" -> new String[] { "OurContender", "coalescingOffOneConnection" };
			case "sdk" -> new String[] { "SdkContender", null };
			case "sdk-per-thread" -> new String[] { "SdkContender", "perThread" };
			case "raw" -> new String[] { "RawGrpcContender", null };
			default -> throw new IllegalArgumentException(
					"ours, ours-off, ours-off-1c, sdk, sdk-per-thread or raw: " + args[0]);
		};
		PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
				StandardCharsets.UTF_8);
		// the clients' own logging goes to stderr
		System.setOut(System.err);
		Class<?> contenderClass = Class.forName(ContenderMain.class.getPackageName() + "." + type[0]);
		Object[] arguments = { args[1], insertVectors, queries };
		Contender contender = (Contender) ((type[1] != null)
				? accessible(contenderClass.getDeclaredMethod(type[1], String.class, float[][].class, float[][].class))
					.invoke(null, arguments)
				: contenderClass.getDeclaredConstructor(String.class, float[][].class, float[][].class)
					.newInstance(arguments));
		// the harness waits for this before it starts the next contender
		out.println("{\"ready\":true}");
		out.flush();
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		String line;
		while ((line = in.readLine()) != null) {
			JsonObject command = JsonParser.parseString(line).getAsJsonObject();
			String op = command.get("op").getAsString();
			JsonObject answer = new JsonObject();
			try {
				String collection = command.get("collection").getAsString();
				switch (op) {
					case "insert" -> {
						Contender.Timing timing = contender.insert(collection, command.get("first").getAsInt(),
								command.get("count").getAsInt());
						answer.addProperty("seconds", timing.seconds());
						answer.addProperty("cpu", timing.cpuNanos());
					}
					case "search" -> window(answer, contender.search(collection, command.get("threads").getAsInt(),
							command.get("seconds").getAsDouble(), command.get("offset").getAsInt(),
							command.has("batch") ? command.get("batch").getAsInt() : 1));
					case "get" -> window(answer, contender.get(collection, command.get("threads").getAsInt(),
							command.get("seconds").getAsDouble(), command.get("offset").getAsInt(),
							command.get("rows").getAsInt()));
					case "close" -> {
						contender.close();
						answer.addProperty("closed", true);
					}
					default -> throw new IllegalArgumentException("unknown op " + op);
				}
			}
			catch (Exception ex) {
				answer.addProperty("error", ex.toString());
			}
			out.println(answer);
			out.flush();
			if (op.equals("close")) {
				break;
			}
		}
		System.exit(0);
	}

	/** Puts a window into an answer: its latencies, elapsed time and (if known) requests. */
	public static void window(JsonObject answer, Window window) {
		JsonArray latencies = new JsonArray(window.latenciesMs().length);
		for (double latency : window.latenciesMs()) {
			latencies.add(latency);
		}
		answer.add("latencies", latencies);
		answer.addProperty("elapsed", window.elapsedSeconds());
		if (window.requests() >= 0) {
			answer.addProperty("requests", window.requests());
		}
		answer.addProperty("perCall", window.perCall());
		answer.addProperty("cpu", window.cpuNanos());
	}

	private static java.lang.reflect.Method accessible(java.lang.reflect.Method method) {
		method.setAccessible(true);
		return method;
	}

	/** Reads little-endian float32 rows of {@code dim}. */
	static float[][] readFloats(Path file, int dim) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			ByteBuffer buffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size())
				.order(ByteOrder.LITTLE_ENDIAN);
			int rows = (int) (channel.size() / 4 / dim);
			float[][] vectors = new float[rows][dim];
			for (float[] vector : vectors) {
				buffer.asFloatBuffer().get(vector);
				buffer.position(buffer.position() + dim * 4);
			}
			return vectors;
		}
	}

}
