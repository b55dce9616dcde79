package dev.milvusboot.springai;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusUnsupportedException;

/**
 * Which servers have hybrid dense + BM25 search (Milvus 2.5 and later, both Milvus Lite engines), and the exception
 * that says so, quoting the server.
 */
final class HybridSupport {

	/** A Milvus version as servers report it: {@code v2.3.5}, {@code v2.3.5-lite}, {@code 2.5.4}. */
	private static final Pattern MILVUS_VERSION = Pattern.compile("^v?(\\d+)\\.(\\d+)");

	private HybridSupport() {
	}

	/**
	 * Whether a server version is a Milvus release before 2.5 (no BM25 function, no hybrid search). Milvus Lite's
	 * own versions ({@code milvus_lite-3.2.2}) and {@code unknown} are not.
	 * @param version the version the server reports
	 * @return whether it is too old for hybrid search
	 */
	static boolean olderThan25(String version) {
		Matcher matcher = MILVUS_VERSION.matcher((version != null) ? version.trim() : "");
		if (!matcher.find()) {
			return false;
		}
		int major = Integer.parseInt(matcher.group(1));
		int minor = Integer.parseInt(matcher.group(2));
		return major < 2 || (major == 2 && minor < 5);
	}

	/**
	 * The exception of a hybrid store on a server without BM25 or hybrid search.
	 * @param version the server's version
	 * @param what what the server said, or what is missing
	 * @param cause the server's exception, or {@code null}
	 * @return the exception
	 */
	static MilvusUnsupportedException needsMilvus25(String version, String what, MilvusException cause) {
		String message = "Hybrid search (dense + BM25 full text) needs Milvus 2.5 or later, but the server is "
				+ version + ": " + what;
		return (cause != null) ? new MilvusUnsupportedException(message, new MilvusException.ErrorDetails(
				cause.errorCode(), cause.reason(), cause.grpcCode(), false), cause)
				: new MilvusUnsupportedException(message);
	}

}
