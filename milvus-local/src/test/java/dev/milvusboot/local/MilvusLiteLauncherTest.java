package dev.milvusboot.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link MilvusLite} against the real Milvus Lite server from PyPI. */
class MilvusLiteLauncherTest {

	@Test
	void startsAndAnswersGetVersionAndCheckHealth() {
		long started = System.nanoTime();
		try (MilvusLite lite = MilvusLite.builder().build().start()) {
			double seconds = (System.nanoTime() - started) / 1e9;
			assertThat(lite.serverVersion()).contains("3.2");
			assertThat(lite.uri()).isEqualTo("http://127.0.0.1:" + lite.port());
			assertThat(lite.host()).isEqualTo("127.0.0.1");
			try (MilvusProbe probe = MilvusProbe.connect(lite.host(), lite.port())) {
				assertThat(probe.getVersion()).isEqualTo("milvus_lite-3.2.2");
				assertThat(probe.checkHealth().healthy()).isTrue();
			}
			assertThat(lite.isRunning()).isTrue();
			assertThat(lite.logFile()).exists();
			assertThat(lite.residentMemoryBytes()).isGreaterThan(10L * 1024 * 1024);
			System.out.printf("MEASURE milvus-lite start %.2f s (venv cached), RSS %d MiB%n", seconds,
					lite.residentMemoryBytes() / (1024 * 1024));
		}
	}

	@Test
	void stopLeavesNoProcessAliveAndFreesThePort() throws IOException {
		MilvusLite lite = MilvusLite.builder().build().start();
		Path data = lite.dataDirectory();
		List<ProcessHandle> tree = ProcessTree.members(ProcessHandle.of(lite.pid()).orElseThrow());
		assertThat(tree).isNotEmpty();
		lite.close();
		assertThat(tree).noneMatch(ProcessTree::isRunning);
		assertThat(lite.isRunning()).isFalse();
		assertThat(data).doesNotExist();
		try (ServerSocket socket = new ServerSocket(lite.port(), 1, InetAddress.getByName("127.0.0.1"))) {
			assertThat(socket.getLocalPort()).isEqualTo(lite.port());
		}
	}

