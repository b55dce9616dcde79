package dev.milvusboot.local.junit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.milvusboot.local.MilvusLocalException;
import dev.milvusboot.local.MilvusProbe;
import dev.milvusboot.local.MilvusStandalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link MilvusStandaloneTest} with one-way TLS on the real Milvus 2.3. */
@MilvusStandaloneTest(tls = MilvusStandaloneTest.Tls.ONE_WAY)
class MilvusStandaloneTlsTest {

	@Test
	void answersClientsTrustingTheCaAndRefusesPlainTcp(MilvusStandalone milvus, TestCertificates certificates) {
		assertThat(milvus.tlsMode()).isEqualTo(1);
		assertThat(milvus.uri()).isEqualTo("https://127.0.0.1:" + milvus.port());
		try (MilvusProbe probe = MilvusProbe.builder(milvus.host(), milvus.port())
			.tls(certificates.ca())
			.authority("localhost")
			.build()) {
			assertThat(probe.getVersion()).startsWith("v2.3.");
		}
		try (MilvusProbe plain = MilvusProbe.builder(milvus.host(), milvus.port())
			.deadline(Duration.ofSeconds(3))
			.build()) {
			assertThatThrownBy(plain::getVersion).isInstanceOf(MilvusLocalException.class);
		}
	}

}
