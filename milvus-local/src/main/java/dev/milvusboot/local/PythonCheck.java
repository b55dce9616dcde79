package dev.milvusboot.local;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the Python that {@link PythonInstaller} makes environments with: it runs, it is new enough, and it has the
 * {@code venv} and {@code ensurepip} modules; each failure says how to fix it.
 */
final class PythonCheck {

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);

	private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)\\S*");

	private static final String PROBE_SCRIPT = "import sys\n" + "print('%d.%d.%d' % sys.version_info[:3])\n"
			+ "try:\n" + "    import venv, ensurepip\n" + "    print('venv-ok')\n" + "except ImportError as e:\n"
			+ "    print('venv-missing: ' + str(e))\n";

	private PythonCheck() {
	}

	/**
	 * The version of a Python that can make virtual environments for the requirements.
	 * @param python the executable
	 * @param requirements what it must be able to install
	 * @return e.g. {@code 3.11.2}
	 * @throws MilvusLocalException with {@link MilvusLocalException.Reason#PYTHON_NOT_FOUND},
	 * {@link MilvusLocalException.Reason#PYTHON_TOO_OLD} or {@link MilvusLocalException.Reason#VENV_UNAVAILABLE}
	 */
	static String version(String python, PythonRequirements requirements) {
		Commands.Result probe;
		try {
			probe = Commands.run(List.of(python, "-c", PROBE_SCRIPT), Map.of(), null, PROBE_TIMEOUT, 20,
					line -> {
					});
		}
		catch (IOException ex) {
			throw new MilvusLocalException(MilvusLocalException.Reason.PYTHON_NOT_FOUND,
					"Python executable '" + python + "' cannot be run (" + ex.getMessage() + "); install "
							+ "Python " + requirements.minimumPythonMajor() + "." + requirements.minimumPythonMinor()
							+ "+ or configure another executable (PATH=" + System.getenv("PATH") + ")",
					ex);
		}
		String[] lines = probe.tail.split("\\R");
		Matcher version = VERSION.matcher(lines.length > 0 ? lines[0].trim() : "");
		if (probe.exitCode != 0 || !version.matches()) {
			throw new MilvusLocalException(MilvusLocalException.Reason.PYTHON_NOT_FOUND, "'" + python
					+ "' is not a working Python interpreter (exit " + probe.exitCode + "):"
					+ System.lineSeparator() + probe.tail);
		}
		int major = Integer.parseInt(version.group(1));
		int minor = Integer.parseInt(version.group(2));
		if (major < requirements.minimumPythonMajor()
				|| (major == requirements.minimumPythonMajor() && minor < requirements.minimumPythonMinor())) {
			throw new MilvusLocalException(MilvusLocalException.Reason.PYTHON_TOO_OLD,
					"Python '" + python + "' is " + lines[0].trim() + ", but " + requirements.name()
							+ " needs Python " + requirements.minimumPythonMajor() + "."
							+ requirements.minimumPythonMinor() + " or newer");
		}
		if (!probe.tail.contains("venv-ok")) {
			throw new MilvusLocalException(MilvusLocalException.Reason.VENV_UNAVAILABLE,
					"Python '" + python + "' (" + lines[0].trim() + ") lacks the venv/ensurepip module ("
							+ probe.tail.replaceAll("(?s).*venv-missing: ", "").trim()
							+ "); install python3-venv (Debian/Ubuntu: apt-get install python3-venv)");
		}
		return version.group(1) + "." + version.group(2) + "." + version.group(3);
	}

}
