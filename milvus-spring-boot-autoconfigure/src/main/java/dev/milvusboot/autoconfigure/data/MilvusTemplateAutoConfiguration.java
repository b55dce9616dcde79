package dev.milvusboot.autoconfigure.data;

import dev.milvusboot.autoconfigure.MilvusAutoConfiguration;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.core.MilvusExceptionTranslator;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.core.ReactiveMilvusTemplate;
import dev.milvusboot.core.mapping.EntityMapper;
import dev.milvusboot.core.mapping.MilvusCustomConversions;
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
 * {@link ReactiveMilvusTemplate} over the same client, which backs off in the same way. Both map entities with one
 * {@link EntityMapper} over the {@link MilvusCustomConversions} (a bean of the application's replaces the default one,
 * to register its own {@code @ReadingConverter}s and {@code @WritingConverter}s).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = MilvusAutoConfiguration.class)
@ConditionalOnClass({ MilvusClient.class, MilvusTemplate.class })
@ConditionalOnSingleCandidate(MilvusClient.class)
public final class MilvusTemplateAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MilvusCustomConversions milvusCustomConversions() {
		return new MilvusCustomConversions();
	}

	@Bean
	@ConditionalOnMissingBean
	EntityMapper milvusEntityMapper(MilvusCustomConversions conversions) {
		return new EntityMapper(conversions);
	}

	@Bean
	@ConditionalOnMissingBean
	MilvusTemplate milvusTemplate(MilvusClient client, EntityMapper mapper) {
		return new MilvusTemplate(client, new MilvusExceptionTranslator(), mapper);
	}

	/** The reactive template, in a class of its own so that nothing loads Reactor when it is absent. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Mono.class, ReactiveMilvusTemplate.class })
	static class ReactiveTemplateConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveMilvusTemplate reactiveMilvusTemplate(MilvusClient client, EntityMapper mapper) {
			return new ReactiveMilvusTemplate(client, new MilvusExceptionTranslator(), mapper);
		}

	}

}
