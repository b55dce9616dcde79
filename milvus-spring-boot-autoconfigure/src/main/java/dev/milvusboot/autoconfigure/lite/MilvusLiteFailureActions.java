package dev.milvusboot.autoconfigure.lite;

import dev.milvusboot.local.MilvusLocalException;

/**
 * What to do about each {@link MilvusLocalException.Reason} Milvus Lite can fail to start for. Loaded only once a
 * {@link MilvusLocalException} was seen, so {@link MilvusLiteFailureAnalyzer} works without {@code milvus-local}.
 */
final class MilvusLiteFailureActions {

	private static final String CACHE = "the cache directory (~/.cache/milvus-boot, or $MILVUS_BOOT_CACHE)";

	private MilvusLiteFailureActions() {
	}

	/**
	 * The action for a failure.
	 * @param failure a {@link MilvusLocalException}
	 * @return what to do about it
	 */
	static String actionFor(Throwable failure) {
		return actionFor(((MilvusLocalException) failure).reason());
	}

	/**
	 * The action for a reason; every reason has its own (the switch has no default, so a new reason does not
	 * compile without one).
	 * @param reason the reason
	 * @return what to do about it
	 */
	static String actionFor(MilvusLocalException.Reason reason) {
		return switch (reason) {
			case PYTHON_NOT_FOUND -> "Install Python 3.10 or newer with venv (Debian/Ubuntu: apt-get install python3 "
					+ "python3-venv), or set milvus.lite.python to the path of an interpreter that exists.";
			case PYTHON_TOO_OLD -> "Install Python 3.10 or newer and set milvus.lite.python to it (for example "
					+ "/usr/bin/python3.12); the interpreter named above is too old for Milvus Lite.";
			case VENV_UNAVAILABLE -> "Install the venv module of that Python (Debian/Ubuntu: apt-get install "
					+ "python3-venv), or set milvus.lite.python to an interpreter that has it.";
			case PIP_FAILED -> "pip's output above says why the install failed. Check that milvus.lite.version "
					+ "exists on PyPI for this platform and that " + CACHE + " has free space, then start again: an "
					+ "unfinished install is redone.";
			case TIMEOUT -> "If the server was starting, raise milvus.lite.startup-timeout (its log, next to "
					+ "milvus.lite.data-directory, shows what it was doing); if it was installing, check the "
					+ "connection to PyPI and start again.";
			case PORT_IN_USE -> "Another process listens on the port: stop it, or set milvus.lite.port to a free "
					+ "port, or to 0 (the default) for any free one.";
			case SERVER_EXITED -> "The server crashed while starting: the end of its log is quoted above and the "
					+ "whole log is next to milvus.lite.data-directory. If the data is damaged, move the data "
					+ "directory aside (or set milvus.lite.data-directory to an empty one) and start again.";
			case NOT_RUNNING -> "The server stopped (killed or crashed) before the application was ready: its log, "
					+ "next to milvus.lite.data-directory, says why. Start the application again.";
			case IO_ERROR -> "Check that milvus.lite.data-directory and " + CACHE + " are writable and the disk is "
					+ "not full.";
			case DATA_DIRECTORY_LOCKED -> "Another process holds the data directory (its PID and command line are "
					+ "above): stop it (kill <PID>), or let the application stop a leftover Milvus Lite of its own with "
					+ "milvus.lite.stop-stale-server=true (the default), or set milvus.lite.data-directory to another "
					+ "directory.";
			case PYPI_UNREACHABLE -> "Check the connection to the package index (https://pypi.org, or the mirror in "
					+ "PIP_INDEX_URL) and any proxy in between, then start again; it is needed only for the first "
					+ "install, later starts use " + CACHE + ".";
			case INVALID_ARGUMENT -> "Correct the milvus.lite.* property the message above names.";
			case OTHER -> "Read the message above; to go on without Milvus Lite, set milvus.lite.enabled=false "
					+ "and point milvus.uri at a Milvus server.";
		};
	}

}
