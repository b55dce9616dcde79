package dev.milvusboot.benchmarks.jmh;

/** Sanity checks run once per trial: both clients must do the same work, or the comparison means nothing. */
final class Checks {

	private Checks() {
	}

	static void require(boolean condition, String what) {
		if (!condition) {
			throw new IllegalStateException("Ours and theirs disagree: " + what);
		}
	}

}
