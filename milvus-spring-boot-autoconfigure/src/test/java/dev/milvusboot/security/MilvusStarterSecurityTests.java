package dev.milvusboot.security;

import dev.milvusboot.autoconfigure.MilvusAutoConfiguration;
import dev.milvusboot.autoconfigure.data.MilvusTemplateAutoConfiguration;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.exception.MilvusUnauthenticatedException;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.local.MilvusStandalone;
import dev.milvusboot.local.junit.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.PermissionDeniedDataAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The starter against the full Milvus 2.3 standalone: TLS through a Spring Boot SSL bundle ({@code milvus.ssl.bundle})
 * one-way and mutual, and credentials that never show up in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class MilvusStarterSecurityTests {

	private static final String SECRET_PASSWORD = "Wrong-Secret-Password-31337";

	private static final String SECRET_TOKEN = "root:Token-Secret-42";

	private static TestCertificates certificates;

	private static MilvusStandalone tls;

	private static MilvusStandalone mutualTls;

	private static MilvusStandalone secured;

	@BeforeAll
	static void start() throws Exception {
		certificates = TestCertificates.create();
		tls = MilvusStandalone.builder().tls(certificates.serverCertificate(), certificates.serverKey()).build().start();
		mutualTls = MilvusStandalone.builder()
			.mutualTls(certificates.serverCertificate(), certificates.serverKey(), certificates.ca())
			.build()
			.start();
		secured = MilvusStandalone.builder().authorization(true).build().start();
	}

	@AfterAll
	static void stop() {
		for (MilvusStandalone server : new MilvusStandalone[] { tls, mutualTls, secured }) {
			if (server != null) {
				server.close();
			}
		}
	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, MilvusAutoConfiguration.class,
					MilvusTemplateAutoConfiguration.class))
		.withPropertyValues("milvus.request-timeout=10s", "milvus.retry.max-attempts=1");

	@Test
	void whenTheSslBundleTrustsTheCaThenTheStarterConnectsOverTls() {
		this.runner
			.withPropertyValues("milvus.uri=" + tls.uri(), "milvus.ssl.bundle=milvus",
					"spring.ssl.bundle.pem.milvus.truststore.certificate=file:" + certificates.ca())
			.run((context) -> {
				MilvusClient client = context.getBean(MilvusClient.class);
				assertThat(client.options().tls()).isNotNull();
				assertThat(client.serverVersion()).startsWith("v2.3");
			});
	}

	@Test
	void whenTheSslBundleHasAClientCertificateThenMutualTlsWorks() {
		this.runner
			.withPropertyValues("milvus.uri=" + mutualTls.uri(), "milvus.ssl.bundle=mutual",
					"spring.ssl.bundle.pem.mutual.truststore.certificate=file:" + certificates.ca(),
					"spring.ssl.bundle.pem.mutual.keystore.certificate=file:" + certificates.clientCertificate(),
					"spring.ssl.bundle.pem.mutual.keystore.private-key=file:" + certificates.clientKey())
			.run((context) -> assertThat(context.getBean(MilvusClient.class).listCollections()).isNotNull());
	}

	@Test
	void whenTheBundleHasNoClientCertificateThenTheMutualTlsServerRefusesTheCall() {
		this.runner
			.withPropertyValues("milvus.uri=" + mutualTls.uri(), "milvus.ssl.bundle=oneway",
					"spring.ssl.bundle.pem.oneway.truststore.certificate=file:" + certificates.ca())
			.run((context) -> assertThatExceptionOfType(RuntimeException.class)
				.isThrownBy(() -> context.getBean(MilvusClient.class).listCollections())
				.withMessageContaining(mutualTls.host() + ":" + mutualTls.port()));
	}

	@Test
	void whenCredentialsAreWrongThenNeitherThePasswordNorTheTokenIsLogged(CapturedOutput output) {
		this.runner
			.withPropertyValues("milvus.uri=" + secured.uri(), "milvus.username=root",
					"milvus.password=" + SECRET_PASSWORD)
			.run((context) -> {
				MilvusTemplate template = context.getBean(MilvusTemplate.class);
				assertThatExceptionOfType(PermissionDeniedDataAccessException.class)
					.isThrownBy(template::listCollections)
					.withCauseInstanceOf(MilvusUnauthenticatedException.class)
					.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(SECRET_PASSWORD));
				assertThat(context.getBean(MilvusClient.class).options().toString()).doesNotContain(SECRET_PASSWORD);
			});
		this.runner.withPropertyValues("milvus.uri=" + secured.uri(), "milvus.token=" + SECRET_TOKEN)
			.run((context) -> assertThatExceptionOfType(PermissionDeniedDataAccessException.class)
				.isThrownBy(() -> context.getBean(MilvusTemplate.class).listCollections()));
		assertThat(output).contains("Milvus client for 127.0.0.1:" + secured.port());
		assertThat(output).doesNotContain(SECRET_PASSWORD).doesNotContain("Token-Secret-42");
	}

	@Test
	void whenTheCredentialsAreRightThenTheTemplateWorks() {
		this.runner
			.withPropertyValues("milvus.uri=" + secured.uri(), "milvus.username=root",
					"milvus.password=" + MilvusStandalone.ROOT_PASSWORD)
			.run((context) -> assertThat(context.getBean(MilvusTemplate.class).serverVersion()).startsWith("v2.3"));
	}

}
