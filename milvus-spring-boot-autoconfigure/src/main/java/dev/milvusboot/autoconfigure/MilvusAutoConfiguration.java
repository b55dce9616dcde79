package dev.milvusboot.autoconfigure;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the Milvus client:
 * {@link MilvusProperties} → {@link MilvusConnectionDetails} → {@link MilvusClientOptions} (with
 * {@link MilvusClientOptionsBuilderCustomizer}s) → {@link MilvusClient}. Every bean backs off when the application
 * defines its own. A {@link MilvusClientOptions} bean of the application's own is used as it is: properties and
 * customizers (metrics and tracing included) are then not applied.
 * The {@code MilvusTemplate} on top comes from
 * {@link dev.milvusboot.autoconfigure.data.MilvusTemplateAutoConfiguration}.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(MilvusClient.class)
@EnableConfigurationProperties(MilvusProperties.class)
public final class MilvusAutoConfiguration {

	private static final Log logger = LogFactory.getLog(MilvusAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(MilvusConnectionDetails.class)
	PropertiesMilvusConnectionDetails milvusConnectionDetails(MilvusProperties properties,
			ObjectProvider<SslBundles> sslBundles) {
		return new PropertiesMilvusConnectionDetails(properties, sslBundles.getIfAvailable());
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	MilvusClient milvusClient(MilvusClientOptions options) {
		MilvusClient client = MilvusClient.create(options);
		if (logger.isInfoEnabled()) {
			logger.info(describe(options));
		}
		return client;
	}

	private static String describe(MilvusClientOptions options) {
		StringBuilder message = new StringBuilder("Milvus client for ").append(options.endpoint().address());
		message.append(" (database ").append((options.database() != null) ? options.database() : "default");
		message.append(", ").append(options.poolSize()).append(" connections");
		if (options.tls() != null) {
			message.append(options.tls().isMutual() ? ", mutual TLS" : ", TLS");
		}
		if (options.token() != null) {
			message.append(", token authentication");
		}
		else if (options.username() != null) {
			message.append(", user and password authentication");
		}
		message.append(", request timeout ").append(options.requestTimeout().toMillis()).append(" ms)");
		return message.toString();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(MilvusClientOptions.class)
	static class MilvusClientOptionsConfiguration {

		@Bean
		StandardMilvusClientOptionsBuilderCustomizer standardMilvusClientOptionsBuilderCustomizer(
				MilvusConnectionDetails connectionDetails, MilvusProperties properties) {
			return new StandardMilvusClientOptionsBuilderCustomizer(connectionDetails, properties);
		}

		@Bean
		MilvusClientOptions milvusClientOptions(ObjectProvider<MilvusClientOptionsBuilderCustomizer> customizers) {
			MilvusClientOptions.Builder builder = MilvusClientOptions.builder();
			try {
				customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
				return builder.build();
			}
			catch (MilvusInvalidArgumentException ex) {
				throw new InvalidMilvusConfigurationException(null, ex.getMessage(), ex);
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class MilvusSanitizingConfiguration {

		/**
		 * Masks {@code milvus.password} and {@code milvus.token} (and their environment variable forms) in the
		 * {@code configprops} and {@code env} endpoints, even when they are set to show values.
		 * @return the sanitizing function
		 */
		@Bean
		SanitizingFunction milvusCredentialsSanitizingFunction() {
			return SanitizingFunction.sanitizeValue().ifKeyMatches("milvus[._](password|token)");
		}

	}

}
