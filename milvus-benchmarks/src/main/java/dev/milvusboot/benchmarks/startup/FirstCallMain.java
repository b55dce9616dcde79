package dev.milvusboot.benchmarks.startup;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * One fresh JVM's way to its first successful call, run by {@link StartupComparisonMain}:
 * {@code FirstCallMain ours|sdk|boot URI} creates the client as an application would (ours:
 * {@code MilvusClient.create(uri)}, which connects on the first call; the SDK: {@code new MilvusClientV2(...)}, which
 * connects in its constructor; boot: a Spring Boot application with our starter, its {@code MilvusClient} bean),
 * calls {@code listCollections()} once, and prints {@code uptime_ms=U main_ms=M epoch_ms=E created_ms=C cpu_ms=P}:
 * the JVM's uptime when the call returned (from the JVM's own start), the time from {@code main} to then, the wall
 * clock then, the time from {@code main} until the client was created (the rest is its first call) and the CPU time
 * the process had used by then (all its threads, the JVM's own included).
 */
public final class FirstCallMain {

	private FirstCallMain() {
	}

	public static void main(String[] args) throws Exception {
		long begin = System.nanoTime();
		// by reflection, so that only the client measured is loaded
		String type = switch (args[0]) {
			case "ours" -> "dev.milvusboot.benchmarks.startup.OurFirstCall";
			case "sdk" -> "dev.milvusboot.benchmarks.startup.SdkFirstCall";
			case "boot" -> "dev.milvusboot.benchmarks.startup.BootFirstCall";
			default -> throw new IllegalArgumentException("ours, sdk or boot: " + args[0]);
		};
		long[] created = new long[1];
		Runnable onCreated = () -> created[0] = System.nanoTime();
		AutoCloseable client = (AutoCloseable) Class.forName(type)
			.getMethod("firstCall", String.class, Runnable.class)
			.invoke(null, args[1], onCreated);
		long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
		long epoch = System.currentTimeMillis();
		long end = System.nanoTime();
		double cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1e6;
		double main = (end - begin) / 1e6;
		System.out.printf(Locale.ROOT, "uptime_ms=%d main_ms=%.3f epoch_ms=%d created_ms=%.3f cpu_ms=%.0f%n", uptime,
				main, epoch, (created[0] - begin) / 1e6, cpu);
		System.out.flush();
		client.close();
		System.exit(0);
	}

}
