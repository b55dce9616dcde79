package dev.milvusboot.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.milvusboot.client.internal.codec.Json;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a Python snippet with pymilvus (the Python of Milvus Lite 3's environment) and parses the JSON it prints
 * last: the independent client of the schema tests. The snippet sees {@code uri}, {@code client}
 * (a {@code MilvusClient} on it, when a uri is given), {@code json} and {@code pymilvus}'s main names.
 */
public final class PymilvusScript {

	private static final String PRELUDE = """
			import json, sys
			from pymilvus import MilvusClient, DataType, Function, FunctionType
			from pymilvus.client.prepare import Prepare
			from pymilvus.grpc_gen import milvus_pb2, schema_pb2, common_pb2
			from google.protobuf import json_format
			uri = sys.argv[1] if len(sys.argv) > 1 else None
			client = MilvusClient(uri=uri) if uri else None
			def out(value):
			    print(json.dumps(value))
			def msg(message):
			    return json_format.MessageToDict(message, preserving_proto_field_name=True)
			""";

	private PymilvusScript() {
	}

	/**
	 * Runs the snippet and returns what it printed with {@code out(...)}, parsed.
	 * @param python the Python executable
	 * @param uri the server's uri, or {@code null} to run without a server
	 * @param snippet the code
	 * @return the parsed JSON
	 */
	public static Object run(Path python, String uri, String snippet) {
		try {
			ProcessBuilder builder = (uri != null) ? new ProcessBuilder(python.toString(), "-c", PRELUDE + snippet, uri)
					: new ProcessBuilder(python.toString(), "-c", PRELUDE + snippet);
			Process process = builder.start();
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).as("pymilvus failed: %s", errors).isZero();
			String[] lines = output.strip().split("\n");
			return Json.parse(lines[lines.length - 1]);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run " + python, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
