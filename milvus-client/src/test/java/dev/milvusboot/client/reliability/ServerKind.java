package dev.milvusboot.client.reliability;

import java.time.Duration;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.MilvusLocalServer;
import dev.milvusboot.local.MilvusStandalone;

/**
 * The real servers fault tests run against, each started afresh for the test that kills or freezes it (never the
 * shared server of the other tests) and deleted with its data afterwards.
 */
enum ServerKind {

	/** Milvus Lite 3.x: one process, starts in about a second and a half. */
	LITE {
		@Override
		MilvusLocalServer start() {
			return MilvusLite.builder().build().start();
		}
	},

	/** Milvus 2.3 standalone with embedded etcd: starts in about ten seconds. */
	STANDALONE {
		@Override
		MilvusLocalServer start() {
			return MilvusStandalone.builder().startupTimeout(Duration.ofSeconds(120)).build().start();
		}
	};

	/** Starts a new server of this kind with empty data on free ports of 127.0.0.1. */
	abstract MilvusLocalServer start();

}
