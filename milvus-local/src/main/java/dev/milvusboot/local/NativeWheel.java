package dev.milvusboot.local;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A wheel of Milvus Lite 2.x on a package index, for {@link NativeInstaller}: which platform tag this machine
 * needs, and which link of the package's PEP 503 page is the wheel of a version for it (with its SHA-256).
 *
 * @param fileName the wheel's file name
 * @param uri where it is downloaded from
 * @param sha256 its SHA-256 as the index gives it (lower-case hex)
 */
record NativeWheel(String fileName, URI uri, String sha256) {

	private static final Pattern ANCHOR = Pattern.compile("<a\\s[^>]*href=\"([^\"]+)\"[^>]*>([^<]+)</a>",
			Pattern.CASE_INSENSITIVE);

	/**
	 * The wheel platform tag of this machine.
	 * @return e.g. {@code manylinux2014_x86_64}
	 */
	static String platform() {
		return platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
	}

	/**
	 * The wheel platform tag for an OS and architecture as Java names them.
	 * @param os {@code os.name}
	 * @param arch {@code os.arch}
	 * @return e.g. {@code manylinux2014_x86_64}
	 */
	static String platform(String os, String arch) {
		String lowerOs = os.toLowerCase(Locale.ROOT);
		boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
		boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
		if (lowerOs.startsWith("linux") && (x64 || arm64)) {
			return "manylinux2014_" + (x64 ? "x86_64" : "aarch64");
		}
		if (lowerOs.startsWith("mac") && (x64 || arm64)) {
			return x64 ? "macosx_10_9_x86_64" : "macosx_11_0_arm64";
		}
		throw new MilvusLocalException(MilvusLocalException.Reason.INVALID_ARGUMENT,
				"Milvus Lite 2.x (NATIVE engine) has binaries for Linux and macOS on x86_64 and arm64 only, not "
						+ os + "/" + arch + "; use the PYTHON engine");
	}

	/**
	 * Picks the wheel of a version and platform from a PEP 503 page.
	 * @param html the page
	 * @param page its address (relative links are resolved against it)
	 * @param version the version
	 * @param platform the platform tag, e.g. {@code manylinux2014_x86_64}
	 * @return the wheel
	 */
	static NativeWheel pick(String html, URI page, String version, String platform) {
		String prefix = "milvus_lite-" + version + "-";
		List<String> ofVersion = new ArrayList<>();
		Matcher anchor = ANCHOR.matcher(html);
		while (anchor.find()) {
			String name = anchor.group(2).trim();
			if (!name.startsWith(prefix) || !name.endsWith(".whl")) {
				continue;
			}
			ofVersion.add(name);
			if (!name.endsWith("-" + platform + ".whl")) {
				continue;
			}
			String href = anchor.group(1).replace("&amp;", "&");
			int hash = href.indexOf("#sha256=");
			if (hash < 0) {
				throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR,
						"The package index " + page + " gives no sha256 for " + name + ", so it cannot be verified");
			}
			return new NativeWheel(name, page.resolve(href.substring(0, hash)), href.substring(hash + 8).toLowerCase(
					Locale.ROOT));
		}
		throw new MilvusLocalException(MilvusLocalException.Reason.INVALID_ARGUMENT,
				"The package index " + page + " has no wheel of milvus-lite " + version + " for this platform ("
						+ platform + "); " + (ofVersion.isEmpty() ? "that version does not exist there"
								: "wheels of that version: " + String.join(", ", ofVersion)));
	}

}
