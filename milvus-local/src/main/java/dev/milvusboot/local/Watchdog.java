package dev.milvusboot.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes a server die with the JVM that started it, however the JVM ends (SIGKILL included): the server runs below
 * a small {@code /bin/sh} script ({@value #SCRIPT}, written into the cache directory) that waits for end-of-file on
 * its standard input, a pipe whose write end only the JVM holds, and then ends the server's whole process tree
 * (SIGTERM, SIGKILL after the grace period). Works wherever {@code /bin/sh}, {@code awk} and {@code ps} (or
 * {@code /proc}) exist: Linux and macOS.
 */
final class Watchdog {

	/** The script's file name; it also marks our servers' command lines. */
	static final String SCRIPT = "milvus-local-watchdog.sh";

	private static final String SHELL = "/bin/sh";

	private static final String ENV = "/usr/bin/env";

	private Watchdog() {
	}

	/**
	 * The command that runs {@code command} below the watchdog.
	 * @param cacheDirectory where the script is kept
	 * @param grace how long the server may take to end after SIGTERM
	 * @param environment variables for the server only (set with {@code env}, which then runs the server in its
	 * place)
	 * @param command the server's command
	 * @return the wrapped command
	 */
	static List<String> wrap(Path cacheDirectory, Duration grace, Map<String, String> environment,
			List<String> command) {
		List<String> wrapped = new ArrayList<>();
		wrapped.add(SHELL);
		wrapped.add(script(cacheDirectory).toString());
		wrapped.add(Long.toString(Math.max(1, grace.toSeconds())));
		if (!environment.isEmpty()) {
			wrapped.add(ENV);
			new TreeMap<>(environment).forEach((name, value) -> wrapped.add(name + "=" + value));
		}
		wrapped.addAll(command);
		return wrapped;
	}

	/**
	 * Whether a command line is a server below our watchdog.
	 * @param arguments the arguments of a process (without the executable)
	 * @return whether the first is our script
	 */
	static boolean isWatchdog(List<String> arguments) {
		return !arguments.isEmpty() && arguments.get(0).endsWith("/" + SCRIPT);
	}

	/** Writes the script into {@code <cache>/bin} unless it is there with the same content. */
	static synchronized Path script(Path cacheDirectory) {
		Path script = cacheDirectory.resolve("bin").resolve(SCRIPT);
		try {
			byte[] content;
			try (InputStream in = Watchdog.class.getResourceAsStream(SCRIPT)) {
				if (in == null) {
					throw new IOException("resource " + SCRIPT + " is missing from the milvus-local jar");
				}
				content = in.readAllBytes();
			}
			if (Files.isRegularFile(script) && new String(Files.readAllBytes(script), StandardCharsets.UTF_8)
				.equals(new String(content, StandardCharsets.UTF_8))) {
				return script;
			}
			Files.createDirectories(script.getParent());
			Path temporary = Files.createTempFile(script.getParent(), SCRIPT, ".part");
			Files.write(temporary, content);
			try {
				Files.move(temporary, script, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, script, StandardCopyOption.REPLACE_EXISTING);
			}
			return script;
		}
		catch (IOException ex) {
			throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR,
					"Cannot write the server watchdog script " + script + ": " + ex, ex);
		}
	}

}
