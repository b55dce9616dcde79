package dev.milvusboot.autoconfigure.lite;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.milvusboot.autoconfigure.MilvusAutoConfiguration;
import dev.milvusboot.local.MilvusLocalException;
import dev.milvusboot.local.MilvusLocalException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MilvusLiteFailureAnalyzer}: every {@link Reason} has its own action, saying what to do about that cause;
 * real start-up failures get the action of their cause.
 */
class MilvusLiteFailureAnalyzerTests {

	/** What the action for each reason must say; a reason missing here fails its test. */
	private static final Map<Reason, List<String>> EXPECTED = new EnumMap<>(Reason.class);

	static {
		EXPECTED.put(Reason.PYTHON_NOT_FOUND, List.of("Install Python 3.10", "python3-venv", "milvus.lite.python"));
		EXPECTED.put(Reason.PYTHON_TOO_OLD, List.of("Python 3.10 or newer", "milvus.lite.python", "too old"));
		EXPECTED.put(Reason.VENV_UNAVAILABLE, List.of("venv module", "apt-get install python3-venv"));
		EXPECTED.put(Reason.PIP_FAILED, List.of("pip's output", "milvus.lite.version", "free space"));
		EXPECTED.put(Reason.TIMEOUT, List.of("milvus.lite.startup-timeout", "PyPI"));
		EXPECTED.put(Reason.PORT_IN_USE, List.of("Another process listens on the port", "milvus.lite.port"));
		EXPECTED.put(Reason.SERVER_EXITED, List.of("crashed", "log", "milvus.lite.data-directory"));
		EXPECTED.put(Reason.NOT_RUNNING, List.of("stopped", "log", "Start the application again"));
		EXPECTED.put(Reason.IO_ERROR, List.of("writable", "disk"));
		EXPECTED.put(Reason.DATA_DIRECTORY_LOCKED,
				List.of("holds the data directory", "PID", "milvus.lite.stop-stale-server", "milvus.lite.data-directory"));
		EXPECTED.put(Reason.PYPI_UNREACHABLE, List.of("package index", "pypi.org", "PIP_INDEX_URL", "first install"));
		EXPECTED.put(Reason.INVALID_ARGUMENT, List.of("Correct the milvus.lite.* property"));
		EXPECTED.put(Reason.OTHER, List.of("milvus.lite.enabled=false", "milvus.uri"));
	}

	private final MilvusLiteFailureAnalyzer analyzer = new MilvusLiteFailureAnalyzer();

	@TempDir
	Path temp;

	private ApplicationContextRunner contextRunner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MilvusLiteAutoConfiguration.class, MilvusAutoConfiguration.class))
			.withPropertyValues("milvus.lite.enabled=true", "milvus.lite.data-directory=" + this.temp.resolve("data"));
	}

	@ParameterizedTest
	@EnumSource(Reason.class)
	void eachReasonHasItsOwnActionSayingWhatToDo(Reason reason) {
		assertThat(EXPECTED).as("expected action of %s", reason).containsKey(reason);
		FailureAnalysis analysis = this.analyzer.analyze(new IllegalStateException("Bean creation failed",
				new MilvusLocalException(reason, "what went wrong for " + reason)));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("milvus.lite.enabled=true")
			.contains("what went wrong for " + reason);
		assertThat(analysis.getAction()).contains(EXPECTED.get(reason));
	}

	@Test
	void actionsDifferForEveryReason() {
		Set<String> actions = new HashSet<>();
		for (Reason reason : Reason.values()) {
			actions.add(MilvusLiteFailureActions.actionFor(reason));
		}
		assertThat(actions).hasSize(Reason.values().length);
	}

	@Test
	void whenThePortIsTakenThenStartupFailsWithThePortAction() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			this.contextRunner().withPropertyValues("milvus.lite.port=" + taken.getLocalPort()).run((context) -> {
				FailureAnalysis analysis = this.analyzer.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains(Integer.toString(taken.getLocalPort()));
				assertThat(analysis.getAction()).isEqualTo(MilvusLiteFailureActions.actionFor(Reason.PORT_IN_USE));
			});
		}
	}

	@Test
	void whenPythonDoesNotExistThenStartupFailsWithThePythonAction() {
		this.contextRunner()
			.withPropertyValues("milvus.lite.engine=python", "milvus.lite.python=" + this.temp.resolve("python3"))
			.run((context) -> {
				FailureAnalysis analysis = this.analyzer.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains(this.temp.resolve("python3").toString());
				assertThat(analysis.getAction())
					.isEqualTo(MilvusLiteFailureActions.actionFor(Reason.PYTHON_NOT_FOUND));
			});
	}

	@Test
	void otherFailuresAreNotAnalyzed() {
		assertThat(this.analyzer.analyze(new IllegalStateException("other"))).isNull();
	}

}
