package dev.milvusboot.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A server started by another JVM, as an application would: {@link #main} (run in the child JVM) starts a server
 * of a kind, prints the pids of its process tree and waits; {@link #start} launches that child JVM with this JVM's
 * java and class path and reads the pids.
 */
final class ServerInChildJvm implements AutoCloseable {

	static final String PIDS = "PIDS ";

	private final Process jvm;

	private final List<Long> serverPids;

	private long killedAt;

	private ServerInChildJvm(Process jvm, List<Long> serverPids) {
		this.jvm = jvm;
		this.serverPids = serverPids;
	}

	/**
	 * Child JVM entry point.
	 * @param args the kind ({@code PYTHON}, {@code NATIVE} or {@code STANDALONE}) and, for Lite, the data directory
	 * (or {@code -} for a temporary one)
	 */
	public static void main(String[] args) throws Exception {
		MilvusLocalServer server = switch (args[0]) {
			case "STANDALONE" -> MilvusStandalone.builder().build().start();
			default -> MilvusLite.builder()
				.engine(MilvusLite.Engine.valueOf(args[0]))
				.dataDirectory(args[1].equals("-") ? null : Path.of(args[1]))
				.build()
				.start();
		};
		List<ProcessHandle> tree = ProcessTree.members(ProcessHandle.of(server.pid()).orElseThrow());
		System.out.println(PIDS + tree.stream().map((p) -> Long.toString(p.pid())).collect(Collectors.joining(" ")));
		System.out.flush();
		Thread.sleep(TimeUnit.MINUTES.toMillis(10));
	}

	/**
	 * Starts a child JVM running a server and waits until it prints the server's pids.
	 * @param log where the child's output goes
	 * @param args the arguments of {@link #main}
	 * @return the running child
	 */
	static ServerInChildJvm start(Path log, String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), ServerInChildJvm.class.getName()));
		command.addAll(List.of(args));
		Process jvm = new ProcessBuilder(command).redirectError(log.toFile()).start();
		BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = out.readLine()) != null) {
			if (line.startsWith(PIDS)) {
				List<Long> pids = new ArrayList<>();
				for (String pid : line.substring(PIDS.length()).trim().split(" ")) {
					pids.add(Long.parseLong(pid));
				}
				return new ServerInChildJvm(jvm, pids);
			}
		}
		jvm.destroyForcibly();
		throw new IllegalStateException("The child JVM ended without starting a server; see " + log);
	}

	long jvmPid() {
		return this.jvm.pid();
	}

	List<Long> serverPids() {
		return this.serverPids;
	}

	/** SIGKILLs the child JVM. */
	void killJvm() throws InterruptedException {
		this.killedAt = System.nanoTime();
		this.jvm.destroyForcibly();
		this.jvm.waitFor(10, TimeUnit.SECONDS);
	}

	/**
	 * Waits until none of the server's processes runs.
	 * @param timeout how long to wait
	 * @return the seconds from {@link #killJvm()} until they were gone, or -1 if some still run
	 */
	double awaitServerGone(Duration timeout) {
		long start = this.killedAt;
		List<ProcessHandle> handles = this.serverPids.stream()
			.map(ProcessHandle::of)
			.flatMap(java.util.Optional::stream)
			.toList();
		return ProcessTree.awaitGone(handles, timeout) ? (System.nanoTime() - start) / 1e9 : -1;
	}

	@Override
	public void close() {
		try {
			killJvm();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		for (long pid : this.serverPids) {
			ProcessHandle.of(pid).ifPresent(ProcessTree::killForcibly);
		}
	}

}
