package dev.milvusboot.local;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where installed Python environments and lock files are kept. The first that is set wins: an explicit directory
 * (a builder option), the system property {@value #SYSTEM_PROPERTY}, the environment variable
 * {@value #ENVIRONMENT_VARIABLE}, and finally {@code ~/.cache/milvus-boot}.
 */
public final class CacheDirectory {

	/** System property naming the cache directory. */
	public static final String SYSTEM_PROPERTY = "milvus.boot.cache";

	/** Environment variable naming the cache directory. */
	public static final String ENVIRONMENT_VARIABLE = "MILVUS_BOOT_CACHE";

	/** The default cache directory below the user's home. */
	public static final String DEFAULT_RELATIVE_TO_HOME = ".cache/milvus-boot";

	private CacheDirectory() {
	}

	/**
	 * Resolves the cache directory.
	 * @param explicit a directory given by the caller, or {@code null}
	 * @return the absolute cache directory (not created)
	 */
	public static Path resolve(Path explicit) {
		if (explicit != null) {
			return explicit.toAbsolutePath().normalize();
		}
		String property = System.getProperty(SYSTEM_PROPERTY);
		if (property != null && !property.isBlank()) {
			return Paths.get(property.trim()).toAbsolutePath().normalize();
		}
		String variable = System.getenv(ENVIRONMENT_VARIABLE);
		if (variable != null && !variable.isBlank()) {
			return Paths.get(variable.trim()).toAbsolutePath().normalize();
		}
		return Paths.get(System.getProperty("user.home"), DEFAULT_RELATIVE_TO_HOME).toAbsolutePath().normalize();
	}

}
