package dev.milvusboot.benchmarks.cpu;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;

/**
 * This process's CPU time by thread group (Linux {@code /proc/self/task}, the thread name with its digits left
 * out), user and system apart, in clock ticks: where a window's CPU goes (callers, event loops, JIT, GC, kernel).
 */
final class ThreadCpu {

	private ThreadCpu() {
	}

	/** Per group: {user ticks, system ticks}; empty where {@code /proc} cannot be read. */
	static Map<String, long[]> snapshot() {
		Map<String, long[]> groups = new TreeMap<>();
		try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Paths.get("/proc/self/task"))) {
			for (Path task : tasks) {
				try {
					String stat = Files.readString(task.resolve("stat"));
					String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					long[] ticks = groups.computeIfAbsent(name, (k) -> new long[2]);
					ticks[0] += Long.parseLong(fields[11]);
					ticks[1] += Long.parseLong(fields[12]);
				}
				catch (IOException | RuntimeException ex) {
					// the thread ended meanwhile
				}
			}
		}
		catch (IOException ex) {
			return groups;
		}
		return groups;
	}

	/** The CPU time of the JIT compiler threads between two snapshots, in nanoseconds. */
	static long compilerNanos(Map<String, long[]> before, Map<String, long[]> after) {
		long ticks = 0;
		for (Map.Entry<String, long[]> group : after.entrySet()) {
			if (group.getKey().contains("CompilerThre")) {
				long[] b = before.getOrDefault(group.getKey(), new long[2]);
				ticks += group.getValue()[0] + group.getValue()[1] - b[0] - b[1];
			}
		}
		return ticks * 10_000_000L;
	}

	/** The change from {@code before} to now, as "group user/sys ms" lines, largest first. */
	static String since(Map<String, long[]> before, Map<String, long[]> after) {
		StringBuilder out = new StringBuilder();
		after.entrySet()
			.stream()
			.map((e) -> {
				long[] b = before.getOrDefault(e.getKey(), new long[2]);
				return Map.entry(e.getKey(), new long[] { e.getValue()[0] - b[0], e.getValue()[1] - b[1] });
			})
			.filter((e) -> e.getValue()[0] + e.getValue()[1] > 0)
			.sorted((x, y) -> Long.compare(y.getValue()[0] + y.getValue()[1], x.getValue()[0] + x.getValue()[1]))
			.forEach((e) -> out.append(String.format("  %-28s user %6d ms, system %6d ms%n", e.getKey(),
					e.getValue()[0] * 10, e.getValue()[1] * 10)));
		return out.toString();
	}

}
