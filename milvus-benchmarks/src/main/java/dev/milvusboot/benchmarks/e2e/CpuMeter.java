package dev.milvusboot.benchmarks.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.stream.Stream;

/**
 * CPU time (user + system) of a process, or of a process tree, from Linux {@code /proc/<pid>/stat}, in
 * nanoseconds; 0 where {@code /proc} cannot be read. Resolution: one clock tick (10 ms).
 */
public final class CpuMeter {

	private static final long NANOS_PER_TICK = 10_000_000L;

	private CpuMeter() {
	}

	/** The CPU time of {@code pid} alone. */
	public static long process(long pid) {
		if (pid <= 0) {
			return 0;
		}
		try {
			String stat = Files.readString(Paths.get("/proc", Long.toString(pid), "stat"));
			// the command name (field 2) may hold spaces: count fields after its closing parenthesis
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/** The CPU time of {@code pid} and its living descendants. */
	public static long tree(long pid) {
		if (pid <= 0) {
			return 0;
		}
		return process(pid) + ProcessHandle.of(pid)
			.map(ProcessHandle::descendants)
			.orElseGet(Stream::empty)
			.mapToLong((handle) -> process(handle.pid()))
			.sum();
	}

}
