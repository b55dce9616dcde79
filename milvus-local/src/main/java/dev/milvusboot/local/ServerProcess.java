package dev.milvusboot.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One server process on 127.0.0.1: started with its output in a log file, awaited until it answers gRPC, and
 * stopped with its whole process tree, also at JVM shutdown. Paused and resumed with SIGSTOP and SIGCONT, or
 * killed with SIGKILL, for fault tests.
 */
final class ServerProcess {

	static final String HOST = "127.0.0.1";

	private final String name;

	private final List<String> command;

	private final Map<String, String> environment;

	private final Path logFile;

	private final int port;

	private final Duration startupTimeout;

	private final Consumer<String> progress;

	private final java.util.function.Function<ServerProcess, String> readiness;

	private volatile Process process;

	private volatile String version;

	/** Where this run's output starts in the log, which earlier runs of the same server appended to. */
	private volatile long logStart;

	private final Thread shutdownHook = new Thread(this::stopQuietly, "milvus-local-shutdown");

	ServerProcess(String name, List<String> command, Map<String, String> environment, Path logFile, int port,
			Duration startupTimeout, Consumer<String> progress) {
		this(name, command, environment, logFile, port, startupTimeout, progress,
				(server) -> GrpcProbe.version(HOST, port, 1000));
	}

	/**
	 * A server process whose readiness is judged by a probe.
	 * @param readiness gives the server's version once it is ready, {@code null} before
	 */
	ServerProcess(String name, List<String> command, Map<String, String> environment, Path logFile, int port,
			Duration startupTimeout, Consumer<String> progress,
			java.util.function.Function<ServerProcess, String> readiness) {
		this.readiness = readiness;
		this.name = name;
		this.command = List.copyOf(command);
		this.environment = Map.copyOf(environment);
		this.logFile = logFile;
		this.port = port;
		this.startupTimeout = startupTimeout;
		this.progress = progress;
	}

	/** A port free on 127.0.0.1 right now. */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new MilvusLocalException("Cannot find a free port on " + HOST + ": " + ex.getMessage(), ex);
		}
	}

	static void requireFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
			// free
		}
		catch (IOException ex) {
			throw new MilvusLocalException("Port " + port + " on " + HOST + " is already taken; choose another port "
					+ "or 0 for a free one");
		}
	}

	synchronized void start() {
		requireFree(this.port);
		long start = System.nanoTime();
		try {
			Files.createDirectories(this.logFile.getParent());
			this.logStart = Files.exists(this.logFile) ? Files.size(this.logFile) : 0;
			ProcessBuilder builder = new ProcessBuilder(this.command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()));
			builder.environment().putAll(this.environment);
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new MilvusLocalException("Cannot start " + this.name + " (" + this.command.get(0) + "): " + ex, ex);
		}
		try {
			Runtime.getRuntime().addShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			// shutting down already, or registered by an earlier start
		}
		long deadline = System.nanoTime() + this.startupTimeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new MilvusLocalException(this.name + " exited with code " + this.process.exitValue()
						+ " while starting. Its last log lines (" + this.logFile + "):\n" + lastLines(40));
			}
			String answer = this.readiness.apply(this);
			if (answer != null) {
				this.version = answer;
				this.progress.accept(String.format("%s %s is listening on %s:%d (started in %.1f s, log %s)", this.name,
						answer, HOST, this.port, (System.nanoTime() - start) / 1e9, this.logFile));
				return;
			}
			sleep(200);
		}
		stop();
		throw new MilvusLocalException(this.name + " did not answer on " + HOST + ":" + this.port + " within "
				+ this.startupTimeout + ". Its last log lines (" + this.logFile + "):\n" + lastLines(40));
	}

	String version() {
		return this.version;
	}

	long pid() {
		Process current = this.process;
		return (current != null) ? current.pid() : -1;
	}

	boolean isRunning() {
		Process current = this.process;
		return current != null && current.isAlive();
	}

	/** Stops the process tree: politely, then forcibly after a grace period. */
	synchronized void stop() {
		Process current = this.process;
		if (current == null) {
			return;
		}
		List<ProcessHandle> tree = new ArrayList<>(current.descendants().toList());
		current.destroy();
		tree.forEach(ProcessHandle::destroy);
		try {
			if (!current.waitFor(10, TimeUnit.SECONDS)) {
				current.destroyForcibly();
				current.waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			current.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		for (ProcessHandle handle : tree) {
			if (handle.isAlive()) {
				handle.destroyForcibly();
			}
		}
		this.process = null;
		removeShutdownHook();
	}

	/** Kills the process tree at once (SIGKILL), as a crash would. */
	synchronized void kill() {
		Process current = this.process;
		if (current == null) {
			return;
		}
		List<ProcessHandle> tree = current.descendants().toList();
		current.destroyForcibly();
		tree.forEach(ProcessHandle::destroyForcibly);
		try {
			current.waitFor(10, TimeUnit.SECONDS);
			for (ProcessHandle handle : tree) {
				handle.onExit().get(10, TimeUnit.SECONDS);
			}
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			// reported by the next start, which needs the port free
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process = null;
		removeShutdownHook();
	}

	/** Freezes (SIGSTOP) or thaws (SIGCONT) the process tree. */
	void signal(String signal) {
		Process current = this.process;
		if (current == null) {
			throw new MilvusLocalException(this.name + " is not running");
		}
		List<String> command = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(current.pid())));
		current.descendants().forEach((handle) -> command.add(Long.toString(handle.pid())));
		try {
			Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
			if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
				throw new MilvusLocalException("kill -" + signal + " failed for " + this.name);
			}
		}
		catch (IOException ex) {
			throw new MilvusLocalException("Cannot send " + signal + " to " + this.name + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MilvusLocalException("Interrupted while signalling " + this.name, ex);
		}
	}

	private void removeShutdownHook() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down
		}
	}

	private void stopQuietly() {
		try {
			stop();
		}
		catch (RuntimeException ex) {
			// best effort at JVM shutdown
		}
	}

	/** The last lines this run wrote to the log. */
	String lastLines(int count) {
		try {
			byte[] log = Files.readAllBytes(this.logFile);
			int from = (int) Math.min(this.logStart, log.length);
			List<String> lines = new String(log, from, log.length - from, StandardCharsets.UTF_8).lines().toList();
			return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MilvusLocalException("Interrupted while waiting for the server", ex);
		}
	}

}
