package dev.milvusboot.autoconfigure;

import dev.milvusboot.client.MilvusClientOptions;

/**
 * Callback to customize the {@link MilvusClientOptions.Builder} of the auto-configured client. Customizers are
 * applied in {@link org.springframework.core.Ordered order}, after the one applying the {@code milvus.*}
 * properties and {@link MilvusConnectionDetails} (order {@code 0}), so they can override those settings.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface MilvusClientOptionsBuilderCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder to customize
	 */
	void customize(MilvusClientOptions.Builder builder);

}
