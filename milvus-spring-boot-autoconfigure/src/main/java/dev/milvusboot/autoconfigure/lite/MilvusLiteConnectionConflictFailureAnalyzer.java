package dev.milvusboot.autoconfigure.lite;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Describes a {@link MilvusLiteConnectionConflictException}: which connection properties contradict Milvus Lite,
 * and the two ways out.
 */
class MilvusLiteConnectionConflictFailureAnalyzer
		extends AbstractFailureAnalyzer<MilvusLiteConnectionConflictException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MilvusLiteConnectionConflictException cause) {
		StringBuilder description = new StringBuilder(
				"Milvus Lite (milvus.lite.enabled=true) supplies the Milvus connection, but the configuration also "
						+ "says where or how to connect:%n");
		for (String conflict : cause.getConflicts()) {
			description.append("%n    ").append(conflict.replace("%", "%%"));
		}
		return new FailureAnalysis(String.format(description.toString()),
				"To use Milvus Lite, remove these properties (or set them only in the profiles that connect to a "
						+ "Milvus server). To use the server they describe, set milvus.lite.enabled=false.",
				cause);
	}

}
