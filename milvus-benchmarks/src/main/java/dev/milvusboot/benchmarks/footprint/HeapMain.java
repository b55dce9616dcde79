package dev.milvusboot.benchmarks.footprint;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap used after connecting, in a fresh JVM with one client on the classpath: {@code HeapMain ours|sdk URI}
 * prints {@code baseline=B after=A classes=C} (heap bytes used after a full GC before creating the client and
 * after it connected and answered one call, and the classes loaded).
 */
public final class HeapMain {

	private HeapMain() {
	}

	public static void main(String[] args) throws Exception {
		String type = switch (args[0]) {
			case "ours" -> "dev.milvusboot.benchmarks.footprint.OurConnection";
			case "sdk" -> "dev.milvusboot.benchmarks.footprint.SdkConnection";
			default -> throw new IllegalArgumentException("ours or sdk: " + args[0]);
		};
		long baseline = usedAfterGc();
		// by reflection, so that the other client's classes are never needed
		AutoCloseable client = (AutoCloseable) Class.forName(type)
			.getMethod("connect", String.class)
			.invoke(null, args[1]);
		long after = usedAfterGc();
		int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
		System.out.println("baseline=" + baseline + " after=" + after + " classes=" + classes);
		System.out.flush();
		client.close();
		System.exit(0);
	}

	private static long usedAfterGc() throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(100);
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

}
