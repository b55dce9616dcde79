package dev.milvusboot.benchmarks.cpu;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import dev.milvusboot.benchmarks.Fixtures;

/**
 * One client in a JVM of its own, driven by {@link CpuMain} over stdin/stdout, one line per command:
 * {@code search COLLECTION THREADS SECONDS OFFSET} and {@code insert COLLECTION BATCHES FIRST_ID} answer
 * {@code ok CALLS_OR_ROWS CPU_NANOS WALL_NANOS JIT_NANOS}, where CPU is this process's CPU time (every thread:
 * callers, transport, JIT, GC) over the window and JIT that of its compiler threads; the CPU by thread goes to
 * stderr; {@code quit} ends it. The rows of an insert are built before the window.
 * <p>
 * Usage: {@code CpuContenderMain ours|ours1|ours-on|sdk|raw URI SEARCH_DIM INSERT_DIM BATCH_ROWS} ({@code ours1}:
 * one connection; {@code ours-on}: search coalescing on, the client's default; {@code raw}: the grpc-java floor,
 * {@link RawCalls}, searches only).
 */
public final class CpuContenderMain {

	/** The CPU time of the search threads, added by each as it ends. */
	private static final LongAdder CALLERS = new LongAdder();

	private CpuContenderMain() {
	}

	public static void main(String[] args) throws Exception {
		String uri = args[1];
		int searchDim = Integer.parseInt(args[2]);
		int insertDim = Integer.parseInt(args[3]);
		int batchRows = Integer.parseInt(args[4]);
		float[][] queries = Fixtures.vectors(1_000, searchDim, 7);
		float[][] batch = Fixtures.vectors(batchRows, insertDim, 42);
		PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
		System.setOut(System.err);
		// only the named client is constructed: the other one's classes are not on this JVM's classpath
		try (Calls calls = switch (args[0]) {
			case "ours" -> new OurCalls(uri, 0, false);
			case "ours1" -> new OurCalls(uri, 1, false);
			case "ours-on" -> new OurCalls(uri, 0, true);
			case "sdk" -> new SdkCalls(uri);
			case "raw" -> new RawCalls(uri);
			default -> throw new IllegalArgumentException("ours, ours1, ours-on, sdk or raw: " + args[0]);
		}) {
			BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			String line;
			while ((line = in.readLine()) != null && !line.equals("quit")) {
				String[] command = line.split(" ");
				try {
					Map<String, long[]> threadsBefore = ThreadCpu.snapshot();
					long[] result = switch (command[0]) {
						case "search" -> searches(calls, command[1], Integer.parseInt(command[2]),
								Double.parseDouble(command[3]), Integer.parseInt(command[4]), queries);
						case "insert" -> inserts(calls, command[1], Integer.parseInt(command[2]),
								Long.parseLong(command[3]), batch);
						default -> throw new IllegalArgumentException("unknown command " + command[0]);
					};
					Map<String, long[]> threadsAfter = ThreadCpu.snapshot();
					System.err.print(line + ": " + result[0] + " calls or rows, callers' CPU " + CALLERS.sumThenReset() / 1_000_000
							+ " ms, CPU by thread:\n" + ThreadCpu.since(threadsBefore, threadsAfter));
					out.println("ok " + result[0] + " " + result[1] + " " + result[2] + " "
							+ ThreadCpu.compilerNanos(threadsBefore, threadsAfter));
				}
				catch (Exception ex) {
					out.println("error " + ex.toString().replace('\n', ' '));
				}
			}
		}
		System.exit(0);
	}

	/** This process's CPU time, all threads. */
	static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/** Searches on {@code threads} threads for {@code seconds}; returns the searches, CPU and wall nanoseconds. */
	private static long[] searches(Calls calls, String collection, int threads, double seconds, int offset,
			float[][] queries) throws Exception {
		CyclicBarrier start = new CyclicBarrier(threads + 1);
		long[] end = new long[1];
		LongAdder count = new LongAdder();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			Thread worker = new Thread(() -> {
				try {
					start.await();
					for (int i = 0; System.nanoTime() < end[0]; i++) {
						calls.search(collection, queries[(offset + thread * 131 + i) % queries.length]);
						count.increment();
					}
				}
				catch (Throwable ex) {
					failure.compareAndSet(null, ex);
				}
				CALLERS.add(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
			}, "cpu-search-" + t);
			worker.start();
			workers.add(worker);
		}
		long cpu = cpuNanos();
		long wall = System.nanoTime();
		end[0] = wall + (long) (seconds * 1e9);
		start.await();
		for (Thread worker : workers) {
			worker.join();
		}
		if (failure.get() != null) {
			throw new IllegalStateException("A search failed: " + failure.get(), failure.get());
		}
		return new long[] { count.sum(), cpuNanos() - cpu, System.nanoTime() - wall };
	}

	/** Inserts {@code batches} batches on this thread; returns the rows, CPU and wall nanoseconds. */
	private static long[] inserts(Calls calls, String collection, int batches, long firstId, float[][] vectors) {
		List<Object> prepared = new ArrayList<>(batches);
		for (int b = 0; b < batches; b++) {
			prepared.add(calls.rows(vectors, firstId + (long) b * vectors.length));
		}
		// the rows are built before the window: the window is the insert calls alone
		long cpu = cpuNanos();
		long wall = System.nanoTime();
		for (Object rows : prepared) {
			calls.insert(collection, rows);
		}
		return new long[] { (long) batches * vectors.length, cpuNanos() - cpu, System.nanoTime() - wall };
	}

}