	@Test
	void fixedPortAlreadyTakenIsAClearError() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			int port = taken.getLocalPort();
			assertThatThrownBy(() -> MilvusLite.builder().port(port).build().start())
				.isInstanceOfSatisfying(MilvusLocalException.class,
						(ex) -> assertThat(ex.reason()).isEqualTo(MilvusLocalException.Reason.PORT_IN_USE))
				.hasMessageContaining("Port " + port + " on 127.0.0.1 is already taken");
		}
	}

	@Test
	void missingPythonIsAClearError(@TempDir Path cache) {
		assertThatThrownBy(() -> MilvusLite.builder()
			.cacheDirectory(cache)
			.python("/nonexistent/bin/python3")
			.build()
			.start())
			.isInstanceOfSatisfying(MilvusLocalException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(MilvusLocalException.Reason.PYTHON_NOT_FOUND))
			.hasMessageContaining("'/nonexistent/bin/python3' cannot be run");
	}

	@Test
	void restartKeepsPortAndData(@TempDir Path data) throws Exception {
		try (MilvusLite lite = MilvusLite.builder().dataDirectory(data).build().start()) {
			int port = lite.port();
			long firstPid = lite.pid();
			python(lite, "from pymilvus import MilvusClient\n" + "c = MilvusClient(uri='" + lite.uri() + "')\n"
					+ "c.create_collection('kept', dimension=2)\n"
					+ "c.insert('kept', [{'id': 1, 'vector': [0.1, 0.2]}])\n" + "c.flush('kept')\n");
			lite.restart();
			assertThat(lite.port()).isEqualTo(port);
			assertThat(lite.dataDirectory()).isEqualTo(data);
			assertThat(lite.pid()).isNotEqualTo(firstPid);
			assertThat(ProcessHandle.of(firstPid).map(ProcessTree::isRunning).orElse(false)).isFalse();
			String rows = python(lite, "from pymilvus import MilvusClient\n" + "c = MilvusClient(uri='" + lite.uri()
					+ "')\n" + "c.load_collection('kept')\n"
					+ "print('ROWS', len(c.query('kept', filter='id >= 0')))\n");
			assertThat(rows).contains("ROWS 1");
		}
		assertThat(data).exists();
	}

	@Test
	void killThenRestartServesAgain() {
		try (MilvusLite lite = MilvusLite.builder().build().start()) {
			List<ProcessHandle> tree = ProcessTree.members(ProcessHandle.of(lite.pid()).orElseThrow());
			lite.kill();
			assertThat(tree).noneMatch(ProcessTree::isRunning);
			assertThat(lite.isRunning()).isFalse();
			try (MilvusProbe probe = MilvusProbe.builder(lite.host(), lite.port())
				.deadline(Duration.ofSeconds(1))
				.build()) {
				assertThatThrownBy(probe::getVersion).isInstanceOf(MilvusLocalException.class);
			}
			lite.restart();
			assertThat(lite.isRunning()).isTrue();
			try (MilvusProbe probe = MilvusProbe.connect(lite.host(), lite.port())) {
				assertThat(probe.getVersion()).contains("3.2");
			}
		}
	}

	@Test
	void pausedServerAnswersNothingUntilResumed() {
		try (MilvusLite lite = MilvusLite.builder().build().start();
				MilvusProbe probe = MilvusProbe.builder(lite.host(), lite.port())
					.deadline(Duration.ofMillis(1500))
					.build()) {
			assertThat(probe.getVersion()).contains("3.2");
			lite.pause();
			try {
				assertThatThrownBy(probe::getVersion).isInstanceOfSatisfying(MilvusLocalException.class,
						(ex) -> assertThat(ex).hasMessageContaining("DEADLINE_EXCEEDED"));
			}
			finally {
				lite.resume();
			}
			assertThat(probe.getVersion()).contains("3.2");
		}
	}

	@Test
	void secondServerOnTheSameDataDirectoryIsRefusedNamingTheFirst(@TempDir Path data) {
		try (MilvusLite first = MilvusLite.builder().dataDirectory(data).build().start();
				MilvusLite second = MilvusLite.builder().dataDirectory(data).build()) {
			// Milvus Lite locks its data directory: the first server is named, not stopped
			assertThatThrownBy(second::start)
				.isInstanceOfSatisfying(MilvusLocalException.class,
						(ex) -> assertThat(ex.reason()).isEqualTo(MilvusLocalException.Reason.DATA_DIRECTORY_LOCKED))
				.hasMessageContaining("is used by another server started by this JVM (pid " + first.pid() + ": ")
				.hasMessageContaining("--data-dir " + data);
			assertThat(second.isRunning()).isFalse();
			assertThat(first.isRunning()).isTrue();
		}
	}

	@Test
	void startupTimeoutIsReportedAndTheProcessKilled() {
		try (MilvusLite lite = MilvusLite.builder().startupTimeout(Duration.ofMillis(1)).build()) {
			assertThatThrownBy(lite::start)
				.isInstanceOfSatisfying(MilvusLocalException.class,
						(ex) -> assertThat(ex.reason()).isEqualTo(MilvusLocalException.Reason.TIMEOUT))
				.hasMessageContaining("did not become ready on 127.0.0.1:" + lite.port())
				.hasMessageContaining("--- last lines of " + lite.logFile());
			assertThat(lite.isRunning()).isFalse();
		}
	}

	private static String python(MilvusLite lite, String script) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(lite.pythonExecutable().toString(), "-c", script)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	static Path writeScript(Path dir, String name, String body) throws IOException {
		Path script = dir.resolve(name);
		Files.writeString(script, "#!/bin/sh\n" + body);
		assertThat(script.toFile().setExecutable(true)).isTrue();
		return script;
	}

}
