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
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Consumer;
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
		String platform = NativeWheel.platform();
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
				Directories.delete(directory);
			}
			NativeWheel wheel = findWheel(version, platform, deadline(started));
			Path download = directory.resolveSibling(directory.getFileName() + ".whl.part");
			try {
				download(wheel, download, started);
				unpack(download, lib);
				Files.writeString(directory.resolve(PythonInstaller.MARKER_FILE),
						"wheel=" + wheel.fileName() + "\nsha256=" + wheel.sha256() + "\n", StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR,
						"Cannot unpack " + wheel.fileName() + " into " + directory + ": " + ex, ex);
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
	NativeWheel findWheel(String version, String platform, long deadline) {
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
		return NativeWheel.pick(html, page, version, platform);
	}

	private void download(NativeWheel wheel, Path target, long started) {
		long deadline = deadline(started);
		this.progress.accept("Downloading " + wheel.fileName() + " from " + wheel.uri().getHost());
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
			HttpResponse<InputStream> response = client().send(HttpRequest.newBuilder(wheel.uri())
				.timeout(remaining(deadline, this.timeout, wheel.uri()))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = new DigestInputStream(response.body(), sha256);
					OutputStream out = Files.newOutputStream(target)) {
				if (response.statusCode() != 200) {
					throw unreachable(wheel.uri(), "HTTP " + response.statusCode(), null);
				}
				bytes = body.transferTo(out);
			}
		}
		catch (IOException ex) {
			throw unreachable(wheel.uri(), ex.toString(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MilvusLocalException(MilvusLocalException.Reason.TIMEOUT,
					"Interrupted while downloading " + wheel.uri(), ex);
		}
		String actual = HexFormat.of().formatHex(sha256.digest());
		if (!actual.equals(wheel.sha256())) {
			throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR, "The download of " + wheel.uri()
					+ " is corrupt: its sha256 is " + actual + " but the index says " + wheel.sha256());
		}
		this.progress.accept(String.format(Locale.ROOT, "Downloaded %s (%.1f MB in %.1f s, sha256 verified)",
				wheel.fileName(), bytes / 1e6, (System.nanoTime() - begin) / 1e9));
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


}
