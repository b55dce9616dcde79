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
 * Usage: {@code ContenderMain ours|sdk URI INSERT_VECTORS INSERT_DIM QUERY_VECTORS QUERY_DIM}.
 */
public final class ContenderMain {

	private ContenderMain() {
	}

	public static void main(String[] args) throws Exception {
		float[][] insertVectors = readFloats(Paths.get(args[2]), Integer.parseInt(args[3]));
		float[][] queries = readFloats(Paths.get(args[4]), Integer.parseInt(args[5]));
		// by reflection, so that the other client's classes are never loaded
		String type = switch (args[0]) {
			case "ours" -> "dev.milvusboot.benchmarks.e2e.OurContender";
			case "sdk" -> "dev.milvusboot.benchmarks.e2e.SdkContender";
			case "raw" -> "dev.milvusboot.benchmarks.e2e.RawGrpcContender";
			default -> throw new IllegalArgumentException("ours, sdk or raw: " + args[0]);
		};
		PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
				StandardCharsets.UTF_8);
		// the clients' own logging goes to stderr
		System.setOut(System.err);
		Contender contender = (Contender) Class.forName(type)
			.getDeclaredConstructor(String.class, float[][].class, float[][].class)
			.newInstance(args[1], insertVectors, queries);
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		String line;
		while ((line = in.readLine()) != null) {
			JsonObject command = JsonParser.parseString(line).getAsJsonObject();
			String op = command.get("op").getAsString();
			JsonObject answer = new JsonObject();
			try {
				String collection = command.get("collection").getAsString();
				switch (op) {
					case "insert" -> answer.addProperty("seconds", contender.insert(collection,
							command.get("first").getAsInt(), command.get("count").getAsInt()));
					case "search" -> window(answer, contender.search(collection, command.get("threads").getAsInt(),
							command.get("seconds").getAsDouble(), command.get("offset").getAsInt()));
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
