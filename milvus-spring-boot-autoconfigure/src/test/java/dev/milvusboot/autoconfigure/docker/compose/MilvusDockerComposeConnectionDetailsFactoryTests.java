package dev.milvusboot.autoconfigure.docker.compose;

import java.util.HashMap;
import java.util.Map;

import dev.milvusboot.autoconfigure.MilvusConnectionDetails;
import dev.milvusboot.autoconfigure.docker.compose.MilvusDockerComposeConnectionDetailsFactory.MilvusDockerComposeConnectionDetails;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.boot.docker.compose.core.ConnectionPorts;
import org.springframework.boot.docker.compose.core.ImageReference;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link MilvusDockerComposeConnectionDetailsFactory}: connection details from a running
 * {@code milvusdb/milvus} service (mocked, as no Docker engine is needed).
 */
class MilvusDockerComposeConnectionDetailsFactoryTests {

	@Test
	void whenServiceRunsThenUriUsesItsPublishedGrpcPort() {
		MilvusConnectionDetails details = new MilvusDockerComposeConnectionDetails(service("127.0.0.1", Map.of()));
		assertThat(details.getUri()).isEqualTo("http://127.0.0.1:45678");
		assertThat(details.getUsername()).isNull();
		assertThat(details.getPassword()).isNull();
		assertThat(details.getToken()).isNull();
		assertThat(details.getSslBundle()).isNull();
	}

	@Test
	void whenServiceEnablesAuthorizationThenRootUserWithDefaultPasswordIsUsed() {
		MilvusConnectionDetails details = new MilvusDockerComposeConnectionDetails(
				service("localhost", Map.of("COMMON_SECURITY_AUTHORIZATIONENABLED", "true")));
		assertThat(details.getUsername()).isEqualTo("root");
		assertThat(details.getPassword()).isEqualTo("Milvus");
	}

	@Test
	void whenServiceSetsRootPasswordThenItIsUsed() {
		MilvusConnectionDetails details = new MilvusDockerComposeConnectionDetails(service("localhost",
				Map.of("COMMON_SECURITY_AUTHORIZATIONENABLED", "true", "COMMON_SECURITY_DEFAULTROOTPASSWORD", "pw")));
		assertThat(details.getUsername()).isEqualTo("root");
		assertThat(details.getPassword()).isEqualTo("pw");
	}

	@Test
	void whenHostIsIpv6ThenUriBracketsIt() {
		assertThat(new MilvusDockerComposeConnectionDetails(service("::1", Map.of())).getUri())
			.isEqualTo("http://[::1]:45678");
	}

	@Test
	void whenFactoriesAreLoadedThenComposeAndTestcontainersFactoriesAreRegistered() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ConnectionDetailsFactory.class))
			.extracting((factory) -> factory.getClass().getName())
			.contains(MilvusDockerComposeConnectionDetailsFactory.class.getName(),
					"dev.milvusboot.autoconfigure.testcontainers.MilvusContainerConnectionDetailsFactory");
	}

	private static RunningService service(String host, Map<String, String> env) {
		RunningService service = mock(RunningService.class);
		ConnectionPorts ports = mock(ConnectionPorts.class);
		given(ports.get(19530)).willReturn(45678);
		given(service.host()).willReturn(host);
		given(service.ports()).willReturn(ports);
		given(service.env()).willReturn(new HashMap<>(env));
		given(service.labels()).willReturn(Map.of());
		given(service.name()).willReturn("milvus");
		given(service.image()).willReturn(ImageReference.of("milvusdb/milvus:v2.5.10"));
		return service;
	}

}
