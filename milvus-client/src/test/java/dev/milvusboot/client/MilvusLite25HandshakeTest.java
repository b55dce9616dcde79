package dev.milvusboot.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import dev.milvusboot.client.exception.MilvusClientClosedException;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The handshake with Milvus Lite 2.5, which answers {@code GetVersion} and {@code CheckHealth} gRPC
 * {@code UNIMPLEMENTED} and {@code Connect} without server info: calls work, the version is "unknown", the
 * server counts as healthy, and the connection is logged once.
 */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class MilvusLite25HandshakeTest {

	@Test
	void callsWorkAndTheVersionIsUnknownAndTheConnectionIsLoggedOnce(MilvusLite lite, TestNames names) {
		Logger logger = Logger.getLogger("dev.milvusboot.client.MilvusClient");
		List<LogRecord> records = new CopyOnWriteArrayList<>();
		Handler handler = new Handler() {

			@Override
			public void publish(LogRecord record) {
				records.add(record);
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}

		};
		logger.addHandler(handler);
		try (MilvusClient client = MilvusClient.create(lite.uri())) {
			String name = names.collection("handshake");
			client.createCollection(CollectionSchema.quick(name, 4));
			assertThat(client.listCollections()).contains(name);
			assertThat(client.serverVersion()).isEqualTo(MilvusClient.UNKNOWN_SERVER_VERSION);
			assertThat(client.checkHealth().healthy()).isTrue();
			assertThat(client.withDatabase("default").serverVersion()).isEqualTo("unknown");

			assertThat(records).singleElement()
				.satisfies((record) -> assertThat(record.getMessage())
					.isEqualTo("Connected to Milvus (version unknown: the server tells none) at 127.0.0.1:"
							+ lite.port() + " (database default, " + client.options().poolSize() + " connections)"));
			client.close();
			assertThatExceptionOfType(MilvusClientClosedException.class).isThrownBy(client::serverVersion);
		}
		finally {
			logger.removeHandler(handler);
		}
	}

}
