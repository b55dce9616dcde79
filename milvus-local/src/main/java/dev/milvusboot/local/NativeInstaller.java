package dev.milvusboot.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Installs the server binary of Milvus Lite 2.x (PyPI {@code milvus-lite}, the C++ line built from Milvus' own
 * engine) without Python: finds the wheel of this platform on the package index's simple page (PEP 503), downloads
 * it with the JDK's HTTP client (standard proxy properties apply), checks its SHA-256 and unpacks only
 * {@code milvus_lite/lib/} (the {@code milvus} executable and its shared libraries) into
 * {@code <cache>/milvus-lite-native/<version>-<platform>/lib}. As with {@link PythonInstaller}, a marker file is
 * written after a complete install (a half-made one is redone) and a lock file keeps two installers apart.
 */
final class NativeInstaller {

	/** The package index used unless {@value #INDEX_URL_VARIABLE} or a builder option says otherwise. */
	static final String DEFAULT_INDEX_URL = "https://pypi.org/simple";

	/** The environment variable pip reads for its index; honoured here too. */
	static final String INDEX_URL_VARIABLE = "PIP_INDEX_URL";

	/** The folder below the cache directory. */
	static final String DIRECTORY = "milvus-lite-native";

	/** The server executable inside {@code lib}. */
	static final String EXECUTABLE = "milvus";

	private static final String PACKAGE = "milvus-lite";

	private static final String LIB_PREFIX = "milvus_lite/lib/";

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

	private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(60);

	private static final Pattern ANCHOR = Pattern.compile("<a\\s[^>]*href=\"([^\"]+)\"[^>]*>([^<]+)</a>",
			Pattern.CASE_INSENSITIVE);

	private final Path cacheDirectory;

	private final String indexUrl;

	private final Duration timeout;

	private final Consumer<String> progress;

	NativeInstaller(Path cacheDirectory, String indexUrl, Duration timeout, Consumer<String> progress) {
		this.cacheDirectory = CacheDirectory.resolve(cacheDirectory);
		this.indexUrl = stripSlash(resolveIndexUrl(indexUrl));
		this.timeout = timeout;
		this.progress = Progress.orDefault(progress);
	}

	/**
	 * The index to use: the given one, else {@value #INDEX_URL_VARIABLE}, else {@value #DEFAULT_INDEX_URL}.
	 * @param explicit the configured index or {@code null}
	 * @return the index URL
	 */
	static String resolveIndexUrl(String explicit) {
		if (explicit != null && !explicit.isBlank()) {
			return explicit.trim();
		}
		String variable = System.getenv(INDEX_URL_VARIABLE);
		return (variable != null && !variable.isBlank()) ? variable.trim() : DEFAULT_INDEX_URL;
	}

	/**
	 * The installed server of {@code version}, installed first if needed.
	 * @param version the {@code milvus-lite} version, e.g. {@code 2.5.1}
	 * @return the folder holding {@code milvus} and its libraries
	 */
	Path install(String version) {
		long started = System.nanoTime();
		String platform = Platform.current();
		Path root = this.cacheDirectory.resolve(DIRECTORY);
		Path directory = root.resolve(version + "-" + platform);
		Path lib = directory.resolve("lib");
		if (isComplete(directory)) {
			return lib;
		}
		try (FileLocks.Held lock = FileLocks.acquire(root.resolve(directory.getFileName() + ".lock"), this.timeout,
				"installing Milvus Lite " + version + " into " + directory, this.progress)) {
			if (isComplete(directory)) {
				return lib;
			}
			if (Files.exists(directory)) {
				this.progress.accept("Removing incomplete Milvus Lite install " + directory);
				PythonInstaller.deleteRecursively(directory);
			}
			Wheel wheel = findWheel(version, platform, deadline(started));
			Path download = directory.resolveSibling(directory.getFileName() + ".whl.part");
			try {
				download(wheel, download, started);
				unpack(download, lib);
				Files.writeString(directory.resolve(PythonInstaller.MARKER_FILE),
						"wheel=" + wheel.fileName + "\nsha256=" + wheel.sha256 + "\n", StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR,
						"Cannot unpack " + wheel.fileName + " into " + directory + ": " + ex, ex);
			}
			finally {
				deleteQuietly(download);
			}
			this.progress.accept(String.format(Locale.ROOT, "Milvus Lite %s is installed in %s (took %.1f s)",
					version, directory, (System.nanoTime() - started) / 1e9));
			return lib;
		}
	}

	private long deadline(long started) {
		return started + this.timeout.toNanos();
	}

	private static boolean isComplete(Path directory) {
		return Files.isRegularFile(directory.resolve(PythonInstaller.MARKER_FILE))
				&& Files.isExecutable(directory.resolve("lib").resolve(EXECUTABLE));
	}

