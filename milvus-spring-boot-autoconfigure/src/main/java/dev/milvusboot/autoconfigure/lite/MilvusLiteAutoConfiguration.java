package dev.milvusboot.autoconfigure.lite;

import dev.milvusboot.autoconfigure.MilvusAutoConfiguration;
import dev.milvusboot.autoconfigure.MilvusConnectionDetails;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.local.MilvusLite;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of a local Milvus Lite server: with
 * {@code milvus.lite.enabled=true} and {@code dev.milvusboot:milvus-local} on the classpath, Milvus Lite is
 * installed on first use, started on 127.0.0.1 before the client is created, connected to through
 * {@link MilvusConnectionDetails} and stopped when the context closes. Connection properties that contradict it
 * ({@code milvus.uri}, {@code milvus.ssl.*}) fail the start-up before anything is installed; the ones it makes
 * useless ({@code milvus.host}, {@code milvus.port}, credentials, database) are named in a warning. Backs off when the application has {@link MilvusConnectionDetails} of its own, such as a
 * {@code @ServiceConnection}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = MilvusAutoConfiguration.class)
@ConditionalOnClass({ MilvusLite.class, MilvusClient.class })
@ConditionalOnBooleanProperty("milvus.lite.enabled")
@ConditionalOnMissingBean(MilvusConnectionDetails.class)
@EnableConfigurationProperties(MilvusLiteProperties.class)
public final class MilvusLiteAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MilvusLiteServer milvusLiteServer(MilvusLiteProperties properties, Environment environment) {
		LiteConnectionProperties.check(environment);
		return MilvusLiteServer.start(properties);
	}

	@Bean
	MilvusLiteConnectionDetails milvusLiteConnectionDetails(MilvusLiteServer server) {
		return new MilvusLiteConnectionDetails(server);
	}

}
