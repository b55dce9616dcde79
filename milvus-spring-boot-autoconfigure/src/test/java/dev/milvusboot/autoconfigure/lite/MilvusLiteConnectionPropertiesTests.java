package dev.milvusboot.autoconfigure.lite;

import java.nio.file.Path;
import java.util.Arrays;

import dev.milvusboot.autoconfigure.MilvusAutoConfiguration;
import dev.milvusboot.local.MilvusLocalException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connection properties while Milvus Lite supplies the connection: those that contradict it fail the start-up
 * before anything is installed, the ones it ignores are named in one warning. Where the start-up gets past the
 * check, a Python that does not exist stops it right after, so no server is needed.
 */
@ExtendWith(OutputCaptureExtension.class)
class MilvusLiteConnectionPropertiesTests {

	private static final String WARNING = "so these settings are ignored";

	@TempDir
	Path temp;

	private ApplicationContextRunner contextRunner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MilvusLiteAutoConfiguration.class, MilvusAutoConfiguration.class))
			.withPropertyValues("milvus.lite.enabled=true", "milvus.lite.engine=python",
					"milvus.lite.data-directory=" + this.temp.resolve("data"),
					"milvus.lite.python=" + this.temp.resolve("no-such-python"));
	}

	@Test
	void whenLiteIsEnabledAndMilvusUriIsSetThenStartupFailsNamingItWithoutItsValue() {
		this.contextRunner().withPropertyValues("milvus.uri=http://admin:s3cret@milvus.example.com:19530")
			.run((context) -> {
				MilvusLiteConnectionConflictException conflict = conflict(context);
				assertThat(conflict.getConflicts()).singleElement()
					.asString()
					.startsWith("milvus.uri")
					.contains("names a server to connect to");
				assertThat(conflict.getMessage()).contains("milvus.lite.enabled=true")
					.doesNotContain("s3cret")
					.doesNotContain("milvus.example.com");
				assertThat(this.temp.resolve("data")).doesNotExist();
			});
	}

	@Test
	void whenLiteIsEnabledAndMilvusUriIsMalformedThenTheConflictIsReportedNotTheUri() {
		this.contextRunner().withPropertyValues("milvus.uri=foo://x", "milvus.port=70000").run((context) -> {
			assertThat(conflict(context).getConflicts()).singleElement().asString().startsWith("milvus.uri");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "milvus.ssl.enabled=true", "milvus.ssl.bundle=milvus",
			"milvus.ssl.server-name=milvus.internal" })
	void whenLiteIsEnabledAndTlsIsConfiguredThenStartupFailsNamingTheProperty(String property) {
		this.contextRunner().withPropertyValues(property).run((context) -> {
			assertThat(conflict(context).getConflicts()).singleElement()
				.asString()
				.startsWith(property.substring(0, property.indexOf('=')))
				.contains("configures TLS, which Milvus Lite does not serve");
		});
	}

	@Test
	void whenSeveralPropertiesContradictThenAllAreNamedAndTheAnalysisSaysWhatToDo() {
		this.contextRunner().withPropertyValues("milvus.uri=http://milvus:19530", "milvus.ssl.enabled=true")
			.run((context) -> {
				MilvusLiteConnectionConflictException conflict = conflict(context);
				assertThat(conflict.getConflicts()).hasSize(2);
				FailureAnalysis analysis = new MilvusLiteConnectionConflictFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("milvus.lite.enabled=true")
					.contains("milvus.uri")
					.contains("milvus.ssl.enabled");
				assertThat(analysis.getAction()).contains("remove these properties")
					.contains("milvus.lite.enabled=false");
			});
	}

	@Test
	void whenLiteIsEnabledAndIgnoredPropertiesAreSetThenOneWarningNamesEachWithoutValues(CapturedOutput output) {
		this.contextRunner()
			.withPropertyValues("milvus.host=nowhere.invalid", "milvus.port=70000", "milvus.token=tok-s3cret",
					"milvus.username=admin-user", "milvus.password=pw-s3cret", "milvus.database=analytics")
			.run((context) -> assertThat(cause(context, MilvusLocalException.class).reason())
				.isEqualTo(MilvusLocalException.Reason.PYTHON_NOT_FOUND));
		String[] warnings = lines(output, WARNING);
		assertThat(warnings).singleElement()
			.asString()
			.contains("WARN")
			.contains("milvus.lite.enabled=true")
			.contains("milvus.host", "milvus.port", "milvus.token", "milvus.username", "milvus.password",
					"milvus.database");
		assertThat(output.toString()).doesNotContain("tok-s3cret")
			.doesNotContain("pw-s3cret")
			.doesNotContain("admin-user")
			.doesNotContain("70000")
			.doesNotContain("nowhere.invalid");
	}

	@Test
	void whenOnlySomeIgnoredPropertiesAreSetThenOnlyTheyAreNamed(CapturedOutput output) {
		this.contextRunner().withPropertyValues("milvus.port=19531").run((context) -> assertThat(context).hasFailed());
		assertThat(lines(output, WARNING)).singleElement()
			.asString()
			.contains("milvus.port")
			.doesNotContain("milvus.host")
			.doesNotContain("milvus.password");
	}

	@Test
	void whenConnectionPropertiesAreBlankOrAgreeWithLiteThenNothingIsReported(CapturedOutput output) {
		this.contextRunner()
			.withPropertyValues("milvus.uri=", "milvus.token= ", "milvus.password=", "milvus.ssl.enabled=false")
			.run((context) -> cause(context, MilvusLocalException.class));
		assertThat(output.toString()).doesNotContain(WARNING);
	}

	@Test
	void whenLiteIsNotEnabledThenConnectionPropertiesAreNotReported(CapturedOutput output) {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MilvusLiteAutoConfiguration.class, MilvusAutoConfiguration.class))
			.withPropertyValues("milvus.uri=http://milvus.example.com:19530", "milvus.host=other", "milvus.port=1")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MilvusLiteServer.class));
		assertThat(output.toString()).doesNotContain(WARNING);
	}

	private static MilvusLiteConnectionConflictException conflict(AssertableApplicationContext context) {
		return cause(context, MilvusLiteConnectionConflictException.class);
	}

	private static <T extends Throwable> T cause(AssertableApplicationContext context, Class<T> type) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		while (failure != null && !type.isInstance(failure)) {
			failure = failure.getCause();
		}
		assertThat(failure).as("a " + type.getSimpleName() + " in " + context.getStartupFailure()).isNotNull();
		return type.cast(failure);
	}

	private static String[] lines(CapturedOutput output, String text) {
		return Arrays.stream(output.toString().split("\\R")).filter((line) -> line.contains(text)).toArray(String[]::new);
	}

}
