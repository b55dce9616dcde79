package dev.milvusboot.autoconfigure.lite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import dev.milvusboot.local.MilvusLite;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

/**
 * The Milvus Lite server started by {@link MilvusLiteAutoConfiguration}: running from its creation until
 * {@link #close()}, which stops it and, unless the data is kept, deletes its data directory and log.
 *
 * @since 0.1.0
 */
public final class MilvusLiteServer implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(MilvusLiteServer.class);

	private final MilvusLite lite;

	private final boolean keepData;

	private MilvusLiteServer(MilvusLite lite, boolean keepData) {
		this.lite = lite;
		this.keepData = keepData;
	}

	/**
	 * Installs Milvus Lite if needed, starts it and waits until it answers; installation and start-up progress is
	 * logged at INFO.
	 * @param properties the settings
	 * @return the running server
	 */
	public static MilvusLiteServer start(MilvusLiteProperties properties) {
		Assert.notNull(properties, "'properties' must not be null");
		Path dataDirectory = properties.getDataDirectory().toAbsolutePath().normalize();
		MilvusLite lite = MilvusLite.builder()
			.engine(properties.getEngine())
			.version(StringUtils.hasText(properties.getVersion()) ? properties.getVersion() : null)
			.stopStaleServer(properties.isStopStaleServer())
			.python(properties.getPython())
			.port(properties.getPort())
			.dataDirectory(dataDirectory)
			.startupTimeout(properties.getStartupTimeout())
			.progress(logger::info)
			.build();
		lite.start();
		if (logger.isInfoEnabled()) {
			logger.info("Milvus client will connect to Milvus Lite " + lite.version() + " ("
					+ properties.getEngine().name().toLowerCase(Locale.ROOT) + " engine) at " + lite.uri()
					+ " (milvus.lite.enabled=true); data in " + dataDirectory
					+ (properties.isKeepData() ? "" : ", deleted at shutdown"));
		}
		return new MilvusLiteServer(lite, properties.isKeepData());
	}

	/** The URI clients connect to, e.g. {@code http://127.0.0.1:41234}. */
	public String getUri() {
		return this.lite.uri();
	}

	/** The launcher, e.g. for the server's port, data directory, log file or version. */
	public MilvusLite getMilvusLite() {
		return this.lite;
	}

	/** Stops the server and its process tree; deletes the data unless it is kept. */
	@Override
	public void close() {
		this.lite.stop();
		logger.info("Milvus Lite at " + this.lite.uri() + " stopped");
		if (!this.keepData) {
			try {
				FileSystemUtils.deleteRecursively(this.lite.dataDirectory());
				Files.deleteIfExists(this.lite.logFile());
			}
			catch (IOException ex) {
				logger.warn("Cannot delete Milvus Lite data in " + this.lite.dataDirectory() + ": " + ex);
			}
		}
	}

	@Override
	public String toString() {
		return "MilvusLiteServer[" + this.lite.uri() + ", data " + this.lite.dataDirectory() + "]";
	}

}
