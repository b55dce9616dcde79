package dev.milvusboot.benchmarks.e2e;

import java.util.Arrays;

/**
 * What one timed window of calls gave: the wall time of each call in milliseconds, the window's length, and the CPU
 * the client's process and the server spent over it.
 *
 * @param latenciesMs the latency of each completed call, in milliseconds
 * @param elapsedSeconds the window's wall time, from the common start until the last thread stopped
 * @param requests the requests the client sent for these calls, or {@code -1} where not known (ours counts them: it
 * may combine concurrent searches into one request; a batching contender sends one request per call)
 * @param perCall the query vectors each call carried (1, or the batch of a contender batching its own queries)
 * @param cpuNanos the CPU time (user + system, all threads) the client's process spent over the window, as the
 * process itself measured it from the common start until its last thread stopped, or {@code -1} where not known
 * @param serverCpuNanos the CPU time of the server's process tree over the window, or {@code -1} where not known
 */
public record Window(double[] latenciesMs, double elapsedSeconds, long requests, int perCall, long cpuNanos,
		long serverCpuNanos) {

	/** A window of single-query calls whose request count and CPU are not known. */
	public Window(double[] latenciesMs, double elapsedSeconds) {
		this(latenciesMs, elapsedSeconds, -1, 1, -1, -1);
	}

	/** This window with the requests sent for it. */
	public Window withRequests(long requests) {
		return new Window(this.latenciesMs, this.elapsedSeconds, requests, this.perCall, this.cpuNanos,
				this.serverCpuNanos);
	}

	/** This window with the query vectors each call carried (a batching contender sends one request per call). */
	public Window withPerCall(int perCall) {
		return new Window(this.latenciesMs, this.elapsedSeconds, (perCall > 1) ? this.latenciesMs.length : this.requests,
				perCall, this.cpuNanos, this.serverCpuNanos);
	}

	/** This window with the client process's CPU time over it. */
	public Window withCpu(long cpuNanos) {
		return new Window(this.latenciesMs, this.elapsedSeconds, this.requests, this.perCall, cpuNanos,
				this.serverCpuNanos);
	}

	/** This window with the server's CPU time over it. */
	public Window withServerCpu(long serverCpuNanos) {
		return new Window(this.latenciesMs, this.elapsedSeconds, this.requests, this.perCall, this.cpuNanos,
				serverCpuNanos);
	}

	/** The searches (query vectors) the window's calls carried. */
	public long searches() {
		return (long) this.latenciesMs.length * this.perCall;
	}

	/** Searches (query vectors) per second over the window; calls per second for single-query calls. */
	public double throughput() {
		return searches() / this.elapsedSeconds;
	}

	/** The client's CPU microseconds per search (query vector), or NaN where not known. */
	public double clientCpuMicrosPerSearch() {
		return (this.cpuNanos < 0 || searches() == 0) ? Double.NaN : this.cpuNanos / 1e3 / searches();
	}

	/** The server's CPU microseconds per search (query vector), or NaN where not known. */
	public double serverCpuMicrosPerSearch() {
		return (this.serverCpuNanos < 0 || searches() == 0) ? Double.NaN : this.serverCpuNanos / 1e3 / searches();
	}

	/** Searches (query vectors) per request sent, or NaN where the requests are not known. */
	public double searchesPerRequest() {
		return (this.requests <= 0) ? Double.NaN : searches() / (double) this.requests;
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
