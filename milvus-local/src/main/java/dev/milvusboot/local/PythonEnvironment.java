package dev.milvusboot.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A complete Python virtual environment made by {@link PythonInstaller}: made once in the cache directory and
 * reused.
 */
public final class PythonEnvironment {

	/** The oldest Python minor version (of Python 3) the Milvus packages support. */
	public static final int MIN_PYTHON_MINOR = PythonRequirements.DEFAULT_MINIMUM_PYTHON_MINOR;

	private final Path directory;

	private final PythonRequirements requirements;

	private final String pythonVersion;

	PythonEnvironment(Path directory, PythonRequirements requirements, String pythonVersion) {
		this.directory = directory;
		this.requirements = requirements;
		this.pythonVersion = pythonVersion;
	}

	/**
	 * The cache directory: {@code milvus.boot.cache}, {@code MILVUS_BOOT_CACHE}, or {@code ~/.cache/milvus-boot}.
	 * @return the directory
	 * @see CacheDirectory
	 */
	public static Path defaultCacheDirectory() {
		return CacheDirectory.resolve(null);
	}

	/**
	 * Makes sure an environment with these requirements exists, creating it if needed (see
	 * {@link PythonInstaller}).
	 * @param cacheDirectory where environments are kept
	 * @param name a name for the environment
	 * @param python the Python executable
	 * @param requirements pip requirements, e.g. {@code milvus-lite==3.2.2}
	 * @param timeout how long creating it may take
	 * @param progress told of each step
	 * @return the environment
	 */
	public static PythonEnvironment ensure(Path cacheDirectory, String name, String python, List<String> requirements,
			Duration timeout, Consumer<String> progress) {
		PythonRequirements.Builder builder = PythonRequirements.builder(name);
		requirements.forEach(builder::requirement);
		return PythonInstaller.builder()
			.cacheDirectory(cacheDirectory)
			.python(python)
			.timeout(timeout)
			.progress(progress)
			.build()
			.install(builder.build());
	}

	/**
	 * The environment's folder.
	 * @return the directory
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * What is installed in it.
	 * @return the requirements
	 */
	public PythonRequirements requirements() {
		return this.requirements;
	}

	/**
	 * The version of the interpreter it was made with, e.g. {@code 3.11.7}.
	 * @return the version
	 */
	public String pythonVersion() {
		return this.pythonVersion;
	}

	/**
	 * An executable of the environment.
	 * @param name e.g. {@code python}, {@code pip} or {@code milvus-lite}
	 * @return its path in {@code bin}
	 */
	public Path executable(String name) {
		return this.directory.resolve("bin").resolve(name);
	}

	/**
	 * The environment's Python.
	 * @return the path of {@code bin/python}
	 */
	public Path python() {
		return executable("python");
	}

	@Override
	public String toString() {
		return this.requirements + " in " + this.directory;
	}

}
