package dev.milvusboot.benchmarks.startup;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * One fresh JVM's way to its first successful call, run by {@link StartupComparisonMain}:
 * {@code FirstCallMain ours|sdk|boot URI} creates the client as an application would (ours:
 * {@code MilvusClient.create(uri)}, which connects on the first call; the SDK: {@code new MilvusClientV2(...)}, which
 * connects in its constructor; boot: a Spring Boot application with our starter, its {@code MilvusClient} bean),
 * calls {@code listCollections()} once, and prints {@code uptime_ms=U main_ms=M epoch_ms=E}: the JVM's uptime when
 * the call returned (from the JVM's own start), the time from {@code main} to then, and the wall clock then.
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
		AutoCloseable client = (AutoCloseable) Class.forName(type)
			.getMethod("firstCall", String.class)
			.invoke(null, args[1]);
		long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
		long epoch = System.currentTimeMillis();
		double main = (System.nanoTime() - begin) / 1e6;
		System.out.printf(Locale.ROOT, "uptime_ms=%d main_ms=%.3f epoch_ms=%d%n", uptime, main, epoch);
		System.out.flush();
		client.close();
		System.exit(0);
	}

}
