package dev.milvusboot.client.security;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.RetryOptions;
import dev.milvusboot.client.TlsOptions;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusPermissionDeniedException;
import dev.milvusboot.client.exception.MilvusUnauthenticatedException;
import dev.milvusboot.client.exception.MilvusUnavailableException;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.MilvusStandalone;
import dev.milvusboot.local.junit.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Authentication and TLS against the full Milvus 2.3 standalone: one server with authorization on, one with
 * one-way TLS, one with mutual TLS, all with certificates made for the test.
 */
class SecurityTest {

	private static final String WRONG_PASSWORD = "NotThePassword-9f2c";

	private static MilvusStandalone secured;

	private static MilvusStandalone tls;

	private static MilvusStandalone mutualTls;

	private static TestCertificates certificates;

	@BeforeAll
	static void start() throws Exception {
		certificates = TestCertificates.create();
		secured = MilvusStandalone.builder().authorization(true).build().start();
		tls = MilvusStandalone.builder()
			.tls(certificates.serverCertificate(), certificates.serverKey())
			.build()
			.start();
		mutualTls = MilvusStandalone.builder()
			.mutualTls(certificates.serverCertificate(), certificates.serverKey(), certificates.ca())
			.build()
			.start();
	}

	@AfterAll
	static void stop() {
		for (MilvusStandalone server : new MilvusStandalone[] { secured, tls, mutualTls }) {
			if (server != null) {
				server.close();
			}
		}
	}

	private static MilvusClientOptions.Builder options(MilvusStandalone server) {
		return MilvusClientOptions.builder()
			.uri(server.uri())
			.requestTimeout(Duration.ofSeconds(10))
			.connectTimeout(Duration.ofSeconds(5))
			.retry(RetryOptions.NONE);
	}

	@Test
	void whenUserAndPasswordAreRightThenCallsSucceed() {
		try (MilvusClient client = MilvusClient.create(options(secured).username(MilvusStandalone.ROOT_USER)
			.password(MilvusStandalone.ROOT_PASSWORD)
			.build())) {
			assertThat(client.serverVersion()).startsWith("v2.3");
			assertThat(client.listUsers()).contains("root");
		}
	}

	@Test
	void whenTheTokenIsUserAndPasswordThenCallsSucceed() {
		try (MilvusClient client = MilvusClient
			.create(options(secured).token(MilvusStandalone.ROOT_USER + ":" + MilvusStandalone.ROOT_PASSWORD).build())) {
			assertThat(client.listCollections()).isNotNull();
		}
	}

	@Test
	void whenThePasswordIsWrongThenTheCallIsUnauthenticatedAndThePasswordIsNowhere() {
		MilvusClientOptions options = options(secured).username("root").password(WRONG_PASSWORD).build();
		assertThat(options.toString()).doesNotContain(WRONG_PASSWORD);
		try (MilvusClient client = MilvusClient.create(options)) {
			assertThatExceptionOfType(MilvusUnauthenticatedException.class).isThrownBy(client::listCollections)
				.satisfies((ex) -> assertThat(stackText(ex)).doesNotContain(WRONG_PASSWORD))
				.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
		}
	}

	@Test
	void whenNoCredentialsAreGivenThenTheCallIsUnauthenticated() {
		try (MilvusClient client = MilvusClient.create(options(secured).build())) {
			assertThatExceptionOfType(MilvusUnauthenticatedException.class).isThrownBy(client::listCollections);
		}
	}

	@Test
	void whenAUserLacksThePrivilegeThenTheCallIsDenied() {
		String password = "Reader-Pass-77";
		try (MilvusClient root = MilvusClient.create(options(secured).username("root")
			.password(MilvusStandalone.ROOT_PASSWORD)
			.build())) {
			if (!root.listUsers().contains("reader")) {
				root.createUser("reader", password);
			}
			try (MilvusClient reader = MilvusClient
				.create(options(secured).username("reader").password(password).build())) {
				assertThatExceptionOfType(MilvusPermissionDeniedException.class)
					.isThrownBy(() -> reader.createCollection("not_allowed", 4, MetricType.L2))
					.satisfies((ex) -> assertThat(stackText(ex)).doesNotContain(password));
			}
		}
	}

	@Test
	void whenTheClientTrustsTheCaThenOneWayTlsWorks() {
		try (MilvusClient client = MilvusClient
			.create(options(tls).tls(TlsOptions.builder().trustCertificate(certificates.ca()).build()).build())) {
			assertThat(client.options().endpoint().secure()).isTrue();
			assertThat(client.serverVersion()).startsWith("v2.3");
		}
	}

	@Test
	void whenTheServerNameDoesNotMatchTheCertificateThenTlsFails() {
		try (MilvusClient client = MilvusClient.create(options(tls)
			.tls(TlsOptions.builder().trustCertificate(certificates.ca()).serverName("other.example.com").build())
			.build())) {
			assertThatExceptionOfType(MilvusUnavailableException.class).isThrownBy(client::serverVersion)
				.withMessageContaining(tls.host());
		}
	}

	@Test
	void whenTheCaIsNotTrustedThenTlsFails() {
		try (MilvusClient client = MilvusClient.create(options(tls).build())) {
			// https URI: TLS with the JVM's default trust, which does not know the test CA
			assertThatExceptionOfType(MilvusUnavailableException.class).isThrownBy(client::serverVersion);
		}
	}

	@Test
	void whenAPlaintextClientMeetsATlsServerThenItFailsClearly() {
		try (MilvusClient client = MilvusClient
			.create(options(tls).uri("http://" + tls.host() + ":" + tls.port()).build())) {
			assertThatExceptionOfType(MilvusException.class).isThrownBy(client::serverVersion)
				.withMessageContaining(tls.host() + ":" + tls.port());
		}
	}

	@Test
	void whenATlsClientMeetsAPlaintextServerThenItFailsClearly() {
		try (MilvusClient client = MilvusClient.create(options(secured).uri("https://127.0.0.1:" + secured.port())
			.tls(TlsOptions.builder().trustCertificate(certificates.ca()).build())
			.build())) {
			assertThatExceptionOfType(MilvusUnavailableException.class).isThrownBy(client::serverVersion)
				.withMessageContaining("127.0.0.1:" + secured.port());
		}
	}

	@Test
	void whenMutualTlsHasTheClientCertificateThenItWorksAndWithoutItFails() {
		TlsOptions withCertificate = TlsOptions.builder()
			.trustCertificate(certificates.ca())
			.clientCertificate(certificates.clientCertificate(), certificates.clientKey())
			.build();
		try (MilvusClient client = MilvusClient.create(options(mutualTls).tls(withCertificate).build())) {
			assertThat(client.serverVersion()).startsWith("v2.3");
		}
		try (MilvusClient client = MilvusClient.create(
				options(mutualTls).tls(TlsOptions.builder().trustCertificate(certificates.ca()).build()).build())) {
			assertThatExceptionOfType(MilvusUnavailableException.class).isThrownBy(client::listCollections);
		}
	}

	private static String stackText(Throwable ex) {
		java.io.StringWriter out = new java.io.StringWriter();
		ex.printStackTrace(new java.io.PrintWriter(out));
		return out + " " + List.of(ex.getMessage());
	}

}
