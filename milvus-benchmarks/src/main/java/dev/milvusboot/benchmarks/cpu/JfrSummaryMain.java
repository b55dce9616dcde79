package dev.milvusboot.benchmarks.cpu;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a Java Flight Recorder file by frame: CPU samples ({@code jdk.ExecutionSample}) by thread and by the
 * library of the top frame, the top methods by self and by total samples, and allocated bytes ({@code jdk.ObjectAllocationSample}
 * weights) by the allocating method and by our nearest caller.
 * <p>
 * Usage: {@code JfrSummaryMain FILE [TOP]}.
 */
public final class JfrSummaryMain {

	private static final String OURS = "dev.milvusboot.client.";

	private JfrSummaryMain() {
	}

	public static void main(String[] args) throws IOException {
		Path file = Paths.get(args[0]);
		int top = (args.length > 1) ? Integer.parseInt(args[1]) : 25;
		Map<String, Long> threads = new HashMap<>();
		Map<String, Long> libraries = new HashMap<>();
		Map<String, Long> self = new HashMap<>();
		Map<String, Long> total = new HashMap<>();
		Map<String, Long> allocatedBy = new HashMap<>();
		Map<String, Long> allocatedUnderOurs = new HashMap<>();
		Map<String, Long> allocatedTypes = new HashMap<>();
		long samples = 0;
		long allocated = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
			String type = event.getEventType().getName();
			RecordedStackTrace stack = event.getStackTrace();
			if (stack == null || stack.getFrames().isEmpty()) {
				continue;
			}
			List<RecordedFrame> frames = stack.getFrames();
			if (type.equals("jdk.ExecutionSample")) {
				samples++;
				libraries.merge(library(frames), 1L, Long::sum);
				String thread = (event.getThread("sampledThread") != null)
						? event.getThread("sampledThread").getJavaName() : null;
				threads.merge((thread != null) ? thread.replaceAll("[0-9]+", "#") : "?", 1L, Long::sum);
				self.merge(name(frames.get(0)), 1L, Long::sum);
				Set<String> seen = new HashSet<>();
				for (RecordedFrame frame : frames) {
					String name = name(frame);
					if (seen.add(name)) {
						total.merge(name, 1L, Long::sum);
					}
				}
			}
			else if (type.equals("jdk.ObjectAllocationSample")) {
				long weight = event.getLong("weight");
				allocated += weight;
				allocatedBy.merge(name(frames.get(0)), weight, Long::sum);
				allocatedTypes.merge(event.getClass("objectClass").getName(), weight, Long::sum);
				String ours = frames.stream()
					.map(JfrSummaryMain::name)
					.filter((n) -> n.startsWith(OURS))
					.findFirst()
					.orElse("(no frame of ours)");
				allocatedUnderOurs.merge(ours, weight, Long::sum);
			}
		}
		System.out.printf(Locale.ROOT, "%d CPU samples, %.1f MB allocation samples' weight%n%n", samples,
				allocated / 1e6);
		print("CPU samples by thread", threads, samples, top);
		print("CPU samples by the library of the top frame", libraries, samples, top);
		print("Top methods, self", self, samples, top);
		print("Top methods, total (the method or what it calls)", total, samples, top * 2);
		print("Allocated bytes by allocating method", allocatedBy, allocated, top);
		print("Allocated bytes by type", allocatedTypes, allocated, top);
		print("Allocated bytes by our nearest frame", allocatedUnderOurs, allocated, top);
	}

	private static void print(String title, Map<String, Long> counts, long all, int top) {
		System.out.println("## " + title);
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(top)
			.forEach((e) -> System.out.printf(Locale.ROOT, "%6.1f%%  %s%n", 100.0 * e.getValue() / all, e.getKey()));
		System.out.println();
	}

	private static String name(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
	}

	/** Our client, gRPC, Netty, protobuf, the JDK or other, by the first frame that is not the JDK's own. */
	private static String library(List<RecordedFrame> frames) {
		String top = frames.get(0).getMethod().getType().getName();
		if (top.startsWith(OURS)) {
			return "our client";
		}
		if (top.contains(".netty.")) {
			return "Netty";
		}
		if (top.startsWith("io.grpc.") || top.contains(".grpc.")) {
			return "grpc-java";
		}
		if (top.startsWith("com.google.protobuf.")) {
			return "protobuf";
		}
		if (top.startsWith("java.") || top.startsWith("jdk.") || top.startsWith("sun.")) {
			for (RecordedFrame frame : frames) {
				String caller = frame.getMethod().getType().getName();
				if (!(caller.startsWith("java.") || caller.startsWith("jdk.") || caller.startsWith("sun."))) {
					return "JDK, called by " + (caller.startsWith(OURS) ? "our client"
							: caller.contains(".netty.") ? "Netty" : caller.contains("grpc") ? "grpc-java"
									: caller.startsWith("com.google.protobuf.") ? "protobuf" : "other");
				}
			}
			return "JDK";
		}
		return "other (" + top + ")";
	}

}
