package dev.milvusboot.local;

import java.util.Objects;

/**
 * The one unchecked exception of this module. {@link #reason()} tells what went wrong, so callers can react to a
 * missing Python or a busy port without parsing messages; the message says what is wrong and where.
 */
public final class MilvusLocalException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** What went wrong. */
	public enum Reason {

		/** The Python executable was not found (not on {@code PATH}, or a configured path that does not exist). */
		PYTHON_NOT_FOUND,

		/** The Python interpreter is older than the packages need. */
		PYTHON_TOO_OLD,

		/** The interpreter lacks the {@code venv} or {@code ensurepip} module (Debian/Ubuntu: python3-venv). */
		VENV_UNAVAILABLE,

		/** {@code pip install} (or a post-install step) failed; the message holds the end of its output. */
		PIP_FAILED,

		/** Installing, starting or waiting for a server took longer than allowed. */
		TIMEOUT,

		/** The TCP port the server should listen on is already taken. */
		PORT_IN_USE,

		/** The server process exited before it became ready; the message holds the end of its log. */
		SERVER_EXITED,

		/** The server is not running (not started yet, stopped, or died). */
		NOT_RUNNING,

		/** A file or process operation failed. */
		IO_ERROR,

		/**
		 * The data directory is held by another server: a leftover of ours (when not told to stop it) or a
		 * process that is not ours; the message names its pid, command line and what to do.
		 */
		DATA_DIRECTORY_LOCKED,

		/** The package index (PyPI or a configured mirror) could not be reached by pip or the download. */
		PYPI_UNREACHABLE,

		/** An option was invalid. */
		INVALID_ARGUMENT,

		/** Anything else. */
		OTHER

	}

	private final Reason reason;

	/**
	 * Creates an exception of reason {@link Reason#OTHER}.
	 * @param message what is wrong and where
	 */
	public MilvusLocalException(String message) {
		this(Reason.OTHER, message, null);
	}

	/**
	 * Creates an exception of reason {@link Reason#OTHER} with a cause.
	 * @param message what is wrong and where
	 * @param cause the underlying failure
	 */
	public MilvusLocalException(String message, Throwable cause) {
		this(Reason.OTHER, message, cause);
	}

	/**
	 * Creates an exception.
	 * @param reason what went wrong
	 * @param message what is wrong and where
	 */
	public MilvusLocalException(Reason reason, String message) {
		this(reason, message, null);
	}

	/**
	 * Creates an exception with a cause.
	 * @param reason what went wrong
	 * @param message what is wrong and where
	 * @param cause the underlying failure, or {@code null}
	 */
	public MilvusLocalException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = Objects.requireNonNull(reason, "reason");
	}

	/**
	 * What went wrong.
	 * @return the reason, never {@code null}
	 */
	public Reason reason() {
		return this.reason;
	}

	@Override
	public String toString() {
		return getClass().getName() + " [" + this.reason + "]: " + getMessage();
	}

}
