package dev.milvusboot.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at start-up when the Milvus client cannot be configured: invalid client options (from properties,
 * {@link MilvusConnectionDetails} or a {@link MilvusClientOptionsBuilderCustomizer}), or a property whose value must
 * not be shown. Its message never contains a secret. Described by {@link InvalidMilvusConfigurationFailureAnalyzer}.
 */
class InvalidMilvusConfigurationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final @Nullable String property;

	InvalidMilvusConfigurationException(@Nullable String property, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.property = property;
	}

	/**
	 * The property at fault, if known.
	 * @return the property name, or {@code null}
	 */
	@Nullable String getProperty() {
		return this.property;
	}

}
