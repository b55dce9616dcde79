package dev.milvusboot.local.junit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.milvusboot.local.MilvusLocalException;
import dev.milvusboot.local.MilvusProbe;
import dev.milvusboot.local.MilvusStandalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link MilvusStandaloneTest} with authorization and mutual TLS on the real Milvus 2.3. */
@MilvusStandaloneTest(authorization = true, tls = MilvusStandaloneTest.Tls.MUTUAL)
class MilvusStandaloneSecurityTest {

	@Test
	void answersOverMutualTlsWithCredentials(MilvusStandalone milvus, TestCertificates certificates) {
		assertThat(milvus.tlsMode()).isEqualTo(2);
		assertThat(milvus.isAuthorizationEnabled()).isTrue();
		assertThat(milvus.uri()).startsWith("https://127.0.0.1:");
		assertThat(milvus.serverVersion()).startsWith("v2.3.");
		try (MilvusProbe probe = probe(milvus, certificates).credentials(MilvusStandalone.ROOT_USER,
				MilvusStandalone.ROOT_PASSWORD).build()) {
			assertThat(probe.getVersion()).startsWith("v2.3.");
			assertThat(probe.checkHealth().healthy()).isTrue();
		}
	}

	@Test
	void refusesPlainTcpAndClientsWithoutCertificate(MilvusStandalone milvus, TestCertificates certificates) {
		try (MilvusProbe plain = MilvusProbe.builder(milvus.host(), milvus.port())
			.deadline(Duration.ofSeconds(3))
			.credentials(MilvusStandalone.ROOT_USER, MilvusStandalone.ROOT_PASSWORD)
			.build()) {
			assertThatThrownBy(plain::getVersion).isInstanceOf(MilvusLocalException.class);
		}
		try (MilvusProbe noClientCertificate = MilvusProbe.builder(milvus.host(), milvus.port())
			.tls(certificates.ca())
			.authority("localhost")
			.deadline(Duration.ofSeconds(3))
			.credentials(MilvusStandalone.ROOT_USER, MilvusStandalone.ROOT_PASSWORD)
			.build()) {
			assertThatThrownBy(noClientCertificate::getVersion).isInstanceOf(MilvusLocalException.class);
		}
	}

	@Test
	void refusesWrongCredentials(MilvusStandalone milvus, TestCertificates certificates) {
		try (MilvusProbe probe = probe(milvus, certificates).credentials(MilvusStandalone.ROOT_USER, "wrong")
			.build()) {
			assertThatThrownBy(probe::checkHealth).isInstanceOf(MilvusLocalException.class)
				.hasMessageContaining("CheckHealth");
		}
	}

	private static MilvusProbe.Builder probe(MilvusStandalone milvus, TestCertificates certificates) {
		return MilvusProbe.builder(milvus.host(), milvus.port())
			.tls(certificates.ca())
			.clientCertificate(certificates.clientCertificate(), certificates.clientKey())
			.authority("localhost")
			.deadline(Duration.ofSeconds(5));
	}

}
