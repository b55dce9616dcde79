package dev.milvusboot.core;

import java.util.function.Supplier;

import dev.milvusboot.client.exception.MilvusUnsupportedException;
import org.junit.jupiter.api.Assumptions;

import org.springframework.dao.DataAccessException;

/**
 * Skips a test on a server that lacks the feature it needs, asking the server rather than guessing from its
 * version, and saying why in the skip reason.
 */
final class ServerFeatures {

	private ServerFeatures() {
	}

	/**
	 * Runs a call; skips the test if the server does not implement it ({@code UNIMPLEMENTED}).
	 * @param <T> the result type
	 * @param template the template connected to the server
	 * @param feature what the call needs, for the skip reason
	 * @param call the call
	 * @return its result
	 */
	static <T> T assumeSupported(MilvusTemplate template, String feature, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (DataAccessException ex) {
			Assumptions.assumeFalse(ex.getCause() instanceof MilvusUnsupportedException,
					() -> "The server (version " + template.serverVersion() + ") has no " + feature + ": " + ex.getMessage());
			throw ex;
		}
	}

	/**
	 * Skips the test unless the server supports partitions (Milvus Lite 2.5 answers {@code CreatePartition}
	 * with {@code UNIMPLEMENTED}).
	 * @param template the template connected to the server
	 * @param collection an existing collection to try a partition in
	 */
	static void assumePartitions(MilvusTemplate template, String collection) {
		assumeSupported(template, "partitions", () -> {
			template.createPartition(collection, "feature_probe");
			template.dropPartition(collection, "feature_probe");
			return null;
		});
	}

}
