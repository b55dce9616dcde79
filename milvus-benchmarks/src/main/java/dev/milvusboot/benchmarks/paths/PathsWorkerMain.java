package dev.milvusboot.benchmarks.paths;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.milvusboot.benchmarks.e2e.ContenderMain;
import dev.milvusboot.benchmarks.e2e.JavaContender;
import dev.milvusboot.benchmarks.e2e.Window;

/**
 * A worker JVM holding one {@link PathsDriver}, driven over stdin/stdout by one JSON line per command, as
 * {@code e2e.ProcessContender} speaks it: {@code window} (calls of a kind on some threads for some seconds, each
 * timed), {@code close}, and anything else handed to the driver.
 * <p>
 * Usage: {@code PathsWorkerMain DRIVER_CLASS URI [ARGUMENT...]}; the driver has a constructor
 * {@code (String uri, String[] arguments)}.
 */
public final class PathsWorkerMain {

	private PathsWorkerMain() {
	}

	public static void main(String[] args) throws Exception {
		PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
		// the clients' own logging goes to stderr
		System.setOut(System.err);
		String[] arguments = java.util.Arrays.copyOfRange(args, 2, args.length);
		// by reflection, so that only this driver's client classes are loaded
		PathsDriver driver = (PathsDriver) Class.forName(args[0])
			.getDeclaredConstructor(String.class, String[].class)
			.newInstance(args[1], arguments);
		// the harness (ProcessContender) waits for this before it sends a command
		out.println("{\"ready\":true}");
		out.flush();
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		String line;
		while ((line = in.readLine()) != null) {
			JsonObject command = JsonParser.parseString(line).getAsJsonObject();
			String op = command.get("op").getAsString();
			JsonObject answer;
			try {
				answer = switch (op) {
					case "window" -> window(driver, command);
					case "close" -> {
						driver.close();
						JsonObject closed = new JsonObject();
						closed.addProperty("closed", true);
						yield closed;
					}
					default -> driver.command(op, command);
				};
			}
			catch (Exception ex) {
				answer = new JsonObject();
				answer.addProperty("error", ex.toString());
				ex.printStackTrace();
			}
			out.println(answer);
			out.flush();
			if (op.equals("close")) {
				break;
			}
		}
		System.exit(0);
	}

	private static JsonObject window(PathsDriver driver, JsonObject command) throws Exception {
		String kind = command.get("kind").getAsString();
		int offset = command.get("offset").getAsInt();
		Window window = JavaContender.window(command.get("threads").getAsInt(), command.get("seconds").getAsDouble(),
				(t, i) -> {
					try {
						driver.call(kind, offset + t * 131 + i);
					}
					catch (RuntimeException ex) {
						throw ex;
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				});
		JsonObject answer = new JsonObject();
		ContenderMain.window(answer, window);
		return answer;
	}

}
