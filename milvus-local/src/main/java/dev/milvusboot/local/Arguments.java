package dev.milvusboot.local;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks of the settings given to this module's builders; a bad value is a {@link MilvusLocalException} with
 * {@link MilvusLocalException.Reason#INVALID_ARGUMENT} naming the setting. (The client module checks its own
 * settings with its own exception type: the two modules do not depend on each other.)
 */
final class Arguments {

	/** A PyPI version such as {@code 2.5.1}, {@code 3.0.0rc1} or {@code 1.0+local}. */
	private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z.+!-]+");

	private Arguments() {
	}

	/**
	 * A positive duration.
	 * @param duration the value
	 * @param what the setting, for the message (e.g. {@code Milvus Lite startupTimeout})
	 * @return the value
	 */
	static Duration positive(Duration duration, String what) {
		Objects.requireNonNull(duration, what);
		if (duration.isNegative() || duration.isZero()) {
			throw invalid(what + " must be positive, but was " + duration);
		}
		return duration;
	}

	/**
	 * A TCP port, or 0 for a free one.
	 * @param port the value
	 * @param server the server it is for, for the message
	 * @return the value
	 */
	static int port(int port, String server) {
		if (port < 0 || port > 65535) {
			throw invalid(server + " port must be between 0 and 65535, but was " + port);
		}
		return port;
	}

	/**
	 * A package version, or {@code null} for the default.
	 * @param version the value
	 * @param what the package, for the message
	 * @return the value
	 */
	static String version(String version, String what) {
		if (version != null && !VERSION.matcher(version).matches()) {
			throw invalid(what + " version '" + version + "' is not a version number such as 2.5.1");
		}
		return version;
	}

	private static MilvusLocalException invalid(String message) {
		return new MilvusLocalException(MilvusLocalException.Reason.INVALID_ARGUMENT, message);
	}

}
