package dev.milvusboot.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The data directory of a {@link MilvusLite}: made before a start, cleared of a stale server of ours (see
 * {@link StaleServers}), and locked while the server runs. Milvus Lite 3.x flocks {@code LOCK} itself; the 2.x
 * binary takes no lock on its database, so this launcher holds {@code .milvus.db.lock} (the lock file its Python
 * launcher uses) while it runs.
 */
final class LiteDataDirectory {

	private static final String PYTHON_LOCK_FILE = "LOCK";

	/** How Milvus Lite 3.x says that another process holds its data directory. */
	private static final Pattern LOCKED_DATA_DIRECTORY = Pattern
		.compile("DataDirLockedError|another process holds the lock");

	private final Path directory;

	private final boolean nativeEngine;

	private FileLocks.Held lock;

	LiteDataDirectory(Path directory, MilvusLite.Engine engine) {
		this.directory = directory;
		this.nativeEngine = engine == MilvusLite.Engine.NATIVE;
	}

	/** The database file of the {@link MilvusLite.Engine#NATIVE} engine. */
	Path nativeDatabaseFile() {
		return this.directory.resolve(MilvusLite.NATIVE_DATABASE_FILE);
	}

	/**
	 * Makes the directory and stops a stale server of ours in it, or fails if another process holds it.
	 * @param stopStaleServer whether a stale server of ours is stopped
	 * @param progress told what is stopped
	 */
	void prepare(boolean stopStaleServer, Consumer<String> progress) {
		try {
			Files.createDirectories(this.directory);
		}
		catch (IOException ex) {
			throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR,
					"Cannot create the Milvus Lite data directory " + this.directory + ": " + ex, ex);
		}
		StaleServers.clear(kind(), this.directory, serverLockFile(), stopStaleServer, progress);
	}

	/** Locks the directory for the {@link MilvusLite.Engine#NATIVE} engine, which does not lock it itself. */
	void lock() {
		if (!this.nativeEngine || this.lock != null) {
			return;
		}
		Path lockFile = serverLockFile();
		this.lock = FileLocks.tryAcquire(lockFile);
		if (this.lock == null) {
			List<StaleServers.Holder> holders = StaleServers.find(kind(), lockFile);
			throw StaleServers.locked(kind(), this.directory, holders.isEmpty() ? null : holders.get(0),
					holders.isEmpty() ? " (" + lockFile + " is locked, by this JVM or another process)" : null);
		}
	}

	/** Gives the lock back, if held. */
	void unlock() {
		FileLocks.Held held = this.lock;
		this.lock = null;
		if (held != null) {
			held.close();
		}
	}

	/**
	 * What a failed start means: Milvus Lite 3.x exiting because another process holds the directory becomes
	 * {@link MilvusLocalException.Reason#DATA_DIRECTORY_LOCKED}, naming that process.
	 * @param ex the failure
	 * @return the exception to throw
	 */
	MilvusLocalException startFailure(MilvusLocalException ex) {
		if (ex.reason() == MilvusLocalException.Reason.SERVER_EXITED
				&& LOCKED_DATA_DIRECTORY.matcher(ex.getMessage()).find()) {
			List<StaleServers.Holder> holders = StaleServers.find(kind(), serverLockFile());
			return StaleServers.locked(kind(), this.directory, holders.isEmpty() ? null : holders.get(0),
					" " + ex.getMessage());
		}
		return ex;
	}

	private StaleServers.Kind kind() {
		return this.nativeEngine ? StaleServers.Kind.nativeLite(nativeDatabaseFile())
				: StaleServers.Kind.pythonLite(this.directory);
	}

	/** The file the server locks: Milvus Lite 3.x flocks {@code LOCK}; for 2.x this launcher locks its file. */
	private Path serverLockFile() {
		return this.directory
			.resolve(this.nativeEngine ? "." + MilvusLite.NATIVE_DATABASE_FILE + ".lock" : PYTHON_LOCK_FILE);
	}

}
