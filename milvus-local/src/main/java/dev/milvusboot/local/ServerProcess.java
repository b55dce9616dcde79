package dev.milvusboot.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One server process on 127.0.0.1: started with its output appended to a log file, awaited until a readiness
 * probe answers, and stopped with its whole process tree (also at JVM shutdown). With a cache directory set, it
 * runs below the {@link Watchdog}, which ends it when this JVM dies in any way: the JVM keeps the write end of the
 * process' standard input open until the server is stopped. Paused and resumed with SIGSTOP and SIGCONT, or killed
 * with SIGKILL, for fault tests.
 */
final class ServerProcess {

	static final String HOST = Ports.HOST;

	/** How many log lines an error message holds. */
	static final int ERROR_LOG_LINES = 40;

	/** How long a stopping server may take before it is killed. */
	static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);

	private static final Pattern PORT_TAKEN = Pattern
		.compile("(?i)address already in use|failed to bind|bind: address|EADDRINUSE");

	private static final long POLL_MILLIS = 200;

	private static final Duration PORT_RELEASE_TIMEOUT = Duration.ofSeconds(5);

	private final String name;

	private final List<String> command;

	private final Map<String, String> environment;

	private final Path logFile;

	private final Path workingDirectory;

	private final List<Path> otherLogs;

	private final int port;

	private final Duration startupTimeout;

	private final Duration stopGrace;

	private final Consumer<String> progress;

	private final Function<ServerProcess, String> readiness;

	private final String serverExecutable;

	private final Path watchdogDirectory;

	private volatile Process process;

	/** The write end of the watchdog's pipe: closing it (or this JVM dying) ends the server. */
	private volatile OutputStream lifeline;

	/** The descendant that is the actual server when the root is a wrapper (e.g. {@code milvus} below Python). */
	private volatile ProcessHandle server;

	private volatile String version;

	private volatile long logStart;

	private final Thread shutdownHook = new Thread(this::killQuietly, "milvus-local-shutdown");

	private ServerProcess(Builder builder) {
		this.name = builder.name;
		this.command = List.copyOf(builder.command);
		this.environment = Map.copyOf(builder.environment);
		this.logFile = builder.logFile;
		this.workingDirectory = builder.workingDirectory;
		this.otherLogs = List.copyOf(builder.otherLogs);
		this.port = builder.port;
		this.startupTimeout = builder.startupTimeout;
		this.stopGrace = builder.stopGrace;
		this.progress = builder.progress;
		this.readiness = builder.readiness;
		this.serverExecutable = builder.serverExecutable;
		this.watchdogDirectory = builder.watchdogDirectory;
	}

	static Builder builder(String name, List<String> command) {
		return new Builder(name, command);
	}

	/** Starts the process and waits until it is ready. */
	synchronized void start() {
		if (this.process != null && ProcessTree.isRunning(this.process.toHandle())) {
			return;
		}
		Ports.requireFree(this.port, this.name);
		long start = System.nanoTime();
		try {
			Files.createDirectories(this.logFile.toAbsolutePath().getParent());
			this.logStart = Files.exists(this.logFile) ? Files.size(this.logFile) : 0;
			// Below the watchdog, the server's environment (e.g. a LD_LIBRARY_PATH with the server's own libc
			// libraries) is set by env(1) for the server alone, not for the watchdog's ps, awk and kill.
			List<String> command = (this.watchdogDirectory != null)
					? Watchdog.wrap(this.watchdogDirectory, this.stopGrace, this.environment, this.command)
					: this.command;
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()));
			if (this.workingDirectory != null) {
				builder.directory(this.workingDirectory.toFile());
			}
			if (this.watchdogDirectory == null) {
				builder.environment().putAll(this.environment);
			}
			this.server = null;
			this.process = builder.start();
			if (this.watchdogDirectory != null) {
				this.lifeline = this.process.getOutputStream();
			}
			else {
				this.process.getOutputStream().close();
			}
		}
		catch (IOException ex) {
			throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR,
					"Cannot start " + this.name + " (" + String.join(" ", this.command) + "): " + ex, ex);
		}
		try {
			Runtime.getRuntime().addShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			// shutting down already, or registered by an earlier start
		}
		this.progress.accept("Started " + this.name + " (pid " + this.process.pid() + ", log " + this.logFile + ")");
		long deadline = System.nanoTime() + this.startupTimeout.toNanos();
		while (System.nanoTime() < deadline) {
			checkAlive();
			String answer = this.readiness.apply(this);
			if (answer != null) {
				this.version = answer;
				this.progress.accept(String.format(Locale.ROOT, "%s%s is ready on %s:%d (started in %.1f s, log %s)",
						this.name, this.name.endsWith(" " + answer) ? "" : " " + answer, HOST, this.port,
						(System.nanoTime() - start) / 1e9, this.logFile));
				return;
			}
			sleep(POLL_MILLIS);
		}
		String logs = logs();
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
		String logs = logs();
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

	/** The last lines of this run's log and of the other logs, for error messages. */
	String logs() {
		StringBuilder text = new StringBuilder();
		text.append(System.lineSeparator())
			.append("--- last lines of ")
			.append(this.logFile)
			.append(" ---")
			.append(System.lineSeparator())
			.append(lastLines(ERROR_LOG_LINES));
		for (Path other : this.otherLogs) {
			if (Files.exists(other)) {
				text.append(LogTail.describe(other, ERROR_LOG_LINES));
			}
		}
		return text.toString();
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
		Process current = this.process;
		if (current == null) {
			return;
		}
		ProcessTree.stop(current.toHandle(), this.stopGrace);
		killServerChild();
		closeLifeline();
		this.process = null;
		removeShutdownHook();
		awaitPortReleased();
	}

	/** Kills the process tree at once (SIGKILL), as a crash would. */
	synchronized void kill() {
		Process current = this.process;
		if (current == null) {
			return;
		}
		ProcessTree.killForcibly(current.toHandle());
		killServerChild();
		closeLifeline();
		this.process = null;
		removeShutdownHook();
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

	/** Closes the watchdog's pipe: a watchdog still running ends what is left of the server's tree. */
	private void closeLifeline() {
		OutputStream current = this.lifeline;
		this.lifeline = null;
		if (current != null) {
			try {
				current.close();
			}
			catch (IOException ex) {
				// the watchdog is gone already
			}
		}
	}

	private void killServerChild() {
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

	private void removeShutdownHook() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down
		}
	}

	private void killQuietly() {
		try {
			Process current = this.process;
			if (current != null) {
				ProcessTree.killForcibly(current.toHandle());
				killServerChild();
			}
		}
		catch (RuntimeException ex) {
			// best effort at JVM shutdown
		}
	}

	/**
	 * The last lines this run wrote to the log.
	 * @param count how many
	 * @return the lines
	 */
	String lastLines(int count) {
		try {
			long size = Files.size(this.logFile);
			List<String> lines = LogTail.lastLines(this.logFile, count);
			if (size - this.logStart < 256 * 1024) {
				byte[] log = Files.readAllBytes(this.logFile);
				int from = (int) Math.min(this.logStart, log.length);
				lines = new String(log, from, log.length - from, java.nio.charset.StandardCharsets.UTF_8).lines()
					.toList();
				lines = lines.subList(Math.max(0, lines.size() - count), lines.size());
			}
			return String.join(System.lineSeparator(), lines);
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
			throw new MilvusLocalException(MilvusLocalException.Reason.TIMEOUT,
					"Interrupted while waiting for the server", ex);
		}
	}

	/** Settings of a {@link ServerProcess}. */
	static final class Builder {

		private final String name;

		private final List<String> command;

		private Map<String, String> environment = Map.of();

		private Path logFile;

		private Path workingDirectory;

		private final List<Path> otherLogs = new ArrayList<>();

		private int port;

		private Duration startupTimeout = Duration.ofSeconds(120);

		private Duration stopGrace = DEFAULT_STOP_GRACE;

		private Consumer<String> progress = (line) -> {
		};

		private Function<ServerProcess, String> readiness;

		private String serverExecutable;

		private Path watchdogDirectory;

		private Builder(String name, List<String> command) {
			this.name = name;
			this.command = command;
		}

		Builder environment(Map<String, String> environment) {
			this.environment = environment;
			return this;
		}

		Builder logFile(Path logFile) {
			this.logFile = logFile;
			return this;
		}

		Builder workingDirectory(Path workingDirectory) {
			this.workingDirectory = workingDirectory;
			return this;
		}

		Builder otherLog(Path log) {
			this.otherLogs.add(log);
			return this;
		}

		Builder port(int port) {
			this.port = port;
			return this;
		}

		Builder startupTimeout(Duration startupTimeout) {
			this.startupTimeout = startupTimeout;
			return this;
		}

		Builder stopGrace(Duration stopGrace) {
			this.stopGrace = stopGrace;
			return this;
		}

		Builder progress(Consumer<String> progress) {
			this.progress = progress;
			return this;
		}

		/** Gives the server's version once it is ready, {@code null} before. */
		Builder readiness(Function<ServerProcess, String> readiness) {
			this.readiness = readiness;
			return this;
		}

		/** The file name of the real server executable started by a wrapper process. */
		Builder serverExecutable(String serverExecutable) {
			this.serverExecutable = serverExecutable;
			return this;
		}

		/**
		 * Runs the server below the {@link Watchdog}, whose script is kept in this directory, so that it dies with
		 * this JVM.
		 */
		Builder watchdog(Path cacheDirectory) {
			this.watchdogDirectory = cacheDirectory;
			return this;
		}

		ServerProcess build() {
			if (this.readiness == null) {
				int probePort = this.port;
				this.readiness = (process) -> Readiness.plain(HOST, probePort);
			}
			return new ServerProcess(this);
		}

	}

}
