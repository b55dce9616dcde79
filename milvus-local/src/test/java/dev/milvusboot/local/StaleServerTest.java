package dev.milvusboot.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A data directory held by a leftover server (a real server started with our launcher's command line, detached
 * from this JVM as an orphan of a killed application is) or by a process that is not ours.
 */
class StaleServerTest {

	private final List<Long> detached = new ArrayList<>();

	@AfterEach
	void killDetached() {
		for (long pid : this.detached) {
			ProcessHandle.of(pid).ifPresent(ProcessTree::killForcibly);
		}
	}

	@Test
	void restartOnTheSameDirectoryAfterTheApplicationWasKilled(@TempDir Path temp) throws Exception {
		Path data = temp.resolve("data");
		try (ServerInChildJvm child = ServerInChildJvm.start(temp.resolve("child.log"), "PYTHON", data.toString())) {
			child.killJvm();
			try (MilvusLite lite = MilvusLite.builder().dataDirectory(data).build().start()) {
				assertThat(lite.isRunning()).isTrue();
			}
			assertThat(child.awaitServerGone(Duration.ofSeconds(1))).isNotNegative();
		}
	}

	@Test
	void serverOfAnotherRunningApplicationIsReportedNotStopped(@TempDir Path temp) throws Exception {
		Path data = temp.resolve("data");
		try (ServerInChildJvm child = ServerInChildJvm.start(temp.resolve("child.log"), "NATIVE", data.toString())) {
			assertThatThrownBy(() -> MilvusLite.builder()
				.engine(MilvusLite.Engine.NATIVE)
				.dataDirectory(data)
				.build()
				.start()).isInstanceOfSatisfying(MilvusLocalException.class,
						(ex) -> assertThat(ex.reason()).isEqualTo(MilvusLocalException.Reason.DATA_DIRECTORY_LOCKED))
					// the other JVM holds the lock file while its server runs
					.hasMessageContaining("held by a process this launcher did not start (pid " + child.jvmPid() + ": ")
					.hasMessageContaining(ServerInChildJvm.class.getName());
			assertThat(child.serverPids()).allMatch((pid) -> ProcessHandle.of(pid).filter(ProcessTree::isRunning)
				.isPresent());
		}
	}

	@Test
	void leftoverPythonLiteIsStoppedByDefault(@TempDir Path data) throws Exception {
		long leftover = leftoverPythonLite(data);
		List<String> progress = new CopyOnWriteArrayList<>();
		try (MilvusLite lite = MilvusLite.builder().dataDirectory(data).progress(progress::add).build().start()) {
			assertThat(lite.isRunning()).isTrue();
		}
		assertThat(ProcessHandle.of(leftover).filter(ProcessTree::isRunning)).isEmpty();
		assertThat(progress.stream().filter((line) -> line.startsWith("Stopping a leftover")))
			.singleElement()
			.asString()
			.contains("(pid " + leftover + ")", data.toString());
	}

	@Test
	void leftoverPythonLiteIsReportedWhenNotToBeStopped(@TempDir Path data) throws Exception {
		long leftover = leftoverPythonLite(data);
		assertThatThrownBy(() -> MilvusLite.builder().dataDirectory(data).stopStaleServer(false).build().start())
			.isInstanceOfSatisfying(MilvusLocalException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(MilvusLocalException.Reason.DATA_DIRECTORY_LOCKED))
			.hasMessageContaining("held by a leftover Milvus Lite server (pid " + leftover + ": ")
			.hasMessageContaining("milvus-lite server --data-dir " + data)
			.hasMessageContaining("kill " + leftover)
			.hasMessageContaining("milvus.lite.stop-stale-server=true")
			.hasMessageContaining("choose another data directory");
		assertThat(ProcessHandle.of(leftover).filter(ProcessTree::isRunning)).isPresent();
	}

	@Test
	void pythonLiteDirectoryLockedByAProcessNotOursIsReportedNotStopped(@TempDir Path data) throws Exception {
		long holder = detach(data.resolve("holder.log"), "python3", "-c",
				"import fcntl, os, time\nos.makedirs('" + data + "', exist_ok=True)\nf = open('" + data.resolve("LOCK")
						+ "', 'a')\nfcntl.flock(f, fcntl.LOCK_EX)\nprint('locked', flush=True)\ntime.sleep(600)\n");
		awaitLogLine(data.resolve("holder.log"), "locked");
		assertThatThrownBy(() -> MilvusLite.builder().dataDirectory(data).build().start())
			.isInstanceOfSatisfying(MilvusLocalException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(MilvusLocalException.Reason.DATA_DIRECTORY_LOCKED))
			.hasMessageContaining("held by a process this launcher did not start (pid " + holder + ": ")
			.hasMessageContaining("python3");
		assertThat(ProcessHandle.of(holder).filter(ProcessTree::isRunning)).isPresent();
	}

