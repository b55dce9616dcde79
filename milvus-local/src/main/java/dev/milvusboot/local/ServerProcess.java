package dev.milvusboot.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One server process on 127.0.0.1 (settings: {@link ServerProcessBuilder}): started with its output appended to
 * its {@link ServerLog}, awaited until a readiness probe answers, and stopped with its whole process tree (also at
 * JVM shutdown). With a cache directory set, it runs below the {@link Watchdog}, which ends it when this JVM dies
 * in any way: the JVM keeps the write end of the process' standard input open until the server is stopped (see
 * {@link Lifeline}). Paused and resumed with SIGSTOP and SIGCONT, or killed with SIGKILL, for fault tests.
 */
final class ServerProcess {

	static final String HOST = Ports.HOST;

	private static final Pattern PORT_TAKEN = Pattern
		.compile("(?i)address already in use|failed to bind|bind: address|EADDRINUSE");

	private static final long POLL_MILLIS = 200;

	private static final Duration PORT_RELEASE_TIMEOUT = Duration.ofSeconds(5);

	private final String name;

	private final List<String> command;

	private final Map<String, String> environment;

	private final ServerLog log;

	private final Path workingDirectory;

	private final int port;

	private final Duration startupTimeout;

	private final Duration stopGrace;

	private final Consumer<String> progress;

	private final Function<ServerProcess, String> readiness;

	private final String serverExecutable;

	private final Path watchdogDirectory;

	private volatile Process process;

	/** Ends the server with this JVM. */
	private final Lifeline lifeline = new Lifeline(this::killTree);

	/** The descendant that is the actual server when the root is a wrapper (e.g. {@code milvus} below Python). */
	private volatile ProcessHandle server;

	private volatile String version;

	ServerProcess(ServerProcessBuilder builder) {
		this.name = builder.name;
		this.command = List.copyOf(builder.command);
		this.environment = Map.copyOf(builder.environment);
		this.log = new ServerLog(builder.logFile, builder.otherLogs);
		this.workingDirectory = builder.workingDirectory;
		this.port = builder.port;
		this.startupTimeout = builder.startupTimeout;
		this.stopGrace = builder.stopGrace;
		this.progress = builder.progress;
		this.readiness = builder.readiness;
		this.serverExecutable = builder.serverExecutable;
		this.watchdogDirectory = builder.watchdogDirectory;
	}

