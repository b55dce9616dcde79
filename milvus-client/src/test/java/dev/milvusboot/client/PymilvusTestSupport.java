package dev.milvusboot.client;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.BeforeAllCallback;

import dev.milvusboot.client.internal.codec.Json;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteExtension;
import dev.milvusboot.local.junit.TestNames;

/**
 * What the schema tests with pymilvus as the independent client share: our client on the subclass's Milvus Lite,
 * unique names, and the Python with pymilvus (Milvus Lite 3's own; a Milvus Lite 2.5 subclass registers
 * {@link #pymilvusOfMilvusLite3()}).
 */
abstract class PymilvusTestSupport {

	static MilvusClient client;

	static TestNames names;

	static MilvusLite lite;

	static Path python;

	@BeforeAll
	static void connect(MilvusLite server, TestNames testNames) {
		lite = server;
		names = testNames;
		client = MilvusClient.create(server.uri());
		if (server.engine() == MilvusLite.Engine.PYTHON) {
			python = server.pythonExecutable();
		}
	}

	@AfterAll
	static void close() {
		client.close();
	}

	/** For a server without Python: takes pymilvus from the shared Milvus Lite 3. */
	static BeforeAllCallback pymilvusOfMilvusLite3() {
		return (context) -> python = MilvusLiteExtension.server(context, MilvusLite.Engine.PYTHON).pythonExecutable();
	}

	/** Runs a pymilvus snippet on the server, with {@code NAME} set to the given name. */
	static Object pymilvus(String name, String snippet) {
		return PymilvusScript.run(python, lite.uri(), "NAME = " + Json.write(name, "name") + "\n" + snippet);
	}

}
