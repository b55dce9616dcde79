package dev.milvusboot.autoconfigure.data;

import dev.milvusboot.autoconfigure.MilvusAutoConfiguration;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.core.MilvusTemplate;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the {@link MilvusTemplate} (module
 * {@code milvus-spring-data}, brought by the starter) over the application's single {@link MilvusClient}. Backs
 * off when the application defines its own template.
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

}
