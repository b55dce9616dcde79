package dev.milvusboot.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs short-lived commands (python probes, venv, pip) with a time limit, streaming their output lines. */
final class Commands {

	private Commands() {
	}

	/** The outcome of a command. */
	static final class Result {

		final int exitCode;

		final String tail;

		Result(int exitCode, String tail) {
			this.exitCode = exitCode;
			this.tail = tail;
		}

	}

	/**
	 * Runs a command with stderr merged into stdout.
	 * @param command the command line
	 * @param environment extra environment variables
	 * @param directory the working directory, or {@code null}
	 * @param timeout the time limit
	 * @param tailLines how many of the last output lines to keep
	 * @param lines receives each output line
	 * @return the exit code and the last lines
	 * @throws IOException if the command cannot be started (e.g. the executable does not exist)
	 * @throws MilvusLocalException with {@link MilvusLocalException.Reason#TIMEOUT} if it runs too long (it is
	 * killed, with its children)
	 */
	static Result run(List<String> command, Map<String, String> environment, Path directory, Duration timeout,
			int tailLines, Consumer<String> lines) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		if (directory != null) {
			builder.directory(directory.toFile());
		}
		Process process = builder.start();
		process.getOutputStream().close();
		LogTail tail = new LogTail(tailLines);
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = in.readLine()) != null) {
					tail.add(line);
					lines.accept(line);
				}
			}
			catch (IOException ex) {
				// the process was killed
			}
		}, "milvus-local-output-" + process.pid());
		reader.setDaemon(true);
		reader.start();
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				ProcessTree.killForcibly(process.toHandle());
				throw new MilvusLocalException(MilvusLocalException.Reason.TIMEOUT,
						"'" + String.join(" ", command) + "' did not finish within " + timeout.toSeconds()
								+ " s; it was killed. Last output:" + System.lineSeparator() + tail.text());
			}
			reader.join(TimeUnit.SECONDS.toMillis(5));
			return new Result(process.exitValue(), tail.text());
		}
		catch (InterruptedException ex) {
			ProcessTree.killForcibly(process.toHandle());
			Thread.currentThread().interrupt();
			throw new MilvusLocalException(MilvusLocalException.Reason.TIMEOUT,
					"Interrupted while running '" + String.join(" ", command) + "'; it was killed", ex);
		}
	}

}
