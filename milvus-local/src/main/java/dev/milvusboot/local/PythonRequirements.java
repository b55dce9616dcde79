package dev.milvusboot.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An immutable set of pip requirements installed together into one cached virtual environment, with the oldest
 * Python it accepts and an optional Python snippet run after a successful install (before the environment is
 * marked complete).
 */
public final class PythonRequirements {

	/** The Milvus Lite version installed by default. */
	public static final String DEFAULT_MILVUS_LITE_VERSION = "3.2.2";

	/**
	 * The pymilvus pinned with Milvus Lite: milvus-lite imports {@code pymilvus.grpc_gen} without declaring it;
	 * 3.0.2 is the newest pymilvus and works with Milvus Lite 3.2.2's server.
	 */
	public static final String DEFAULT_PYMILVUS_VERSION = "3.0.2";

	/** The version of the PyPI package {@code milvus} (embedded Milvus 2.3 standalone) installed by default. */
	public static final String DEFAULT_MILVUS_STANDALONE_VERSION = "2.3.5";

	/** The major version of the oldest Python accepted by default. */
	public static final int DEFAULT_MINIMUM_PYTHON_MAJOR = 3;

	/** The minor version of the oldest Python accepted by default (3.10, as Milvus Lite 3.x requires). */
	public static final int DEFAULT_MINIMUM_PYTHON_MINOR = 10;

	private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");

	private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._+-]+");

	private final String name;

	private final List<String> requirements;

	private final int minimumMajor;

	private final int minimumMinor;

	private final String postInstallScript;

	private PythonRequirements(Builder builder) {
		this.name = builder.name;
		this.requirements = List.copyOf(builder.requirements);
		this.minimumMajor = builder.minimumMajor;
		this.minimumMinor = builder.minimumMinor;
		this.postInstallScript = builder.postInstallScript;
	}

	/**
	 * Milvus Lite {@code version} with the pinned {@value #DEFAULT_PYMILVUS_VERSION} pymilvus.
	 * @param version the milvus-lite version, e.g. {@value #DEFAULT_MILVUS_LITE_VERSION}
	 * @return the requirements
	 */
	public static PythonRequirements milvusLite(String version) {
		return milvusLite(version, DEFAULT_PYMILVUS_VERSION);
	}

	/**
	 * Milvus Lite {@code version} with a given pymilvus (whose protocol classes it imports).
	 * @param version the milvus-lite version, e.g. {@value #DEFAULT_MILVUS_LITE_VERSION}
	 * @param pymilvusVersion the pymilvus version, e.g. {@value #DEFAULT_PYMILVUS_VERSION}
	 * @return the requirements
	 */
	public static PythonRequirements milvusLite(String version, String pymilvusVersion) {
		return builder("milvus-lite").requirement("milvus-lite==" + version)
				.requirement("pymilvus==" + pymilvusVersion)
				.build();
	}

	/**
	 * The PyPI package {@code milvus} (Milvus 2.3 standalone binary plus embedded etcd). After installing, its
	 * compressed binaries are unpacked once into {@code <venv>/milvus-base/bin}, which every server shares.
	 * @param version the package version, e.g. {@value #DEFAULT_MILVUS_STANDALONE_VERSION}
	 * @return the requirements
	 */
	public static PythonRequirements milvusStandalone(String version) {
		return builder("milvus").requirement("milvus==" + version)
				.postInstallScript("import os, sys, milvus\n"
						+ "milvus._initialize_data_files(os.path.join(sys.prefix, 'milvus-base'))\n"
						+ "print('unpacked Milvus binaries into ' + os.path.join(sys.prefix, 'milvus-base', 'bin'))\n")
				.build();
	}

	/**
	 * Starts a builder.
	 * @param name a short name for the environment, e.g. {@code milvus-lite}
	 * @return the builder
	 */
	public static Builder builder(String name) {
		return new Builder(name);
	}

	/**
	 * The short name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The pip requirement specifiers, in install order.
	 * @return the requirements
	 */
	public List<String> requirements() {
		return this.requirements;
	}

	/**
	 * The oldest accepted Python major version.
	 * @return the major version
	 */
	public int minimumPythonMajor() {
		return this.minimumMajor;
	}

	/**
	 * The oldest accepted Python minor version (with {@link #minimumPythonMajor()}).
	 * @return the minor version
	 */
	public int minimumPythonMinor() {
		return this.minimumMinor;
	}

	/**
	 * Python code run with the environment's interpreter after pip succeeded, or {@code null}.
	 * @return the script
	 */
	public String postInstallScript() {
		return this.postInstallScript;
	}

	/**
	 * The directory name of the environment: the name, the requirements and the Python version, e.g.
	 * {@code milvus-lite-3.2.2_pymilvus-3.0.2_py3.11}.
	 * @param pythonMajorMinor the interpreter's version, e.g. {@code 3.11}
	 * @return a file-name-safe directory name
	 */
	public String directoryName(String pythonMajorMinor) {
		StringBuilder dir = new StringBuilder();
		for (String requirement : this.requirements) {
			if (dir.length() > 0) {
				dir.append('_');
			}
			dir.append(UNSAFE.matcher(requirement.replace("==", "-")).replaceAll("-"));
		}
		if (!this.requirements.get(0).startsWith(this.name)) {
			dir.insert(0, this.name + "_");
		}
		return dir + "_py" + pythonMajorMinor;
	}

	@Override
	public String toString() {
		return this.name + this.requirements;
	}

	/** Builds {@link PythonRequirements}. */
	public static final class Builder {

		private final String name;

		private final List<String> requirements = new ArrayList<>();

		private int minimumMajor = DEFAULT_MINIMUM_PYTHON_MAJOR;

		private int minimumMinor = DEFAULT_MINIMUM_PYTHON_MINOR;

		private String postInstallScript;

		private Builder(String name) {
			Objects.requireNonNull(name, "name");
			if (!NAME.matcher(name).matches()) {
				throw new MilvusLocalException(MilvusLocalException.Reason.INVALID_ARGUMENT,
						"Python environment name '" + name + "' must start with a letter and hold only letters, "
								+ "digits, '.', '_' and '-'");
			}
			this.name = name;
		}

		/**
		 * Adds a pip requirement specifier, e.g. {@code milvus-lite==3.2.2}.
		 * @param requirement the specifier
		 * @return this builder
		 */
		public Builder requirement(String requirement) {
			Objects.requireNonNull(requirement, "requirement");
			if (requirement.isBlank() || requirement.startsWith("-")) {
				throw new MilvusLocalException(MilvusLocalException.Reason.INVALID_ARGUMENT,
						"pip requirement '" + requirement + "' must be a package specifier, not blank or an option");
			}
			this.requirements.add(requirement.trim());
			return this;
		}

		/**
		 * Sets the oldest accepted Python.
		 * @param major the major version
		 * @param minor the minor version
		 * @return this builder
		 */
		public Builder minimumPython(int major, int minor) {
			this.minimumMajor = major;
			this.minimumMinor = minor;
			return this;
		}

		/**
		 * Sets Python code to run after pip succeeded.
		 * @param script the code, or {@code null}
		 * @return this builder
		 */
		public Builder postInstallScript(String script) {
			this.postInstallScript = script;
			return this;
		}

		/**
		 * Builds the requirements.
		 * @return the requirements
		 */
		public PythonRequirements build() {
			if (this.requirements.isEmpty()) {
				throw new MilvusLocalException(MilvusLocalException.Reason.INVALID_ARGUMENT,
						"Python environment '" + this.name + "' needs at least one pip requirement");
			}
			return new PythonRequirements(this);
		}

	}

}
