package dev.milvusboot.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link MilvusStandalone}: the real Milvus 2.3 standalone binary from the PyPI package {@code milvus}. */
class MilvusStandaloneLauncherTest {

	@Test
	void startsAnswersItsVersionSurvivesKillAndRestartAndLeavesNothingRunning() {
		long started = System.nanoTime();
		MilvusStandalone milvus = MilvusStandalone.builder().build().start();
		List<ProcessHandle> tree;
		Path base;
		try {
			double seconds = (System.nanoTime() - started) / 1e9;
			assertThat(milvus.serverVersion()).startsWith("v2.3.");
			assertThat(milvus.uri()).isEqualTo("http://127.0.0.1:" + milvus.port());
			try (MilvusProbe probe = MilvusProbe.connect(milvus.host(), milvus.port())) {
				assertThat(probe.getVersion()).startsWith("v2.3.");
				assertThat(probe.checkHealth().healthy()).isTrue();
			}
			assertThat(milvus.metricsPort()).isPositive();
			// the binaries are links to the copy unpacked once in the Python environment
			assertThat(Files.isSymbolicLink(milvus.baseDirectory().resolve("bin").resolve("milvus"))).isTrue();
			long rss = milvus.residentMemoryBytes();
			assertThat(rss).isGreaterThan(50L * 1024 * 1024);
			System.out.printf("MEASURE milvus standalone start %.1f s, RSS %d MiB (idle, just started)%n", seconds,
					rss / (1024 * 1024));

			int port = milvus.port();
			tree = ProcessTree.members(ProcessHandle.of(milvus.pid()).orElseThrow());
			assertThat(tree).hasSizeGreaterThanOrEqualTo(2); // Python launcher and the milvus binary
			milvus.kill();
			assertThat(tree).noneMatch(ProcessTree::isRunning);
			long restarting = System.nanoTime();
			milvus.restart();
			System.out.printf("MEASURE milvus standalone restart after SIGKILL %.1f s%n",
					(System.nanoTime() - restarting) / 1e9);
			assertThat(milvus.port()).isEqualTo(port);
			try (MilvusProbe probe = MilvusProbe.connect(milvus.host(), milvus.port())) {
				assertThat(probe.getVersion()).startsWith("v2.3.");
			}
			tree = ProcessTree.members(ProcessHandle.of(milvus.pid()).orElseThrow());
			base = milvus.baseDirectory();
		}
		finally {
			milvus.close();
		}
		assertThat(tree).noneMatch(ProcessTree::isRunning);
		assertThat(base).doesNotExist();
	}

}