	/** Starts the process and waits until it is ready. */
	synchronized void start() {
		if (this.process != null && ProcessTree.isRunning(this.process.toHandle())) {
			return;
		}
		Ports.requireFree(this.port, this.name);
		long start = System.nanoTime();
		try {
			this.log.beginRun();
			// Below the watchdog, the server's environment (e.g. a LD_LIBRARY_PATH with the server's own libc
			// libraries) is set by env(1) for the server alone, not for the watchdog's ps, awk and kill.
			List<String> command = (this.watchdogDirectory != null)
					? Watchdog.wrap(this.watchdogDirectory, this.stopGrace, this.environment, this.command)
					: this.command;
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.file().toFile()));
			if (this.workingDirectory != null) {
				builder.directory(this.workingDirectory.toFile());
			}
			if (this.watchdogDirectory == null) {
				builder.environment().putAll(this.environment);
			}
			this.server = null;
			this.process = builder.start();
			this.lifeline.attach(this.process, this.watchdogDirectory != null);
		}
		catch (IOException ex) {
			throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR,
					"Cannot start " + this.name + " (" + String.join(" ", this.command) + "): " + ex, ex);
		}
		this.progress.accept("Started " + this.name + " (pid " + this.process.pid() + ", log " + this.log.file() + ")");
		long deadline = System.nanoTime() + this.startupTimeout.toNanos();
		while (System.nanoTime() < deadline) {
			checkAlive();
			String answer = this.readiness.apply(this);
			if (answer != null) {
				this.version = answer;
				this.progress.accept(String.format(Locale.ROOT, "%s%s is ready on %s:%d (started in %.1f s, log %s)",
						this.name, this.name.endsWith(" " + answer) ? "" : " " + answer, HOST, this.port,
						(System.nanoTime() - start) / 1e9, this.log.file()));
				return;
			}
			sleep(POLL_MILLIS);
		}
		String logs = this.log.tail();
		kill();
		throw new MilvusLocalException(MilvusLocalException.Reason.TIMEOUT, this.name + " did not become ready on "
				+ HOST + ":" + this.port + " within " + this.startupTimeout.toSeconds() + " s and was killed." + logs);
	}

	/** Fails if the process (or the server below a wrapper) has exited. */
	private void checkAlive() {
		Process root = this.process;
		boolean rootRunning = ProcessTree.isRunning(root.toHandle());
		if (this.serverExecutable != null && this.server == null && rootRunning) {
			this.server = findServer(root.toHandle()).orElse(null);
		}
		ProcessHandle child = this.server;
		boolean childGone = child != null && !ProcessTree.isRunning(child);
		if (rootRunning && !childGone) {
			return;
		}
		String what = rootRunning ? this.serverExecutable + " (pid " + child.pid() + ")"
				: "the process (exit code " + exitCode(root) + ")";
		String logs = this.log.tail();
		kill();
		boolean portTaken = PORT_TAKEN.matcher(logs).find();
		throw new MilvusLocalException(
				portTaken ? MilvusLocalException.Reason.PORT_IN_USE : MilvusLocalException.Reason.SERVER_EXITED,
				this.name + ": " + what + " exited while starting"
						+ (portTaken ? "; port " + this.port + " on " + HOST + " (or another port it needs) is "
								+ "already in use" : "")
						+ "." + logs);
	}

	private Optional<ProcessHandle> findServer(ProcessHandle root) {
		return root.descendants()
			.filter((handle) -> handle.info()
				.command()
				.map((command) -> Path.of(command).getFileName().toString().equals(this.serverExecutable))
				.orElse(false))
			.findFirst();
	}

	private static String exitCode(Process process) {
		try {
			return Integer.toString(process.exitValue());
		}
		catch (IllegalThreadStateException ex) {
			return "unknown";
		}
	}

	String version() {
		return this.version;
	}

	int port() {
		return this.port;
	}

	long pid() {
		Process current = this.process;
		return (current != null) ? current.pid() : -1;
	}

	boolean isRunning() {
		Process current = this.process;
		if (current == null || !ProcessTree.isRunning(current.toHandle())) {
			return false;
		}
		ProcessHandle child = this.server;
		return child == null || ProcessTree.isRunning(child);
	}

	long residentBytes() {
		Process current = this.process;
		return (current != null) ? ProcessTree.residentBytes(current.toHandle()) : -1;
	}

	/** Stops the process tree: SIGTERM, then SIGKILL after the grace period. */
	synchronized void stop() {
		end(true);
	}

	/** Kills the process tree at once (SIGKILL), as a crash would. */
	synchronized void kill() {
		end(false);
	}

	private void end(boolean graceful) {
		Process current = this.process;
		if (current == null) {
			return;
		}
		if (graceful) {
			ProcessTree.stop(current.toHandle(), this.stopGrace);
		}
		killTree();
		this.lifeline.release();
		this.process = null;
		awaitPortReleased();
	}

	/** The kernel closes the listening socket of a process just after it exits; wait for that. */
	private void awaitPortReleased() {
		long deadline = System.nanoTime() + PORT_RELEASE_TIMEOUT.toNanos();
		while (true) {
			try {
				Ports.requireFree(this.port, this.name);
				return;
			}
			catch (MilvusLocalException ex) {
				if (System.nanoTime() > deadline) {
					this.progress.accept("Port " + this.port + " is still taken after " + this.name + " ended");
					return;
				}
				sleep(20);
			}
		}
	}

	/** Kills what is left of the process tree, and the server below a wrapper. */
	private void killTree() {
		Process current = this.process;
		if (current != null) {
			ProcessTree.killForcibly(current.toHandle());
		}
		ProcessHandle child = this.server;
		if (child != null && ProcessTree.isRunning(child)) {
			ProcessTree.killForcibly(child);
		}
	}

	/** Freezes (SIGSTOP) or thaws (SIGCONT) the process tree. */
	void signal(String signal) {
		Process current = this.process;
		if (current == null || !ProcessTree.isRunning(current.toHandle())) {
			throw new MilvusLocalException(MilvusLocalException.Reason.NOT_RUNNING,
					"Cannot send SIG" + signal + ": " + this.name + " is not running");
		}
		ProcessTree.signal(current.toHandle(), signal);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MilvusLocalException(MilvusLocalException.Reason.TIMEOUT,
					"Interrupted while waiting for the server", ex);
		}
	}

}
