package dev.milvusboot.autoconfigure;

import dev.milvusboot.client.MilvusClientOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests that an application with an invalid Milvus configuration fails to start with a report naming the property
 * and the reason, and never showing a secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class MilvusStartupFailureTests {

	@Test
	void whenPortIsOutOfRangeThenStartupReportNamesPropertyAndReason(CapturedOutput output) {
		run("--milvus.port=70000");
		assertThat(output).contains("APPLICATION FAILED TO START",
				"Invalid value '70000' for configuration property 'milvus.port'", "Port must be between 1 and 65535");
	}

	@Test
	void whenUriHasUnknownSchemeThenStartupReportNamesPropertyAndReason(CapturedOutput output) {
		run("--milvus.uri=ftp://localhost:19530");
		assertThat(output).contains("Invalid value 'ftp://localhost:19530' for configuration property 'milvus.uri'",
				"has unknown scheme 'ftp'; use http, https, tcp or grpc");
	}

	@Test
	void whenSslBundleIsUnknownThenStartupReportNamesTheBundle(CapturedOutput output) {
		run("--milvus.ssl.bundle=nowhere");
		assertThat(output).contains("for configuration property 'milvus.ssl.bundle'", "nowhere");
	}

	@Test
	void whenUriCarriesCredentialsThenStartupReportHidesThem(CapturedOutput output) {
		run("--milvus.uri=http://root:s3cret@localhost:19530");
		assertThat(output).contains("APPLICATION FAILED TO START",
				"The Milvus client could not be configured because of configuration property 'milvus.uri'",
				"must not carry credentials");
		assertThat(output).doesNotContain("s3cret");
	}

	@Test
	void whenCustomizerBreaksOptionsThenStartupReportGivesTheClientsReason(CapturedOutput output) {
		run(BrokenCustomizerConfiguration.class);
		assertThat(output).contains("The Milvus client could not be configured",
				"poolSize must be between 1 and 64, but was 100", "MilvusClientOptionsBuilderCustomizer");
	}

	@Test
	void whenAnalyzingOptionsFailureWithoutPropertyThenActionPointsAtCustomizers() {
		FailureAnalysis analysis = new InvalidMilvusConfigurationFailureAnalyzer()
			.analyze(new IllegalStateException(new InvalidMilvusConfigurationException(null, "bad", null)));
		assertThat(analysis.getDescription()).contains("could not be configured").contains("bad");
		assertThat(analysis.getAction()).contains("milvus.* configuration properties");
	}

	private static void run(String... args) {
		run(EmptyConfiguration.class, args);
	}

	private static void run(Class<?> configuration, String... args) {
		SpringApplication application = new SpringApplication(configuration, TestApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run(args).close());
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ MilvusAutoConfiguration.class,
			org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration.class })
	static class TestApplication {

	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class BrokenCustomizerConfiguration {

		@Bean
		MilvusClientOptionsBuilderCustomizer brokenCustomizer() {
			return (MilvusClientOptions.Builder builder) -> builder.poolSize(100);
		}

	}

}