	/** Reads the index's page of the package and picks this version's wheel for this platform. */
	Wheel findWheel(String version, String platform, long deadline) {
		URI page = URI.create(this.indexUrl + "/" + PACKAGE + "/");
		String html;
		try {
			HttpResponse<String> response = client().send(HttpRequest.newBuilder(page)
				.timeout(remaining(deadline, PAGE_TIMEOUT, page))
				.header("Accept", "text/html")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw unreachable(page, "HTTP " + response.statusCode(), null);
			}
			html = response.body();
		}
		catch (IOException ex) {
			throw unreachable(page, ex.toString(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MilvusLocalException(MilvusLocalException.Reason.TIMEOUT, "Interrupted while reading " + page,
					ex);
		}
		return pickWheel(html, page, version, platform);
	}

	/**
	 * Picks the wheel of a version and platform from a PEP 503 page.
	 * @param html the page
	 * @param page its address (relative links are resolved against it)
	 * @param version the version
	 * @param platform the platform tag, e.g. {@code manylinux2014_x86_64}
	 * @return the wheel
	 */
	static Wheel pickWheel(String html, URI page, String version, String platform) {
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
			return new Wheel(name, page.resolve(href.substring(0, hash)), href.substring(hash + 8).toLowerCase(
					Locale.ROOT));
		}
		throw new MilvusLocalException(MilvusLocalException.Reason.INVALID_ARGUMENT,
				"The package index " + page + " has no wheel of milvus-lite " + version + " for this platform ("
						+ platform + "); " + (ofVersion.isEmpty() ? "that version does not exist there"
								: "wheels of that version: " + String.join(", ", ofVersion)));
	}

	private void download(Wheel wheel, Path target, long started) {
		long deadline = deadline(started);
		this.progress.accept("Downloading " + wheel.fileName + " from " + wheel.uri.getHost());
		long begin = System.nanoTime();
		MessageDigest sha256;
		try {
			sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		long bytes;
		try {
			Files.createDirectories(target.getParent());
			HttpResponse<InputStream> response = client().send(HttpRequest.newBuilder(wheel.uri)
				.timeout(remaining(deadline, this.timeout, wheel.uri))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = new DigestInputStream(response.body(), sha256);
					OutputStream out = Files.newOutputStream(target)) {
				if (response.statusCode() != 200) {
					throw unreachable(wheel.uri, "HTTP " + response.statusCode(), null);
				}
				bytes = body.transferTo(out);
			}
		}
		catch (IOException ex) {
			throw unreachable(wheel.uri, ex.toString(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MilvusLocalException(MilvusLocalException.Reason.TIMEOUT,
					"Interrupted while downloading " + wheel.uri, ex);
		}
		String actual = HexFormat.of().formatHex(sha256.digest());
		if (!actual.equals(wheel.sha256)) {
			throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR, "The download of " + wheel.uri
					+ " is corrupt: its sha256 is " + actual + " but the index says " + wheel.sha256);
		}
		this.progress.accept(String.format(Locale.ROOT, "Downloaded %s (%.1f MB in %.1f s, sha256 verified)",
				wheel.fileName, bytes / 1e6, (System.nanoTime() - begin) / 1e9));
	}

	/** Unpacks {@code milvus_lite/lib/*} into {@code lib}, the executable marked executable. */
	private static void unpack(Path wheel, Path lib) throws IOException {
		Files.createDirectories(lib);
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(wheel))) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				String name = entry.getName();
				if (entry.isDirectory() || !name.startsWith(LIB_PREFIX)
						|| name.substring(LIB_PREFIX.length()).contains("/") || name.contains("..")) {
					continue;
				}
				Path file = lib.resolve(name.substring(LIB_PREFIX.length()));
				Files.copy(zip, file, StandardCopyOption.REPLACE_EXISTING);
				if (!file.toFile().setExecutable(true, false)) {
					throw new IOException("Cannot make " + file + " executable");
				}
			}
		}
		if (!Files.isExecutable(lib.resolve(EXECUTABLE))) {
			throw new IOException("the wheel holds no " + LIB_PREFIX + EXECUTABLE);
		}
	}

	private static HttpClient client() {
		return HttpClient.newBuilder()
			.proxy(ProxySelector.getDefault())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(CONNECT_TIMEOUT)
			.build();
	}

	private Duration remaining(long deadline, Duration cap, URI uri) {
		long left = deadline - System.nanoTime();
		if (left <= 0) {
			throw new MilvusLocalException(MilvusLocalException.Reason.TIMEOUT, "Installing Milvus Lite took longer "
					+ "than " + this.timeout.toSeconds() + " s; gave up before fetching " + uri);
		}
		return Duration.ofNanos(Math.min(left, cap.toNanos()));
	}

	private static MilvusLocalException unreachable(URI uri, String cause, Throwable ex) {
		return new MilvusLocalException(MilvusLocalException.Reason.PYPI_UNREACHABLE,
				"Cannot download Milvus Lite from the package index: " + uri + " failed (" + cause + "). Check the "
						+ "network or proxy (Java's https.proxyHost/https.proxyPort), or point " + INDEX_URL_VARIABLE
						+ " (or the builder's indexUrl) to a reachable mirror",
				ex);
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// a leftover part file is replaced next time
		}
	}

	/** A wheel on the index. */
	record Wheel(String fileName, URI uri, String sha256) {
	}

	/** The wheel platform tag of this machine. */
	static final class Platform {

		private Platform() {
		}

		static String current() {
			return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
		}

		/**
		 * The wheel platform tag for an OS and architecture as Java names them.
		 * @param os {@code os.name}
		 * @param arch {@code os.arch}
		 * @return e.g. {@code manylinux2014_x86_64}
		 */
		static String of(String os, String arch) {
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

	}

}