	@Test
	void leftoverNativeLiteIsStoppedByDefaultAndReportedOtherwise(@TempDir Path data) throws Exception {
		Path lib = new NativeInstaller(null, null, Duration.ofMinutes(10), (line) -> {
		}).install(MilvusLite.DEFAULT_NATIVE_VERSION);
		int port = Ports.freePort();
		long leftover = detach(data.resolve("leftover.log"), "/usr/bin/env", "LD_LIBRARY_PATH=" + lib,
				lib.resolve("milvus").toString(), data.resolve("milvus.db").toString(), "127.0.0.1:" + port, "ERROR");
		awaitConnect(port);
		assertThatThrownBy(() -> MilvusLite.builder()
			.engine(MilvusLite.Engine.NATIVE)
			.dataDirectory(data)
			.stopStaleServer(false)
			.build()
			.start()).isInstanceOfSatisfying(MilvusLocalException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(MilvusLocalException.Reason.DATA_DIRECTORY_LOCKED))
				.hasMessageContaining("held by a leftover Milvus Lite server (pid " + leftover + ": ")
				.hasMessageContaining(data.resolve("milvus.db").toString());
		List<String> progress = new CopyOnWriteArrayList<>();
		try (MilvusLite lite = MilvusLite.builder()
			.engine(MilvusLite.Engine.NATIVE)
			.dataDirectory(data)
			.progress(progress::add)
			.build()
			.start()) {
			assertThat(lite.isRunning()).isTrue();
		}
		assertThat(ProcessHandle.of(leftover).filter(ProcessTree::isRunning)).isEmpty();
		assertThat(progress).anyMatch((line) -> line.startsWith("Stopping a leftover Milvus Lite server (pid "
				+ leftover + ")"));
	}

	@Test
	void nativeLiteDirectoryLockedByItsPythonLauncherIsReported(@TempDir Path data) throws Exception {
		// milvus_lite/server.py (pymilvus' MilvusClient("./milvus.db")) takes this lock with lockf
		long holder = detach(data.resolve("holder.log"), "python3", "-c",
				"import fcntl, os, time\nos.makedirs('" + data + "', exist_ok=True)\nf = open('"
						+ data.resolve(".milvus.db.lock") + "', 'a')\nfcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
						+ "print('locked', flush=True)\ntime.sleep(600)\n");
		awaitLogLine(data.resolve("holder.log"), "locked");
		assertThatThrownBy(() -> MilvusLite.builder().engine(MilvusLite.Engine.NATIVE).dataDirectory(data).build().start())
			.isInstanceOfSatisfying(MilvusLocalException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(MilvusLocalException.Reason.DATA_DIRECTORY_LOCKED))
			.hasMessageContaining("held by a process this launcher did not start (pid " + holder + ": ");
	}

	/** Starts Milvus Lite 3.x as our launcher does, but detached from this JVM (its parent exits at once). */
	private long leftoverPythonLite(Path data) throws Exception {
		PythonEnvironment environment = PythonInstaller.builder()
			.build()
			.install(PythonRequirements.milvusLite(MilvusLite.DEFAULT_VERSION, MilvusLite.DEFAULT_PYMILVUS_VERSION));
		int port = Ports.freePort();
		long pid = detach(data.resolveSibling(data.getFileName() + "-leftover.log"),
				environment.executable("milvus-lite").toString(), "server", "--data-dir", data.toString(), "--host",
				"127.0.0.1", "--port", Integer.toString(port));
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (Readiness.plain("127.0.0.1", port) == null) {
			assertThat(System.nanoTime()).as("leftover server ready").isLessThan(deadline);
			Thread.sleep(200);
		}
		return pid;
	}

	private long detach(Path log, String... command) throws IOException, InterruptedException {
		StringBuilder line = new StringBuilder();
		for (String arg : command) {
			line.append('\'').append(arg.replace("'", "'\\''")).append("' ");
		}
		java.nio.file.Files.createDirectories(log.getParent());
		Process sh = new ProcessBuilder("/bin/sh", "-c", line + "> '" + log + "' 2>&1 < /dev/null & echo $!")
			.redirectErrorStream(true)
			.start();
		String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		assertThat(sh.waitFor(10, TimeUnit.SECONDS)).isTrue();
		long pid = Long.parseLong(out);
		this.detached.add(pid);
		return pid;
	}

	private static void awaitConnect(int port) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (Readiness.connects("127.0.0.1", port, "ready") == null) {
			assertThat(System.nanoTime()).as("leftover server ready").isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	private static void awaitLogLine(Path log, String text) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!java.nio.file.Files.exists(log) || !java.nio.file.Files.readString(log).contains(text)) {
			assertThat(System.nanoTime()).as("'" + text + "' in " + log).isLessThan(deadline);
			Thread.sleep(100);
		}
	}

}
