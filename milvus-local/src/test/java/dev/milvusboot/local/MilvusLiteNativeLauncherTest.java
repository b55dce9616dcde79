package dev.milvusboot.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link MilvusLite} with the {@link MilvusLite.Engine#NATIVE} engine: the Milvus Lite 2.5.1 binary from PyPI. */
class MilvusLiteNativeLauncherTest {

	@Test
	void startsWithoutPythonAnswersCheckHealthAndStopsItsWholeTree(@TempDir Path data) throws IOException {
		long started = System.nanoTime();
		MilvusLite lite = MilvusLite.builder().engine(MilvusLite.Engine.NATIVE).dataDirectory(data).build().start();
		List<ProcessHandle> tree;
		try {
			double seconds = (System.nanoTime() - started) / 1e9;
			assertThat(lite.engine()).isEqualTo(MilvusLite.Engine.NATIVE);
			assertThat(lite.version()).isEqualTo("2.5.1");
			assertThat(lite.serverVersion()).isEqualTo("2.5.1");
			try (MilvusProbe probe = MilvusProbe.connect(lite.host(), lite.port())) {
				assertThat(probe.connect()).isEmpty();
				// the reason readiness relies on Connect there
				assertThatThrownBy(probe::getVersion).hasMessageContaining("UNIMPLEMENTED");
				assertThatThrownBy(probe::checkHealth).hasMessageContaining("UNIMPLEMENTED");
			}
			assertThat(lite.nativeDatabaseFile()).isEqualTo(data.resolve("milvus.db"));
			tree = ProcessTree.members(ProcessHandle.of(lite.pid()).orElseThrow());
			assertThat(tree).anyMatch((process) -> process.info()
				.command()
				.map((command) -> command.endsWith("/lib/milvus"))
				.orElse(false));
			assertThat(lite.residentMemoryBytes()).isGreaterThan(10L * 1024 * 1024);
			assertThatThrownBy(lite::pythonExecutable).isInstanceOfSatisfying(MilvusLocalException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(MilvusLocalException.Reason.INVALID_ARGUMENT));
			System.out.printf("MEASURE milvus-lite NATIVE start %.2f s (installed), RSS %d MiB%n", seconds,
					lite.residentMemoryBytes() / (1024 * 1024));
			int port = lite.port();
			lite.restart();
			assertThat(lite.port()).isEqualTo(port);
			assertThat(tree).noneMatch(ProcessTree::isRunning);
			tree = ProcessTree.members(ProcessHandle.of(lite.pid()).orElseThrow());
		}
		finally {
			lite.close();
		}
		assertThat(tree).noneMatch(ProcessTree::isRunning);
		assertThat(data.resolve("milvus.db")).exists();
		try (ServerSocket socket = new ServerSocket(lite.port(), 1, InetAddress.getByName("127.0.0.1"))) {
			assertThat(socket.getLocalPort()).isEqualTo(lite.port());
		}
	}

	@Test
	void secondServerOnTheSameDataDirectoryIsRefused(@TempDir Path data) {
		try (MilvusLite first = MilvusLite.builder()
			.engine(MilvusLite.Engine.NATIVE)
			.dataDirectory(data)
			.build()
			.start(); MilvusLite second = MilvusLite.builder().engine(MilvusLite.Engine.NATIVE).dataDirectory(data).build()) {
			assertThatThrownBy(second::start)
				.isInstanceOfSatisfying(MilvusLocalException.class,
						(ex) -> assertThat(ex.reason()).isEqualTo(MilvusLocalException.Reason.DATA_DIRECTORY_LOCKED))
				.hasMessageContaining(data.toString());
			assertThat(second.isRunning()).isFalse();
			assertThat(first.isRunning()).isTrue();
		}
	}

	@Test
	void serverExitingEarlyIsReportedWithItsLog(@TempDir Path data) throws IOException {
		Files.createDirectories(data.resolve("milvus.db"));
		try (MilvusLite lite = MilvusLite.builder().engine(MilvusLite.Engine.NATIVE).dataDirectory(data).build()) {
			assertThatThrownBy(lite::start)
				.isInstanceOfSatisfying(MilvusLocalException.class,
						(ex) -> assertThat(ex.reason()).isEqualTo(MilvusLocalException.Reason.SERVER_EXITED))
				.hasMessageContaining("exited while starting")
				.hasMessageContaining("--- last lines of " + lite.logFile())
				.hasMessageContaining("unable to open database file");
			assertThat(lite.isRunning()).isFalse();
		}
	}

	@Test
	void installsFromTheIndexVerifiesAndRedoesAHalfMadeInstall(@TempDir Path cache) throws IOException {
		List<String> progress = new CopyOnWriteArrayList<>();
		String platform = NativeInstaller.Platform.current();
		Path half = cache.resolve("milvus-lite-native").resolve("2.5.1-" + platform).resolve("lib");
		Files.createDirectories(half);
		Files.writeString(half.resolve("milvus"), "half");
		long started = System.nanoTime();
		Path lib = new NativeInstaller(cache, null, Duration.ofMinutes(10), progress::add).install("2.5.1");
		double seconds = (System.nanoTime() - started) / 1e9;
		assertThat(lib).isEqualTo(half);
		assertThat(Files.size(lib.resolve("milvus"))).isGreaterThan(1_000_000);
		assertThat(Files.isExecutable(lib.resolve("milvus"))).isTrue();
		assertThat(progress).anyMatch((line) -> line.startsWith("Removing incomplete Milvus Lite install"))
			.anyMatch((line) -> line.contains("sha256 verified"));
		assertThat(lib.resolveSibling(PythonInstaller.MARKER_FILE)).exists();
		System.out.printf("MEASURE milvus-lite NATIVE install %.1f s, %d MB on disk%n", seconds,
				Files.walk(lib).filter(Files::isRegularFile).mapToLong((file) -> file.toFile().length()).sum()
						/ 1_000_000);
		progress.clear();
		assertThat(new NativeInstaller(cache, null, Duration.ofMinutes(1), progress::add).install("2.5.1"))
			.isEqualTo(lib);
		assertThat(progress).isEmpty();
	}

	@Test
	void unreachableIndexIsAClearError(@TempDir Path cache) throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			closed = socket.getLocalPort();
		}
		String index = "http://127.0.0.1:" + closed + "/simple";
		assertThatThrownBy(() -> MilvusLite.builder()
			.engine(MilvusLite.Engine.NATIVE)
			.cacheDirectory(cache)
			.indexUrl(index)
			.build()
			.start()).isInstanceOfSatisfying(MilvusLocalException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(MilvusLocalException.Reason.PYPI_UNREACHABLE))
				.hasMessageContaining(index + "/milvus-lite/")
				.hasMessageContaining("ConnectException");
	}

	@Test
	void unknownVersionNamesTheWheelsThere(@TempDir Path cache) {
		assertThatThrownBy(() -> new NativeInstaller(cache, null, Duration.ofMinutes(1), (line) -> {
		}).install("2.5.404")).isInstanceOfSatisfying(MilvusLocalException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(MilvusLocalException.Reason.INVALID_ARGUMENT))
			.hasMessageContaining("has no wheel of milvus-lite 2.5.404")
			.hasMessageContaining("that version does not exist there");
	}

	@Test
	void picksThePlatformsWheelFromASimplePage() {
		String page = "<a href=\"../../packages/a/milvus_lite-2.5.1-py3-none-macosx_11_0_arm64.whl#sha256=AB\">"
				+ "milvus_lite-2.5.1-py3-none-macosx_11_0_arm64.whl</a>\n"
				+ "<a href=\"https://files.example/b/milvus_lite-2.5.1-py3-none-manylinux2014_x86_64.whl#sha256=cd\" "
				+ "data-requires-python=\"&gt;=3.7\">milvus_lite-2.5.1-py3-none-manylinux2014_x86_64.whl</a>";
		URI index = URI.create("https://mirror.example/simple/milvus-lite/");
		assertThat(NativeInstaller.pickWheel(page, index, "2.5.1", "macosx_11_0_arm64").uri())
			.isEqualTo(URI.create("https://mirror.example/packages/a/milvus_lite-2.5.1-py3-none-macosx_11_0_arm64.whl"));
		assertThat(NativeInstaller.pickWheel(page, index, "2.5.1", "macosx_11_0_arm64").sha256()).isEqualTo("ab");
		assertThat(NativeInstaller.pickWheel(page, index, "2.5.1", "manylinux2014_x86_64").uri().getHost())
			.isEqualTo("files.example");
		assertThatThrownBy(() -> NativeInstaller.pickWheel(page, index, "2.5.1", "manylinux2014_aarch64"))
			.hasMessageContaining("wheels of that version: milvus_lite-2.5.1-py3-none-macosx_11_0_arm64.whl, "
					+ "milvus_lite-2.5.1-py3-none-manylinux2014_x86_64.whl");
		assertThat(NativeInstaller.Platform.of("Linux", "amd64")).isEqualTo("manylinux2014_x86_64");
		assertThat(NativeInstaller.Platform.of("Mac OS X", "aarch64")).isEqualTo("macosx_11_0_arm64");
		assertThatThrownBy(() -> NativeInstaller.Platform.of("Windows 11", "amd64"))
			.hasMessageContaining("use the PYTHON engine");
	}

}
