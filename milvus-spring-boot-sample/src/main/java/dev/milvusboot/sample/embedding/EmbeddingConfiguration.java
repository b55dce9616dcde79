package dev.milvusboot.sample.embedding;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the {@link Embedder}: the offline {@link HashingEmbedder} stand-in. Replace this bean with a real
 * embedding model (and {@code Document}'s vector dimension with the model's).
 */
@Configuration(proxyBeanMethods = false)
class EmbeddingConfiguration {

	@Bean
	Embedder embedder() {
		return new HashingEmbedder();
	}

}
