package dev.milvusboot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Describes an {@link InvalidMilvusConfigurationException} at start-up: what is wrong and where to fix it.
 */
class InvalidMilvusConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidMilvusConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidMilvusConfigurationException cause) {
		StringBuilder description = new StringBuilder("The Milvus client could not be configured");
		if (cause.getProperty() != null) {
			description.append(" because of configuration property '").append(cause.getProperty()).append("'");
		}
		description.append(String.format(":%n%n    %s", cause.getMessage()));
		String action = (cause.getProperty() != null) ? "Review the value of the property '" + cause.getProperty()
				+ "' with the provided reason."
				: "Review the milvus.* configuration properties and any MilvusConnectionDetails or "
						+ "MilvusClientOptionsBuilderCustomizer beans of the application.";
		return new FailureAnalysis(description.toString(), action, cause);
	}

}
