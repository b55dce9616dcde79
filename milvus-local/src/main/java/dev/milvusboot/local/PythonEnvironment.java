package dev.milvusboot.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A Python virtual environment with pinned packages, made once in a cache directory and reused. Creation is
 * guarded by a file lock, so several JVMs never build the same environment at once, and marked complete only
 * after pip succeeded, so a half-made environment is rebuilt.
 */
public final class PythonEnvironment {

	/** The oldest Python the Milvus packages support. */
	public static final int MIN_PYTHON_MINOR = 10;

	private static final String MARKER = ".milvus-boot-complete";

	private final Path directory;

	private PythonEnvironment(Path directory) {
		this.directory = directory;
	}

	/** The cache directory: {@code milvus.boot.cache}, {@code MILVUS_BOOT_CACHE}, or {@code ~/.cache/milvus-boot}. */
	public static Path defaultCacheDirectory() {
		String configured = System.getProperty("milvus.boot.cache", System.getenv("MILVUS_BOOT_CACHE"));
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		return Path.of(System.getProperty("user.home"), ".cache", "milvus-boot");
	}

	/**
	 * Makes sure an environment with these requirements exists, creating it if needed.
	 * @param cacheDirectory where environments are kept
	 * @param name a name for the environment (its requirements are part of its folder name)
	 * @param python the Python executable
	 * @param requirements pip requirements, e.g. {@code milvus-lite==3.2.2}
	 * @param timeout how long creating it may take
	 * @param progress told of each step
	 * @return the environment
	 */
	public static PythonEnvironment ensure(Path cacheDirectory, String name, String python, List<String> requirements,
			Duration timeout, Consumer<String> progress) {
		String key = name + "-" + Integer.toHexString(String.join(" ", requirements).hashCode());
		Path directory = cacheDirectory.resolve("venvs").resolve(key);
		PythonEnvironment environment = new PythonEnvironment(directory);
		if (Files.exists(directory.resolve(MARKER))) {
			return environment;
		}
		try {
			Files.createDirectories(cacheDirectory.resolve("venvs"));
			Path lockFile = cacheDirectory.resolve("venvs").resolve(key + ".lock");
			try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
					FileLock lock = channel.lock()) {
				if (Files.exists(directory.resolve(MARKER))) {
					return environment;
				}
				environment.create(python, requirements, timeout, progress);
				Files.writeString(directory.resolve(MARKER), String.join("\n", requirements) + "\n");
				return environment;
			}
		}
		catch (IOException ex) {
			throw new MilvusLocalException("Cannot prepare the Python environment in " + directory + ": " + ex, ex);
		}
	}

	private void create(String python, List<String> requirements, Duration timeout, Consumer<String> progress)
			throws IOException {
		long start = System.nanoTime();
		checkPython(python);
		deleteRecursively(this.directory);
		progress.accept("Creating a Python virtual environment in " + this.directory);
		run(List.of(python, "-m", "venv", this.directory.toString()), timeout, progress, "python3 -m venv",
				"Is the venv module installed? On Debian or Ubuntu: apt-get install python3-venv");
		List<String> pip = new ArrayList<>(List.of(executable("pip").toString(), "install", "--disable-pip-version-check",
				"--no-input", "--progress-bar", "off"));
		pip.addAll(requirements);
		progress.accept("Installing " + String.join(", ", requirements) + " (first use only; takes a minute)");
		run(pip, timeout, progress, "pip install", "Check the network access to PyPI");
		progress.accept(String.format("Python environment ready in %.1f s", (System.nanoTime() - start) / 1e9));
	}

	private static void checkPython(String python) {
		List<String> output = new ArrayList<>();
		int exit;
		try {
			Process process = new ProcessBuilder(python, "-c",
					"import sys; print('%d.%d' % sys.version_info[:2])").redirectErrorStream(true).start();
			collect(process.getInputStream(), output, null);
			exit = process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
		}
		catch (IOException ex) {
			throw new MilvusLocalException("Cannot run '" + python
					+ "': Python 3.10 or later is needed to run Milvus locally; install python3 (" + ex.getMessage() + ")",
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MilvusLocalException("Interrupted while checking " + python, ex);
		}
		String version = output.isEmpty() ? "" : output.get(output.size() - 1).trim();
		String[] parts = version.split("\\.");
		if (exit != 0 || parts.length != 2 || Integer.parseInt(parts[0]) != 3
				|| Integer.parseInt(parts[1]) < MIN_PYTHON_MINOR) {
			throw new MilvusLocalException("'" + python + "' is Python " + version
					+ ", but Milvus needs Python 3.10 or later; set the python executable to a newer one");
		}
	}

	private static void run(List<String> command, Duration timeout, Consumer<String> progress, String what,
			String hint) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		Deque<String> tail = new ArrayDeque<>();
		Thread reader = new Thread(() -> collect(process.getInputStream(), null, tail), "milvus-local-" + what);
		reader.setDaemon(true);
		reader.start();
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new MilvusLocalException(what + " did not finish within " + timeout + ". " + hint);
			}
			reader.join(5000);
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new MilvusLocalException("Interrupted during " + what, ex);
		}
		if (process.exitValue() != 0) {
			String output;
			synchronized (tail) {
				output = String.join("\n", tail);
			}
			throw new MilvusLocalException(what + " failed with exit code " + process.exitValue() + ". " + hint
					+ ". Its last output:\n" + output);
		}
	}

	static void collect(InputStream in, List<String> all, Deque<String> tail) {
		try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (all != null) {
					all.add(line);
				}
				if (tail != null) {
					synchronized (tail) {
						tail.addLast(line);
						if (tail.size() > 30) {
							tail.removeFirst();
						}
					}
				}
			}
		}
		catch (IOException ex) {
			// the process ended
		}
	}

	static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (var paths = Files.walk(path)) {
			for (Path each : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(each);
			}
		}
	}

	/** The environment's folder. */
	public Path directory() {
		return this.directory;
	}

	/**
	 * An executable of the environment.
	 * @param name e.g. {@code python}, {@code pip} or {@code milvus-lite}
	 * @return its path
	 */
	public Path executable(String name) {
		return this.directory.resolve("bin").resolve(name);
	}

	/** The environment's Python. */
	public Path python() {
		return executable("python");
	}

}
