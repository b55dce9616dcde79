package dev.milvusboot.client;

import org.junit.jupiter.api.Assumptions;

import dev.milvusboot.client.exception.MilvusException;

/**
 * Skips tests of a feature a server lacks, quoting what the server answered the feature's first call. When the
 * server no longer refuses the call, the skip fails, so that it is removed.
 */
final class ServerLacks {

	static final String LITE_25 = "Milvus Lite 2.5";

	private ServerLacks() {
	}

	/**
	 * Skips the test.
	 * @param server the server's name
	 * @param feature what it lacks
	 * @param firstCall the call the server refuses
	 */
	static void skip(String server, String feature, Runnable firstCall) {
		try {
			firstCall.run();
		}
		catch (MilvusException ex) {
			Assumptions.abort(server + " has no " + feature + "; it answered: " + ex.getMessage());
		}
		throw new AssertionError(server + " now accepts the call that showed it had no " + feature
				+ ": run the tests of " + feature + " on it");
	}

}
