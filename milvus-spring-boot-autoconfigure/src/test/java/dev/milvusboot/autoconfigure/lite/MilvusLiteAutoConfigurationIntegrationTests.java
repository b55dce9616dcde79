package dev.milvusboot.autoconfigure.lite;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import dev.milvusboot.autoconfigure.MilvusAutoConfiguration;
import dev.milvusboot.autoconfigure.data.MilvusTemplateAutoConfiguration;
import dev.milvusboot.autoconfigure.MilvusConnectionDetails;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.MilvusLocalException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * {@code milvus.lite.enabled=true} against a real Milvus Lite: the client connects to the server the context
 * starts, and the server stops when the context closes.
 */
@ExtendWith(OutputCaptureExtension.class)
class MilvusLiteAutoConfigurationIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MilvusLiteAutoConfiguration.class, MilvusAutoConfiguration.class,
					MilvusTemplateAutoConfiguration.class));

	@TempDir
	Path temp;

	@Test
	void whenEnabledThenClientConnectsToMilvusLiteAndServerStopsWithTheContext() {
		Path data = this.temp.resolve("data");
		AtomicReference<MilvusLite> started = new AtomicReference<>();
		// host and port point nowhere: the Milvus Lite endpoint wins
		this.contextRunner
			.withPropertyValues("milvus.lite.enabled=true", "milvus.lite.data-directory=" + data,
					"milvus.host=nowhere.invalid", "milvus.port=1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MilvusLite lite = context.getBean(MilvusLiteServer.class).getMilvusLite();
				started.set(lite);
				assertThat(lite.isRunning()).isTrue();
				assertThat(lite.dataDirectory()).isEqualTo(data);
				assertThat(context.getBean(MilvusConnectionDetails.class).getUri()).isEqualTo(lite.uri());
				assertThat(context.getBean(MilvusClient.class).serverVersion()).contains("milvus_lite");
				MilvusTemplate template = context.getBean(MilvusTemplate.class);
				assertThat(template.serverVersion()).contains("milvus_lite");
				assertThat(template.listCollections()).isNotNull();
			});
		MilvusLite lite = started.get();
		assertThat(lite.isRunning()).isFalse();
		assertThatIOException().isThrownBy(() -> connect(lite.port()));
		assertThat(data).isDirectory();
	}

	@Test
	void whenDataIsNotKeptThenItIsDeletedAtShutdownAndTheConfiguredPortIsUsed() throws IOException {
		Path data = this.temp.resolve("scratch");
		int port = freePort();
		AtomicReference<MilvusLite> started = new AtomicReference<>();
		this.contextRunner
			.withPropertyValues("milvus.lite.enabled=true", "milvus.lite.data-directory=" + data,
					"milvus.lite.keep-data=false", "milvus.lite.port=" + port)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MilvusLite lite = context.getBean(MilvusLiteServer.class).getMilvusLite();
				started.set(lite);
				assertThat(lite.port()).isEqualTo(port);
				assertThat(context.getBean(MilvusConnectionDetails.class).getUri())
					.isEqualTo("http://127.0.0.1:" + port);
				assertThat(context.getBean(MilvusClient.class).checkHealth().healthy()).isTrue();
				assertThat(data).isDirectory();
			});
		assertThat(started.get().isRunning()).isFalse();
		assertThat(data).doesNotExist();
		assertThat(started.get().logFile()).doesNotExist();
	}

	@Test
	void whenEngineIsNativeThenMilvusLite25ServesTheClientAndTheTemplate() {
		Path data = this.temp.resolve("native");
		AtomicReference<MilvusLite> started = new AtomicReference<>();
		this.contextRunner
			.withPropertyValues("milvus.lite.enabled=true", "milvus.lite.engine=native",
					"milvus.lite.data-directory=" + data)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MilvusLite lite = context.getBean(MilvusLiteServer.class).getMilvusLite();
				started.set(lite);
				assertThat(lite.engine()).isEqualTo(MilvusLite.Engine.NATIVE);
				assertThat(lite.version()).isEqualTo(MilvusLite.Engine.NATIVE.defaultVersion());
				assertThat(context.getBean(MilvusConnectionDetails.class).getUri()).isEqualTo(lite.uri());
				MilvusTemplate template = context.getBean(MilvusTemplate.class);
				assertThat(template.serverVersion()).isNotBlank();
				assertThat(template.listCollections()).isNotNull();
				assertThat(context.getBean(MilvusClient.class).checkHealth().healthy()).isTrue();
			});
		assertThat(started.get().isRunning()).isFalse();
	}

	@Test
	void whenTheDataDirectoryIsHeldByAnotherServerThenStartupFailsWithTheLockedDirectoryAction() {
		Path data = this.temp.resolve("held");
		try (MilvusLite holder = MilvusLite.builder().engine(MilvusLite.Engine.NATIVE).dataDirectory(data).build()) {
			holder.start();
			this.contextRunner
				.withPropertyValues("milvus.lite.enabled=true", "milvus.lite.engine=native",
						"milvus.lite.data-directory=" + data)
				.run((context) -> {
					assertThat(context).hasFailed();
					FailureAnalysis analysis = new MilvusLiteFailureAnalyzer().analyze(context.getStartupFailure());
					assertThat(analysis).isNotNull();
					assertThat(analysis.getDescription()).contains(data.toString());
					assertThat(analysis.getAction())
						.isEqualTo(MilvusLiteFailureActions.actionFor(MilvusLocalException.Reason.DATA_DIRECTORY_LOCKED));
				});
			assertThat(holder.isRunning()).isTrue();
		}
	}

	@Test
	void whenALeftoverServerHoldsTheDataDirectoryThenItIsStoppedUnlessStopStaleServerIsFalse(CapturedOutput output)
			throws Exception {
		Path data = this.temp.resolve("leftover");
		long leftover = startLeftoverNativeServer(data);
		try {
			this.contextRunner
				.withPropertyValues("milvus.lite.enabled=true", "milvus.lite.engine=native",
						"milvus.lite.data-directory=" + data, "milvus.lite.stop-stale-server=false")
				.run((context) -> {
					FailureAnalysis analysis = new MilvusLiteFailureAnalyzer().analyze(context.getStartupFailure());
					assertThat(analysis).isNotNull();
					assertThat(analysis.getDescription()).contains("pid " + leftover);
					assertThat(analysis.getAction()).contains("milvus.lite.stop-stale-server=true");
				});
			assertThat(isRunning(leftover)).isTrue();
			this.contextRunner
				.withPropertyValues("milvus.lite.enabled=true", "milvus.lite.engine=native",
						"milvus.lite.data-directory=" + data)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context.getBean(MilvusClient.class).listCollections()).isNotNull();
				});
			assertThat(isRunning(leftover)).isFalse();
			assertThat(output.toString().lines().filter((line) -> line.contains("Stopping a leftover")))
				.singleElement()
				.asString()
				.contains("INFO")
				.contains("pid " + leftover);
		}
		finally {
			ProcessHandle.of(leftover).ifPresent(ProcessHandle::destroyForcibly);
		}
	}

	/**
	 * Starts Milvus Lite 2.5's binary on the data directory as the launcher does, detached from this JVM as the
	 * server of a killed application is; returns its pid.
	 */
	private long startLeftoverNativeServer(Path data) throws Exception {
		Path binary;
		try (MilvusLite probe = MilvusLite.builder()
			.engine(MilvusLite.Engine.NATIVE)
			.dataDirectory(this.temp.resolve("probe"))
			.build()
			.start()) {
			ProcessHandle root = ProcessHandle.of(probe.pid()).orElseThrow();
			binary = Stream.concat(Stream.of(root), root.descendants())
				.flatMap((handle) -> handle.info().command().stream())
				.map(Path::of)
				.filter((command) -> command.getFileName().toString().equals("milvus"))
				.findFirst()
				.orElseThrow();
		}
		Files.createDirectories(data);
		int port = freePort();
		String command = "LD_LIBRARY_PATH='" + binary.getParent() + "' '" + binary + "' '" + data.resolve("milvus.db")
				+ "' 127.0.0.1:" + port + " ERROR > '" + data.resolveSibling("leftover.log")
				+ "' 2>&1 < /dev/null & echo $!";
		Process sh = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true).start();
		long pid = Long.parseLong(new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
		assertThat(sh.waitFor(10, TimeUnit.SECONDS)).isTrue();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (true) {
			try {
				connect(port);
				return pid;
			}
			catch (IOException ex) {
				assertThat(System.nanoTime()).as("leftover server listening").isLessThan(deadline);
				Thread.sleep(100);
			}
		}
	}

	/** Whether the process runs: alive and, on Linux, not a zombie waiting for a parent that never reaps it. */
	private static boolean isRunning(long pid) throws IOException {
		if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
			return false;
		}
		Path stat = Path.of("/proc", Long.toString(pid), "stat");
		if (!Files.exists(stat)) {
			return true;
		}
		String text = Files.readString(stat);
		return text.charAt(text.lastIndexOf(')') + 2) != 'Z';
	}

	private static void connect(int port) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
