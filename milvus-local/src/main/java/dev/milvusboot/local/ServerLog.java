package dev.milvusboot.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The log a {@link ServerProcess} appends its output to, and the other logs the server writes itself; for error
 * messages, the last lines the current run wrote.
 */
final class ServerLog {

	/** How many log lines an error message holds. */
	static final int ERROR_LOG_LINES = 40;

	private static final int MAX_RUN_BYTES = 256 * 1024;

	private final Path file;

	private final List<Path> otherLogs;

	private volatile long runStart;

	ServerLog(Path file, List<Path> otherLogs) {
		this.file = file;
		this.otherLogs = List.copyOf(otherLogs);
	}

	Path file() {
		return this.file;
	}

	/**
	 * Makes the log's directory and marks where this run's lines begin.
	 * @throws IOException if the directory cannot be made or the log not read
	 */
	void beginRun() throws IOException {
		Files.createDirectories(this.file.toAbsolutePath().getParent());
		this.runStart = Files.exists(this.file) ? Files.size(this.file) : 0;
	}

	/**
	 * The last lines of this run's log and of the other logs, as a message block.
	 * @return the text, starting with a line break
	 */
	String tail() {
		StringBuilder text = new StringBuilder();
		text.append(System.lineSeparator())
			.append("--- last lines of ")
			.append(this.file)
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

	/**
	 * The last lines this run wrote to the log (of the whole log when this run wrote much).
	 * @param count how many
	 * @return the lines
	 */
	String lastLines(int count) {
		try {
			long size = Files.size(this.file);
			List<String> lines = LogTail.lastLines(this.file, count);
			if (size - this.runStart < MAX_RUN_BYTES) {
				byte[] log = Files.readAllBytes(this.file);
				int from = (int) Math.min(this.runStart, log.length);
				lines = new String(log, from, log.length - from, StandardCharsets.UTF_8).lines().toList();
				lines = lines.subList(Math.max(0, lines.size() - count), lines.size());
			}
			return String.join(System.lineSeparator(), lines);
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

}
