package dev.milvusboot.autoconfigure.lite;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Describes a failure to install or start Milvus Lite at start-up and what to do about it: one action per
 * {@code MilvusLocalException.Reason} (Python missing or too old, PyPI unreachable, pip failed, port taken, data
 * directory locked, server crashed, time-out, ...). Matches the exception by name before touching its type, so it
 * is harmless when {@code milvus-local} is not on the classpath.
 */
class MilvusLiteFailureAnalyzer implements FailureAnalyzer {

	private static final String EXCEPTION = "dev.milvusboot.local.MilvusLocalException";

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (EXCEPTION.equals(cause.getClass().getName())) {
				return new FailureAnalysis(
						String.format("Milvus Lite (milvus.lite.enabled=true) could not be started:%n%n    %s",
								cause.getMessage()),
						MilvusLiteFailureActions.actionFor(cause), cause);
			}
		}
		return null;
	}

}
