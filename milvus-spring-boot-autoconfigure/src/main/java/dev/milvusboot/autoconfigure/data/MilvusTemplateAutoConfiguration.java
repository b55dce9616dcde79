package dev.milvusboot.autoconfigure.data;

import dev.milvusboot.autoconfigure.MilvusAutoConfiguration;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.core.ReactiveMilvusTemplate;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the {@link MilvusTemplate} (module
 * {@code milvus-spring-data}, brought by the starter) over the application's single {@link MilvusClient}. Backs
 * off when the application defines its own template. With Reactor on the classpath, also a
 * {@link ReactiveMilvusTemplate} over the same client, which backs off in the same way.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = MilvusAutoConfiguration.class)
@ConditionalOnClass({ MilvusClient.class, MilvusTemplate.class })
@ConditionalOnSingleCandidate(MilvusClient.class)
public final class MilvusTemplateAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MilvusTemplate milvusTemplate(MilvusClient client) {
		return new MilvusTemplate(client);
	}

	/** The reactive template, in a class of its own so that nothing loads Reactor when it is absent. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Mono.class, ReactiveMilvusTemplate.class })
	static class ReactiveTemplateConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveMilvusTemplate reactiveMilvusTemplate(MilvusClient client) {
			return new ReactiveMilvusTemplate(client);
		}

	}

}
