package dev.milvusboot.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Reads the last lines of a (possibly large, still growing) log file, and keeps the last lines of a stream. */
final class LogTail {

	private static final int MAX_BYTES = 256 * 1024;

	private final int capacity;

	private final Deque<String> lines;

	LogTail(int capacity) {
		this.capacity = capacity;
		this.lines = new ArrayDeque<>(capacity);
	}

	synchronized void add(String line) {
		if (this.lines.size() == this.capacity) {
			this.lines.removeFirst();
		}
		this.lines.addLast(line);
	}

	synchronized String text() {
		return String.join(System.lineSeparator(), this.lines);
	}

	/**
	 * The last lines of a file.
	 * @param file the file
	 * @param count how many lines at most
	 * @return the lines, empty when the file does not exist or cannot be read
	 */
	static List<String> lastLines(Path file, int count) {
		if (file == null || !Files.isRegularFile(file)) {
			return List.of();
		}
		try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
			long length = in.length();
			long start = Math.max(0, length - MAX_BYTES);
			byte[] bytes = new byte[(int) (length - start)];
			in.seek(start);
			in.readFully(bytes);
			String[] all = new String(bytes, StandardCharsets.UTF_8).split("\\R");
			List<String> result = new ArrayList<>();
			for (int i = Math.max(0, all.length - count); i < all.length; i++) {
				result.add(all[i]);
			}
			return result;
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	/**
	 * The last lines of a file as a message block.
	 * @param file the file
	 * @param count how many lines at most
	 * @return a text that names the file and holds its last lines
	 */
	static String describe(Path file, int count) {
		List<String> last = lastLines(file, count);
		if (last.isEmpty()) {
			return System.lineSeparator() + "(" + file + " is empty or missing)";
		}
		return System.lineSeparator() + "--- last " + last.size() + " lines of " + file + " ---"
				+ System.lineSeparator() + String.join(System.lineSeparator(), last);
	}

}
