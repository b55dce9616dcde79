package dev.milvusboot.benchmarks.e2e;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Java client as a contender: the timing and the threads are shared, so ours and the SDK are measured alike.
 * Subclasses make one call each.
 *
 * @param <R> the client's form of a batch of rows
 */
public abstract class JavaContender<R> implements Contender {

	private final float[][] insertVectors;

	private final float[][] queries;

	JavaContender(float[][] insertVectors, float[][] queries) {
		this.insertVectors = insertVectors;
		this.queries = queries;
	}

	/** Builds the client's rows for {@code vectors[first .. first + count - 1]} (ids {@code first ...}). */
	abstract R rows(float[][] vectors, int first, int count);

	abstract void insertRows(String collection, R rows);

	abstract void searchOnce(String collection, float[] query);

	/**
	 * One search carrying several query vectors (a caller batching its own queries). Clients that do not batch
	 * refuse.
	 */
	void searchBatch(String collection, List<float[]> queries) {
		throw new UnsupportedOperationException(name() + " does not batch its own queries");
	}

	/** Called before a search window on {@code threads} threads starts (not timed), e.g. to open clients. */
	void prepare(int threads) {
	}

	abstract void getOnce(String collection, long id);

	/** The search requests sent so far, or {@code -1} where the client does not tell. */
	long searchRequests() {
		return -1;
	}

	@Override
	public long pid() {
		return ProcessHandle.current().pid();
	}

	@Override
	public Timing insert(String collection, int first, int count) {
		R rows = rows(this.insertVectors, first, count);
		long cpu = processCpuNanos();
		long begin = System.nanoTime();
		insertRows(collection, rows);
		long end = System.nanoTime();
		return new Timing((end - begin) / 1e9, processCpuNanos() - cpu);
	}

	@Override
	public Window search(String collection, int threads, double seconds, int offset, int batch) throws Exception {
		int count = this.queries.length;
		prepare(threads);
		if (batch > 1) {
			// a list of references to the caller's vectors, as a single search takes a reference to its vector
			return window(threads, seconds, (t, i) -> searchBatch(collection,
					batch(offset + t * 131 + i * batch, batch))).withPerCall(batch);
		}
		long before = searchRequests();
		Window window = window(threads, seconds,
				(t, i) -> searchOnce(collection, this.queries[(offset + t * 131 + i) % count]));
		return (before < 0) ? window : window.withRequests(searchRequests() - before);
	}

	/** Query vectors {@code first .. first + size - 1} (modulo their number), as a list. */
	private List<float[]> batch(int first, int size) {
		List<float[]> batch = new ArrayList<>(size);
		for (int j = 0; j < size; j++) {
			batch.add(this.queries[(first + j) % this.queries.length]);
		}
		return batch;
	}

	/** The CPU time (user + system) of all this process's threads, in nanoseconds, or -1 where not known. */
	static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return -1;
	}

	@Override
	public Window get(String collection, int threads, double seconds, int offset, int rows) throws Exception {
		return window(threads, seconds,
				(t, i) -> getOnce(collection, Contender.getId(offset + t * 100_003, i, rows)));
	}

	/** One call of thread {@code t}, its {@code i}-th. */
	@FunctionalInterface
	public interface Call {

		void run(int t, int i);

	}

	/**
	 * Runs {@code call} on {@code threads} threads from a common start until {@code seconds} pass (a call under way
	 * then completes and counts), timing each call; the process's CPU time is read at the common start and after
	 * the last thread stopped.
	 */
	public static Window window(int threads, double seconds, Call call) throws Exception {
		CyclicBarrier start = new CyclicBarrier(threads + 1);
		long[] deadline = new long[1];
		double[][] results = new double[threads][];
		AtomicReference<Throwable> failure = new AtomicReference<>();
		List<Thread> workers = new ArrayList<>(threads);
		for (int t = 0; t < threads; t++) {
			int thread = t;
			Thread worker = new Thread(() -> {
				double[] latencies = new double[1024];
				int done = 0;
				try {
					start.await();
					long end = deadline[0];
					while (true) {
						long begin = System.nanoTime();
						if (begin >= end) {
							break;
						}
						call.run(thread, done);
						if (done == latencies.length) {
							latencies = Arrays.copyOf(latencies, done * 2);
						}
						latencies[done++] = (System.nanoTime() - begin) / 1e6;
					}
				}
				catch (Throwable ex) {
					failure.compareAndSet(null, ex);
				}
				results[thread] = Arrays.copyOf(latencies, done);
			}, "contender-" + t);
			worker.start();
			workers.add(worker);
		}
		long cpu = processCpuNanos();
		long begin = System.nanoTime();
		deadline[0] = begin + (long) (seconds * 1e9);
		start.await();
		for (Thread worker : workers) {
			worker.join();
		}
		double elapsed = (System.nanoTime() - begin) / 1e9;
		cpu = (cpu < 0) ? -1 : processCpuNanos() - cpu;
		if (failure.get() != null) {
			throw new IllegalStateException("A call failed: " + failure.get(), failure.get());
		}
		double[] all = new double[0];
		for (double[] result : results) {
			all = Window.concat(all, result);
		}
		return new Window(all, elapsed).withCpu(cpu);
	}

}
