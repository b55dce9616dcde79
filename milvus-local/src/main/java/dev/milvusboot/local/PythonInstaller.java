package dev.milvusboot.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes sure a virtual environment with given {@link PythonRequirements} exists below the
 * {@linkplain CacheDirectory cache directory} ({@code <cache>/venvs/<name-and-versions>}), creating it with
 * {@code python -m venv} and {@code pip install} when needed. A marker file is written only after a complete
 * install, so a half-made environment is rebuilt; a lock file keeps two threads or JVMs from building the same
 * environment at once.
 *
 * <pre>{@code
 * PythonEnvironment env = PythonInstaller.builder().build().install(PythonRequirements.milvusLite("3.2.2"));
 * }</pre>
 */
public final class PythonInstaller {

	/** The Python executable used by default (looked up on {@code PATH}). */
	public static final String DEFAULT_PYTHON = "python3";

	/** How long an install (venv, pip, post-install, waiting for another installer) may take by default. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(20);

	/** The name of the file written into a complete environment. */
	public static final String MARKER_FILE = ".milvus-boot-complete";

	/** How many lines of pip's output a failure message holds. */
	public static final int PIP_TAIL_LINES = 30;

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);

	private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)\\S*");

	/** What pip says when it cannot reach the package index (connection, DNS, proxy, TLS). */
	private static final Pattern INDEX_UNREACHABLE = Pattern.compile("(?i)NewConnectionError|Failed to establish a "
			+ "new connection|Temporary failure in name resolution|Name or service not known|nodename nor servname|"
			+ "ProxyError|Max retries exceeded|Connection refused|Network is unreachable|SSLError|ReadTimeoutError|"
			+ "ConnectTimeoutError");

	private static final String PROBE_SCRIPT = "import sys\n" + "print('%d.%d.%d' % sys.version_info[:3])\n"
			+ "try:\n" + "    import venv, ensurepip\n" + "    print('venv-ok')\n" + "except ImportError as e:\n"
			+ "    print('venv-missing: ' + str(e))\n";

	private final Path cacheDirectory;

	private final String python;

	private final Duration timeout;

	private final Consumer<String> progress;

	private final String indexUrl;

	private PythonInstaller(Builder builder) {
		this.cacheDirectory = CacheDirectory.resolve(builder.cacheDirectory);
		this.python = builder.python;
		this.timeout = builder.timeout;
		this.progress = Progress.orDefault(builder.progress);
		this.indexUrl = builder.indexUrl;
	}

	/**
	 * Starts a builder with the defaults.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The cache directory in use.
	 * @return the absolute directory
	 */
	public Path cacheDirectory() {
		return this.cacheDirectory;
	}

	/**
	 * The Python executable used to create environments.
	 * @return a command name or path
	 */
	public String python() {
		return this.python;
	}

	/**
	 * Returns the environment for {@code requirements}, building it first if it does not exist or is incomplete.
	 * @param requirements what to install
	 * @return the complete environment
	 * @throws MilvusLocalException if Python is missing or too old, lacks venv/ensurepip, pip fails or the time
	 * runs out
	 */
	public PythonEnvironment install(PythonRequirements requirements) {
		Objects.requireNonNull(requirements, "requirements");
		long started = System.nanoTime();
		String version = probePython(requirements);
		String majorMinor = version.substring(0, version.lastIndexOf('.'));
		Path venvs = this.cacheDirectory.resolve("venvs");
		Path directory = venvs.resolve(requirements.directoryName(majorMinor));
		String marker = markerText(requirements, version);
		if (isComplete(directory, marker)) {
			return new PythonEnvironment(directory, requirements, version);
		}
		Duration remaining = this.timeout.minusNanos(System.nanoTime() - started);
		try (FileLocks.Held lock = FileLocks.acquire(venvs.resolve(directory.getFileName() + ".lock"), remaining,
				"installing " + requirements + " into " + directory, this.progress)) {
			if (isComplete(directory, marker)) {
				this.progress.accept("Python environment " + directory + " was completed by another process");
				return new PythonEnvironment(directory, requirements, version);
			}
			build(requirements, directory, marker, started);
			this.progress.accept("Python environment " + directory + " is ready (" + requirements + ", took "
					+ Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0 + " s)");
			return new PythonEnvironment(directory, requirements, version);
		}
	}

	private void build(PythonRequirements requirements, Path directory, String marker, long started) {
		if (Files.exists(directory)) {
			this.progress.accept("Removing incomplete Python environment " + directory);
			deleteRecursively(directory);
		}
		this.progress.accept("Creating Python environment " + directory + " with " + this.python);
		Commands.Result venv = run(List.of(this.python, "-m", "venv", directory.toString()), started,
				this.progress);
		if (venv.exitCode != 0) {
			deleteRecursively(directory);
			if (venv.tail.contains("ensurepip") || venv.tail.contains("venv")) {
				throw new MilvusLocalException(MilvusLocalException.Reason.VENV_UNAVAILABLE, "'" + this.python
						+ " -m venv " + directory + "' failed (exit " + venv.exitCode + "): the venv/ensurepip "
						+ "module is missing; install python3-venv (Debian/Ubuntu: apt-get install python3-venv). "
						+ "Output:" + System.lineSeparator() + venv.tail);
			}
			throw new MilvusLocalException(MilvusLocalException.Reason.PIP_FAILED, "'" + this.python + " -m venv "
					+ directory + "' failed (exit " + venv.exitCode + "):" + System.lineSeparator() + venv.tail);
		}
		Path venvPython = new PythonEnvironment(directory, requirements, "").python();
		if (!Files.isExecutable(venvPython)) {
			throw new MilvusLocalException(MilvusLocalException.Reason.VENV_UNAVAILABLE, "'" + this.python + " -m venv "
					+ directory + "' made no " + venvPython + "; install python3-venv (Debian/Ubuntu: apt-get install "
					+ "python3-venv)");
		}
		// --no-compile: byte-compiling every module of pyarrow, numpy and pandas took most of pip's time; Python
		// compiles what the server imports when it first starts
		List<String> pip = new ArrayList<>(List.of(venvPython.toString(), "-m", "pip", "install",
				"--disable-pip-version-check", "--no-input", "--progress-bar", "off", "--no-compile"));
		if (this.indexUrl != null) {
			pip.addAll(List.of("--index-url", this.indexUrl));
		}
		pip.addAll(requirements.requirements());
		this.progress.accept("Installing " + String.join(" ", requirements.requirements()) + " with pip (once)");
		PipProgress pipProgress = new PipProgress(this.progress, System::nanoTime);
		Commands.Result installed = run(pip, started, pipProgress);
		if (installed.exitCode != 0 && INDEX_UNREACHABLE.matcher(installed.tail).find()) {
			throw new MilvusLocalException(MilvusLocalException.Reason.PYPI_UNREACHABLE,
					"pip install " + String.join(" ", requirements.requirements()) + " into " + directory
							+ " could not reach the package index (exit " + installed.exitCode + "). Check the "
							+ "network or proxy (pip reads HTTPS_PROXY and PIP_INDEX_URL); last lines of its output:"
							+ System.lineSeparator() + installed.tail);
		}
		if (installed.exitCode != 0) {
			throw new MilvusLocalException(MilvusLocalException.Reason.PIP_FAILED,
					"pip install " + String.join(" ", requirements.requirements()) + " into " + directory
							+ " failed (exit " + installed.exitCode + "); last lines of its output:"
							+ System.lineSeparator() + installed.tail);
		}
		pipProgress.finished();
		if (requirements.postInstallScript() != null) {
			this.progress.accept("Running the post-install step of " + requirements.name());
			Commands.Result post = run(List.of(venvPython.toString(), "-c", requirements.postInstallScript()),
					started, this.progress);
			if (post.exitCode != 0) {
				throw new MilvusLocalException(MilvusLocalException.Reason.PIP_FAILED,
						"The post-install step of " + requirements.name() + " in " + directory + " failed (exit "
								+ post.exitCode + "):" + System.lineSeparator() + post.tail);
			}
		}
		try {
			Files.writeString(directory.resolve(MARKER_FILE), marker, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR,
					"Cannot write " + directory.resolve(MARKER_FILE) + ": " + ex, ex);
		}
	}

	private String probePython(PythonRequirements requirements) {
		Commands.Result probe;
		try {
			probe = Commands.run(List.of(this.python, "-c", PROBE_SCRIPT), Map.of(), null, PROBE_TIMEOUT, 20,
					line -> {
					});
		}
		catch (IOException ex) {
			throw new MilvusLocalException(MilvusLocalException.Reason.PYTHON_NOT_FOUND,
					"Python executable '" + this.python + "' cannot be run (" + ex.getMessage() + "); install "
							+ "Python " + requirements.minimumPythonMajor() + "." + requirements.minimumPythonMinor()
							+ "+ or configure another executable (PATH=" + System.getenv("PATH") + ")",
					ex);
		}
		String[] lines = probe.tail.split("\\R");
		Matcher version = VERSION.matcher(lines.length > 0 ? lines[0].trim() : "");
		if (probe.exitCode != 0 || !version.matches()) {
			throw new MilvusLocalException(MilvusLocalException.Reason.PYTHON_NOT_FOUND, "'" + this.python
					+ "' is not a working Python interpreter (exit " + probe.exitCode + "):"
					+ System.lineSeparator() + probe.tail);
		}
		int major = Integer.parseInt(version.group(1));
		int minor = Integer.parseInt(version.group(2));
		if (major < requirements.minimumPythonMajor()
				|| (major == requirements.minimumPythonMajor() && minor < requirements.minimumPythonMinor())) {
			throw new MilvusLocalException(MilvusLocalException.Reason.PYTHON_TOO_OLD,
					"Python '" + this.python + "' is " + lines[0].trim() + ", but " + requirements.name()
							+ " needs Python " + requirements.minimumPythonMajor() + "."
							+ requirements.minimumPythonMinor() + " or newer");
		}
		if (!probe.tail.contains("venv-ok")) {
			throw new MilvusLocalException(MilvusLocalException.Reason.VENV_UNAVAILABLE,
					"Python '" + this.python + "' (" + lines[0].trim() + ") lacks the venv/ensurepip module ("
							+ probe.tail.replaceAll("(?s).*venv-missing: ", "").trim()
							+ "); install python3-venv (Debian/Ubuntu: apt-get install python3-venv)");
		}
		return version.group(1) + "." + version.group(2) + "." + version.group(3);
	}

	private Commands.Result run(List<String> command, long started, Consumer<String> lines) {
		Duration remaining = this.timeout.minusNanos(System.nanoTime() - started);
		if (remaining.isNegative() || remaining.isZero()) {
			throw new MilvusLocalException(MilvusLocalException.Reason.TIMEOUT,
					"Installing took longer than " + this.timeout.toSeconds() + " s; gave up before '"
							+ String.join(" ", command) + "'");
		}
		try {
			return Commands.run(command, Map.of("PIP_DISABLE_PIP_VERSION_CHECK", "1"), null, remaining,
					PIP_TAIL_LINES, lines);
		}
		catch (IOException ex) {
			throw new MilvusLocalException(MilvusLocalException.Reason.PYTHON_NOT_FOUND,
					"Cannot run '" + command.get(0) + "': " + ex.getMessage(), ex);
		}
	}

	private String markerText(PythonRequirements requirements, String version) {
		return "python=" + version + "\nrequirements=" + String.join(" ", requirements.requirements())
				+ "\npost-install=" + Objects.hashCode(requirements.postInstallScript()) + "\n";
	}

	private static boolean isComplete(Path directory, String marker) {
		Path file = directory.resolve(MARKER_FILE);
		try {
			return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(marker);
		}
		catch (IOException ex) {
			return false;
		}
	}

	static void deleteRecursively(Path directory) {
		if (directory == null || !Files.exists(directory, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try {
			Files.walkFileTree(directory, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					Files.deleteIfExists(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
					Files.deleteIfExists(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
					Files.deleteIfExists(dir);
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException ex) {
			throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR,
					"Cannot delete " + directory + ": " + ex, ex);
		}
	}

	/** Builds a {@link PythonInstaller}. */
	public static final class Builder {

		private Path cacheDirectory;

		private String python = DEFAULT_PYTHON;

		private Duration timeout = DEFAULT_TIMEOUT;

		private Consumer<String> progress;

		private String indexUrl;

		private Builder() {
		}

		/**
		 * Sets the package index pip installs from ({@code --index-url}; default: pip's own configuration, e.g.
		 * {@code PIP_INDEX_URL}, else PyPI).
		 * @param indexUrl a PEP 503 simple index, or {@code null} for pip's default
		 * @return this builder
		 */
		public Builder indexUrl(String indexUrl) {
			this.indexUrl = (indexUrl == null || indexUrl.isBlank()) ? null : indexUrl.trim();
			return this;
		}

		/**
		 * Sets the cache directory (default: see {@link CacheDirectory}).
		 * @param cacheDirectory the directory, or {@code null} for the default
		 * @return this builder
		 */
		public Builder cacheDirectory(Path cacheDirectory) {
			this.cacheDirectory = cacheDirectory;
			return this;
		}

		/**
		 * Sets the Python executable (default {@value PythonInstaller#DEFAULT_PYTHON}).
		 * @param python a command on {@code PATH} or a path
		 * @return this builder
		 */
		public Builder python(String python) {
			this.python = Objects.requireNonNull(python, "python");
			return this;
		}

		/**
		 * Sets the time limit of one install (default {@link PythonInstaller#DEFAULT_TIMEOUT}).
		 * @param timeout the time limit
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = Durations.requirePositive(timeout, "install timeout");
			return this;
		}

		/**
		 * Sets where progress lines go (default: {@link System.Logger} {@code dev.milvusboot.local} at INFO).
		 * @param progress the sink, or {@code null} for the default
		 * @return this builder
		 */
		public Builder progress(Consumer<String> progress) {
			this.progress = progress;
			return this;
		}

		/**
		 * Builds the installer.
		 * @return the installer
		 */
		public PythonInstaller build() {
			return new PythonInstaller(this);
		}

	}

}
