package dev.milvusboot.autoconfigure.testcontainers;

import dev.milvusboot.autoconfigure.MilvusAutoConfiguration;
import dev.milvusboot.autoconfigure.MilvusConnectionDetails;
import dev.milvusboot.autoconfigure.PropertiesMilvusConnectionDetails;
import dev.milvusboot.client.MilvusClient;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.milvus.MilvusContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MilvusContainerConnectionDetailsFactory} against a real Milvus standalone container. Runs where
 * Docker is available and is skipped elsewhere.
 */
@SpringJUnitConfig
@Testcontainers(disabledWithoutDocker = true)
class MilvusContainerConnectionDetailsFactoryIntegrationTests {

	@Container
	@ServiceConnection
	static final MilvusContainer milvus = new MilvusContainer("milvusdb/milvus:v2.5.10");

	@Autowired
	private MilvusConnectionDetails connectionDetails;

	@Autowired
	private MilvusClient client;

	@Test
	void whenContainerIsAServiceConnectionThenClientConnectsToIt() {
		assertThat(this.connectionDetails).isNotInstanceOf(PropertiesMilvusConnectionDetails.class);
		assertThat(this.connectionDetails.getUri()).isEqualTo(milvus.getEndpoint());
		assertThat(this.client.serverVersion()).isNotEmpty();
		assertThat(this.client.checkHealth().healthy()).isTrue();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(MilvusAutoConfiguration.class)
	static class TestConfiguration {

	}

}
