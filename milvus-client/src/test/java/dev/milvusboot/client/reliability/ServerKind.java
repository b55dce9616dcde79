package dev.milvusboot.client.reliability;

import java.time.Duration;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.MilvusStandalone;

/**
 * The real servers fault tests run against: Milvus Lite and the full Milvus 2.3 standalone, each started afresh
 * (never the shared server of the other tests) and deleted with its data afterwards.
 */
enum ServerKind {

	/** Milvus Lite 3.x: one process, starts in about a second and a half. */
	LITE {
		@Override
		FaultServer start() {
			MilvusLite lite = MilvusLite.builder().build().start();
			return new Server(this, lite.serverVersion(), lite.uri(), lite.port(), () -> lite.start(), lite::kill,
					lite::pause, lite::resume, lite::close);
		}
	},

	/** Milvus 2.3 standalone with embedded etcd: starts in about ten seconds. */
	STANDALONE {
		@Override
		FaultServer start() {
			MilvusStandalone milvus = MilvusStandalone.builder().startupTimeout(Duration.ofSeconds(120)).build().start();
			return new Server(this, milvus.serverVersion(), milvus.uri(), milvus.port(), () -> milvus.start(),
					milvus::kill, milvus::pause, milvus::resume, milvus::close);
		}
	};

	/** Starts a new server of this kind with empty data on a free port of 127.0.0.1. */
	abstract FaultServer start();

	private record Server(ServerKind kind, String version, String uri, int port, Runnable starter, Runnable killer,
			Runnable pauser, Runnable resumer, Runnable closer) implements FaultServer {

		@Override
		public void start() {
			this.starter.run();
		}

		@Override
		public void kill() {
			this.killer.run();
		}

		@Override
		public void pause() {
			this.pauser.run();
		}

		@Override
		public void resume() {
			this.resumer.run();
		}

		@Override
		public void close() {
			this.closer.run();
		}

	}

}
