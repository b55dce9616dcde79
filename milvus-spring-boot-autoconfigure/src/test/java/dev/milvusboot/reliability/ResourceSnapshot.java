package dev.milvusboot.reliability;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.PoolStatistics;

/**
 * What a client holds at one moment: heap in use after full collections, JVM threads, the pool's channels and the
 * TCP connections open to the server.
 *
 * @param usedHeap bytes of heap in use after garbage collection
 * @param threads live JVM threads
 * @param pool the client's pool statistics
 * @param connections established TCP connections to the server's port ({@code -1} where {@code /proc} is missing)
 */
record ResourceSnapshot(long usedHeap, int threads, PoolStatistics pool, int connections) {

	/** Collects garbage until the used heap settles, then takes the snapshot. */
	static ResourceSnapshot take(MilvusClient client, int serverPort) throws InterruptedException {
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			Thread.sleep(100);
			long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
			if (now >= used - used / 100) {
				used = Math.min(used, now);
				break;
			}
			used = now;
		}
		return new ResourceSnapshot(used, ManagementFactory.getThreadMXBean().getThreadCount(), client.poolStatistics(),
				connectionsTo(serverPort));
	}

	/** Established connections whose remote end is the port on this host, from the kernel's tables. */
	static int connectionsTo(int port) {
		String remote = String.format(Locale.ROOT, ":%04X", port);
		int count = 0;
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			try {
				for (String line : Files.readAllLines(Path.of(table))) {
					String[] columns = line.trim().split("\\s+");
					if (columns.length > 3 && columns[2].endsWith(remote) && columns[3].equals("01")) {
						count++;
					}
				}
			}
			catch (IOException ex) {
				return -1;
			}
		}
		return count;
	}

	String describe() {
		return String.format(Locale.ROOT, "heap %.1f MB, %d threads, %d channels (%d ready), %d connections",
				this.usedHeap / 1048576.0, this.threads, this.pool.channels(), this.pool.ready(), this.connections);
	}

}
