package dev.milvusboot.benchmarks.e2e;

import java.util.Arrays;

/**
 * What one timed window of calls gave: the wall time of each call in milliseconds and the window's length.
 *
 * @param latenciesMs the latency of each completed call, in milliseconds
 * @param elapsedSeconds the window's wall time, from the common start until the last thread stopped
 * @param requests the requests the client sent for these calls, or {@code -1} where not known (only ours counts
 * them: it may combine concurrent searches into one request)
 */
public record Window(double[] latenciesMs, double elapsedSeconds, long requests) {

	/** A window whose request count is not known. */
	public Window(double[] latenciesMs, double elapsedSeconds) {
		this(latenciesMs, elapsedSeconds, -1);
	}

	/** This window with the requests sent for it. */
	public Window withRequests(long requests) {
		return new Window(this.latenciesMs, this.elapsedSeconds, requests);
	}

	/** Calls per second over the window. */
	public double throughput() {
		return this.latenciesMs.length / this.elapsedSeconds;
	}

	/**
	 * A percentile by the nearest-rank method.
	 * @param values the values (not changed)
	 * @param percent e.g. 50 or 99
	 * @return the value, or NaN when there is none
	 */
	public static double percentile(double[] values, double percent) {
		if (values.length == 0) {
			return Double.NaN;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	/** All values of several arrays, in order. */
	public static double[] concat(double[] a, double[] b) {
		double[] result = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, result, a.length, b.length);
		return result;
	}

}
