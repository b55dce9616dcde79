package dev.milvusboot.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** Settings of a {@link ServerProcess}: what it runs, where it logs, when it is ready, how it is stopped. */
final class ServerProcessBuilder {

	final String name;

	final List<String> command;

	Map<String, String> environment = Map.of();

	Path logFile;

	Path workingDirectory;

	final List<Path> otherLogs = new ArrayList<>();

	int port;

	Duration startupTimeout = Duration.ofSeconds(120);

	Duration stopGrace = Duration.ofSeconds(10);

	Consumer<String> progress = (line) -> {
	};

	Function<ServerProcess, String> readiness;

	String serverExecutable;

	Path watchdogDirectory;

	ServerProcessBuilder(String name, List<String> command) {
		this.name = name;
		this.command = command;
	}

	ServerProcessBuilder environment(Map<String, String> environment) {
		this.environment = environment;
		return this;
	}

	ServerProcessBuilder logFile(Path logFile) {
		this.logFile = logFile;
		return this;
	}

	ServerProcessBuilder workingDirectory(Path workingDirectory) {
		this.workingDirectory = workingDirectory;
		return this;
	}

	ServerProcessBuilder otherLog(Path log) {
		this.otherLogs.add(log);
		return this;
	}

	ServerProcessBuilder port(int port) {
		this.port = port;
		return this;
	}

	ServerProcessBuilder startupTimeout(Duration startupTimeout) {
		this.startupTimeout = startupTimeout;
		return this;
	}

	ServerProcessBuilder stopGrace(Duration stopGrace) {
		this.stopGrace = stopGrace;
		return this;
	}

	ServerProcessBuilder progress(Consumer<String> progress) {
		this.progress = progress;
		return this;
	}

	/** Gives the server's version once it is ready, {@code null} before. */
	ServerProcessBuilder readiness(Function<ServerProcess, String> readiness) {
		this.readiness = readiness;
		return this;
	}

	/** The file name of the real server executable started by a wrapper process. */
	ServerProcessBuilder serverExecutable(String serverExecutable) {
		this.serverExecutable = serverExecutable;
		return this;
	}

	/**
	 * Runs the server below the {@link Watchdog}, whose script is kept in this directory, so that it dies with
	 * this JVM.
	 */
	ServerProcessBuilder watchdog(Path cacheDirectory) {
		this.watchdogDirectory = cacheDirectory;
		return this;
	}

	ServerProcess build() {
		if (this.readiness == null) {
			int probePort = this.port;
			this.readiness = (process) -> Readiness.plain(ServerProcess.HOST, probePort);
		}
		return new ServerProcess(this);
	}

}
